/**
 * The `glassbox` command line: finds the command, prints help and version, and turns every failure
 * into a message and an exit code (0 done, 1 the operation failed, 2 the command line was wrong).
 * Tests call run() in-process; main.ts wires it to the real process.
 */
import { readFileSync } from 'node:fs';
import { AppError, ConfigError } from '@glassbox/core';
import { CommandError, UsageError, type Command, type Io } from './command.js';
import { assessmentScoreCommand } from './commands/assessment-score.js';
import { assessmentTemplateExportCommand, assessmentTemplateImportCommand, assessmentTemplateListCommand } from './commands/assessment-template-io.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import { citizenEscalateCommand } from './commands/citizen-escalate.js';
import { createOrgCommand } from './commands/create-org.js';
import { createTokenCommand } from './commands/create-token.js';
import { createUserCommand } from './commands/create-user.js';
import { inventoryExportCommand } from './commands/inventory-export.js';
import { inventoryImportCommand } from './commands/inventory-import.js';
import { migrateCommand } from './commands/migrate.js';
import { noticesPurgeCommand } from './commands/notices-purge.js';
import { seedDemoCommand } from './commands/seed-demo.js';

export type { Io } from './command.js';

export const COMMANDS: Command[] = [
  migrateCommand,
  seedDemoCommand,
  createOrgCommand,
  createUserCommand,
  createTokenCommand,
  auditVerifyCommand,
  citizenEscalateCommand,
  inventoryExportCommand,
  inventoryImportCommand,
  assessmentScoreCommand,
  assessmentTemplateListCommand,
  assessmentTemplateImportCommand,
  assessmentTemplateExportCommand,
  noticesPurgeCommand,
];

const readVersion = (): string => {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
};

const GROUPS = new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]));

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'help [command]'.length) + 2;
  return [
    'Usage: glassbox <command> [options]',
    '',
    'Administers a Glassbox installation from the terminal. Reads the same environment as the server',
    '(DATABASE_URL, or DATA_DIR for the embedded database; PUBLIC_BASE_URL).',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help [command]'.padEnd(width)}Show this help, or a command's help.`,
    '',
    'Options:',
    `  ${'-h, --help'.padEnd(width)}Show help (after a command: that command's help).`,
    `  ${'-v, --version'.padEnd(width)}Show the version.`,
    '',
    'Example:',
    '  glassbox migrate && glassbox create-org --slug riverton --name "City of Riverton"',
  ].join('\n');
}

const groupHelp = (group: string): string =>
  [
    `Usage: glassbox ${group} <command> [options]`,
    '',
    'Commands:',
    ...COMMANDS.filter((c) => c.name.startsWith(`${group} `)).map((c, _i, all) => `  ${c.name.padEnd(Math.max(...all.map((a) => a.name.length)) + 2)}${c.summary}`),
    '',
    `Run "glassbox ${group} <command> --help" for its options.`,
  ].join('\n');

/** Finds the command named by the first one or two words; the rest are its options. */
function resolve(argv: string[]): { command: Command; rest: string[] } | { group: string; rest: string[] } | null {
  const [first, second, ...more] = argv;
  if (first === undefined) return null;
  if (GROUPS.has(first)) {
    const command = COMMANDS.find((c) => c.name === `${first} ${second ?? ''}`);
    return command ? { command, rest: more } : { group: first, rest: second === undefined ? [] : [second, ...more] };
  }
  const command = COMMANDS.find((c) => c.name === first);
  return command ? { command, rest: argv.slice(1) } : null;
}

const wantsHelp = (args: string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

const kebab = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function reportFailure(err: unknown, command: Command, io: Io): number {
  if (err instanceof UsageError) {
    io.err(`glassbox ${command.name}: ${err.message}\nRun "glassbox ${command.name} --help" for usage.`);
    return 2;
  }
  if (err instanceof ConfigError || err instanceof CommandError) {
    io.err(err.message);
    return 1;
  }
  if (err instanceof AppError) {
    const lines = [`Error: ${err.message}`];
    const fields = err.details?.fields;
    if (fields !== null && typeof fields === 'object') {
      for (const [field, problem] of Object.entries(fields)) {
        lines.push(`  ${command.fieldOptions?.[field] ?? `--${kebab(field)}`}: ${String(problem)}`);
      }
    }
    io.err(lines.join('\n'));
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`glassbox ${command.name} failed: ${message}`);
  if (err instanceof Error && err.stack && io.env.GLASSBOX_DEBUG) io.err(err.stack);
  return 1;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [first] = argv;
  if (first === undefined) {
    io.err(`No command given.\n\n${mainHelp()}`);
    return 2;
  }
  if (first === '--version' || first === '-v') {
    io.out(`glassbox ${readVersion()}`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    io.out(mainHelp());
    return 0;
  }
  if (first === 'help') {
    if (argv.length === 1) {
      io.out(mainHelp());
      return 0;
    }
    return run([...argv.slice(1), '--help'], io);
  }

  const found = resolve(argv);
  if (found === null) {
    io.err(`Unknown command "${first}". Run "glassbox --help" to see the commands.`);
    return 2;
  }
  if ('group' in found) {
    if (wantsHelp(found.rest)) {
      io.out(groupHelp(found.group));
      return 0;
    }
    const sub = found.rest[0];
    io.err(`${sub === undefined ? 'No command given' : `Unknown command "${found.group} ${sub}"`}.\n\n${groupHelp(found.group)}`);
    return 2;
  }

  const { command, rest } = found;
  if (wantsHelp(rest)) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    return reportFailure(err, command, io);
  }
}
