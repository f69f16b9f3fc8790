/**
 * Table types for citizen services (issue #5): concerns, redress requests, consultations, notices.
 * Kept by hand next to their SQL migrations. Joined into `DB` in schema.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the citizen services' tables land
export type CitizenTables = {};
