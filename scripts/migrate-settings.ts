// Copies the settings in DATA_DIR's SQLite file into the PostgreSQL database of DATABASE_URL:
// `npm run settings:migrate`. Safe to run again: guilds the database already holds are left as they are.
import 'dotenv/config';
import path from 'node:path';
import { copySettingsToPostgres, SettingsStoreError } from '../src/settings/index.js';

const databaseUrl = process.env['DATABASE_URL']?.trim();
if (!databaseUrl) {
  console.error(
    'DATABASE_URL is not set: set it (in .env or the environment) to the PostgreSQL database the settings should move to, e.g. postgresql://policy_bot:secret@db.example:5432/policy_bot.',
  );
  process.exit(2);
}
const dataDir = path.resolve(process.env['DATA_DIR']?.trim() || './data');
const schema = process.env['DATABASE_SCHEMA']?.trim() || undefined;

try {
  const report = await copySettingsToPostgres({ dataDir, databaseUrl, schema });
  const guilds = (n: number): string => `${n} ${n === 1 ? 'guild' : 'guilds'}`;
  console.log(
    `Copied the settings of ${guilds(report.copied.length)} from ${report.file} into ${report.database} (schema ${report.schema}).`,
  );
  if (report.kept.length > 0) {
    console.log(
      `Already in the database, and left as they are: ${guilds(report.kept.length)} (${report.kept.join(', ')}).`,
    );
  }
} catch (error) {
  if (!(error instanceof SettingsStoreError) && !(error instanceof RangeError)) throw error;
  console.error(`Nothing was copied. ${error.message}`);
  process.exit(1);
}
