/**
 * Table types for the public register and its publications (issue #5), kept by hand next to their
 * SQL migrations. Joined into `DB` in schema.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the register's tables land
export type RegisterTables = {};
