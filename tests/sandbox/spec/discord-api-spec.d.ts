/** The package's zod build has no declarations: its exports are read by name and checked at run time. */
declare module 'discord-api-spec/zod' {
  const schemas: Readonly<Record<string, unknown>>;
  export = schemas;
}
