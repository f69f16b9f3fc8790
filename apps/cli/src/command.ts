/**
 * What every command is made of: the I/O it writes to, how it parses its options (node:util
 * parseArgs, strict), and the two kinds of failure it can report — a usage mistake (exit 2) and an
 * operation that could not be done (exit 1).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Io = {
  /** Writes one or more whole lines to standard output (the caller adds the final newline). */
  out: (s: string) => void;
  /** Writes one or more whole lines to standard error. */
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Reads all of standard input; defaults to process.stdin. Tests pass their own. */
  readStdin?: () => Promise<string>;
};

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export type Command = {
  /** As typed after `glassbox`: `create-org`, `audit verify`. */
  name: string;
  summary: string;
  /** Every option the command accepts; help must mention each one (a test checks it). */
  options: OptionsConfig;
  help: string;
  /**
   * Maps AppError field names (`expiresAt`) to the option a user typed (`--expires`); any field not
   * listed is shown as `--kebab-case`.
   */
  fieldOptions?: Record<string, string>;
  run(argv: string[], io: Io): Promise<number>;
};

/** The command line itself is wrong: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The operation could not be done, for a reason the message explains: exit code 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

const hasCode = (err: unknown): err is Error & { code: string } =>
  err instanceof Error && typeof (err as { code?: unknown }).code === 'string';

/** Strict parse: unknown options, positionals and missing values are usage errors. */
export function parseCommandArgs<const O extends OptionsConfig>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    if (hasCode(err) && err.code.startsWith('ERR_PARSE_ARGS_')) {
      // Node's messages go on to explain `--` conventions; the first sentence names the problem.
      const first = err.message.split(/\.\s/)[0] ?? err.message;
      throw new UsageError(first.endsWith('.') ? first : `${first}.`);
    }
    throw err;
  }
}

/** Returns the named options as strings, or one usage error listing every one that is missing. */
export function requireOptions<K extends string>(given: Record<K, string | undefined>): Record<K, string> {
  const entries = Object.entries(given) as Array<[K, string | undefined]>;
  const missing = entries.filter(([, v]) => v === undefined || v.trim() === '').map(([k]) => `--${k}`);
  if (missing.length === 1) throw new UsageError(`Missing required option ${missing[0]}.`);
  if (missing.length > 1) throw new UsageError(`Missing required options ${missing.join(', ')}.`);
  return Object.fromEntries(entries.map(([k, v]) => [k, (v ?? '').trim()])) as Record<K, string>;
}

/** Checks a value against a closed list, naming the option and the allowed values when it is not on it. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}").`);
}

/** Lays out a help page the same way for every command. */
export function helpText(parts: {
  usage: string;
  description: string;
  options: Array<[string, string]>;
  examples: string[];
  notes?: string[];
}): string {
  const width = Math.max(...parts.options.map(([flag]) => flag.length), '-h, --help'.length) + 2;
  const row = (flag: string, text: string) => `  ${flag.padEnd(width)}${text}`;
  return [
    `Usage: ${parts.usage}`,
    '',
    parts.description,
    '',
    'Options:',
    ...parts.options.map(([flag, text]) => row(flag, text)),
    row('-h, --help', 'Show this help.'),
    ...(parts.notes?.length ? ['', ...parts.notes] : []),
    '',
    parts.examples.length > 1 ? 'Examples:' : 'Example:',
    ...parts.examples.map((e) => `  ${e}`),
  ].join('\n');
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
