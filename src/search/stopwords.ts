/**
 * Words that carry no topic of their own, chat's fillers among them ("lol", "tbh", "stuff", "the deal with"). Numbers such as "two" or "five" and words such as
 * "more" and "not" are kept: the article's terms are built from them (“five more”, “five
 * resolutely not using”).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the of in on at to for from by with about around into over under as than then and or but nor if so
  is are was were be been being am do does did doing done has have had having get gets got
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  myself yourself yourselves himself herself itself ourselves themselves
  this that these those there here which who whom whose what when where why how whats
  can could should would will shall may might must ought
  any some such very just also too only own same each both other others
  please tell explain summarize summarise recap show give say says said mean meant means according
  article text report piece thing things something anything way
  happen happens happened happening supposed kind kinds sort really actually actual exact exactly still instead lot lots much many
  up out off make makes making made help helps helping everyone everybody anyone anybody someone somebody
  hey hi hello bot pls plz thanks thank thx ok okay yeah yes guys bro like just lol tldr eli5 quick question
  lmao lmfao rofl tbh ngl rn fr imo imho omg smh btw jk bruh nah nope yep yup hmm um uh kinda sorta basically
  literally honestly seriously anyway anyways though probably maybe stuff bit bits part deal want wants wanted
  meaning meanings definition define defined refer refers referring referred context sense good better best great nice
  anymore ever even yet again now today guy dude man woman lady person fellow going gonna wanna gotta cuz coz
  anywhere somewhere everywhere go goes went gone
  id i'd know knows knew wonder wondering wondered curious
  whether toward towards regarding concerning via per among amongst upon during since until while although because unless`
    .split(/\s+/)
    .filter(Boolean),
);
