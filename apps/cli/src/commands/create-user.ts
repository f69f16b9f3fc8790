/** `glassbox create-user`: creates a person's account and, optionally, their membership of an organisation. */
import { randomBytes } from 'node:crypto';
import { addMembership, createUser, inTransaction, ROLES, systemCtx, isRole, type Role } from '@glassbox/core';
import { helpText, parseCommandArgs, readAllStdin, requireOptions, UsageError, type Command } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';

const options = {
  email: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  org: { type: 'string' },
  role: { type: 'string', multiple: true },
} as const;

/** `--role a,b --role c` → [a, b, c]; any name not in ROLES is a usage error that names it. */
export function parseRoles(values: string[]): Role[] {
  const names = values.flatMap((v) => v.split(',')).map((r) => r.trim()).filter((r) => r !== '');
  const unknown = names.filter((r) => !isRole(r));
  if (unknown.length > 0) {
    const which = unknown.map((r) => `"${r}"`).join(', ');
    throw new UsageError(`Unknown role${unknown.length > 1 ? 's' : ''} ${which}. Roles: ${ROLES.join(', ')}.`);
  }
  return [...new Set(names.filter(isRole))];
}

/** 24 URL-safe characters (144 random bits): well past the minimum length. */
const generatePassword = (): string => randomBytes(18).toString('base64url');

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Create a person’s account, optionally with roles in an organisation.',
  options,
  fieldOptions: { displayName: '--name', roles: '--role' },
  help: helpText({
    usage: 'glassbox create-user --email <email> --name <name> [--password <pw> | --password-stdin] [--org <slug> --role <role>...]',
    description:
      'Creates an account. Without a password option a strong password is generated and printed once.\n' +
      'With --org, also makes the person a member of that organisation with the given roles.',
    options: [
      ['--email <email>', 'Their email address, used to sign in (required).'],
      ['--name <name>', 'Their name as colleagues know it (required).'],
      ['--password <pw>', 'Their password, at least 12 characters (visible in shell history; prefer the next).'],
      ['--password-stdin', 'Read the password from standard input (one trailing newline is dropped).'],
      ['--org <slug>', 'Organisation to add them to; needs --role.'],
      ['--role <role>', 'Role in that organisation; repeat or separate with commas.'],
    ],
    notes: [`Roles: ${ROLES.join(', ')}.`],
    examples: [
      'glassbox create-user --email amara@riverton.example --name "Amara Okafor" --org riverton --role admin',
      'printf %s "$PW" | glassbox create-user --email r@riverton.example --name "R. Dubois" --password-stdin --org riverton --role reviewer,auditor',
    ],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const { email, name } = requireOptions({ email: values.email, name: values.name });
    if (values.password !== undefined && values['password-stdin']) {
      throw new UsageError('Use either --password or --password-stdin, not both.');
    }
    const roles = parseRoles(values.role ?? []);
    const orgSlug = values.org?.trim() || undefined;
    if (orgSlug === undefined && roles.length > 0) throw new UsageError('--role needs --org: roles are held in an organisation.');
    if (orgSlug !== undefined && roles.length === 0) throw new UsageError(`--org needs at least one --role (${ROLES.join(', ')}).`);

    let password: string;
    let generated = false;
    if (values['password-stdin']) {
      password = (await (io.readStdin ?? readAllStdin)()).replace(/\r?\n$/, '');
      if (password === '') throw new UsageError('--password-stdin was given but standard input was empty.');
    } else if (values.password !== undefined) {
      password = values.password;
    } else {
      password = generatePassword();
      generated = true;
    }

    return withDatabase(io, { checkSchema: true }, async (database) => {
      const org = orgSlug === undefined ? null : await requireOrganisation(database.db, orgSlug);
      // One transaction, so a failed membership does not leave an account behind.
      const user = await inTransaction(systemCtx(database.db, 'cli'), async (tx) => {
        const created = await createUser(tx, { email, displayName: name, password });
        if (org) await addMembership(tx, { organisationId: org.id, userId: created.id, roles });
        return created;
      });
      io.out(`Created user ${user.displayName} <${user.email}> (id ${user.id}).`);
      if (org) io.out(`Member of ${org.slug} as ${roles.join(', ')}.`);
      if (generated) {
        io.out(`Password: ${password}`);
        io.out('This password will not be shown again; pass it on securely.');
      }
      return 0;
    });
  },
};
