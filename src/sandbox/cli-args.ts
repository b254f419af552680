import type { SettlementMode } from './settlements.js';

/** What `npm run sandbox -- …` was asked for. */
export interface SandboxArgs {
  readonly help: boolean;
  readonly json: boolean;
  /** --record FILE: the traffic as JSON lines. */
  readonly record: string | null;
  /** --settlement MODE (default auto: quiet windows until the bot first reports). */
  readonly settlement: SettlementMode;
  /** --http: interactions POSTed to the bot's HTTP endpoint (its startHttpBot) instead of the gateway. */
  readonly http: boolean;
}

const SETTLEMENTS: readonly SettlementMode[] = ['auto', 'reported', 'quiet'];

function isSettlementMode(value: string): value is SettlementMode {
  return (SETTLEMENTS as readonly string[]).includes(value);
}

/** Reads the arguments; throws with a plain sentence on anything it does not know. */
export function parseArgs(args: readonly string[]): SandboxArgs {
  let help = false;
  let json = false;
  let record: string | null = null;
  let settlement: SettlementMode = 'auto';
  let http = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value (see --help)`);
      i++;
      return next;
    };
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--json') json = true;
    else if (arg === '--http') http = true;
    else if (arg === '--record') record = value();
    else if (arg === '--settlement') {
      const mode = value();
      if (!isSettlementMode(mode)) throw new Error(`--settlement is one of ${SETTLEMENTS.join(', ')}, not "${mode}"`);
      settlement = mode;
    } else throw new Error(`unknown option "${arg}" (see --help)`);
  }
  return { help, json, record, settlement, http };
}
