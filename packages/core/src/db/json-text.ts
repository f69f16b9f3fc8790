/**
 * JSON written by PostgreSQL for the hottest lists: the server then sends the text as it is, with
 * no row parsing, Date objects or serialisation per item (ARCHITECTURE.md, Requests). Each list
 * that uses this has an integration test holding its text equal to its presenter's output.
 */
import { sql, type RawBuilder } from 'kysely';

/** A timestamptz as JavaScript's Date#toISOString writes it (UTC, milliseconds, Z), or SQL null. */
export const isoText = (column: string): RawBuilder<string | null> =>
  sql<string | null>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `{"items":[…],"total":n}` from items that are each JSON text already. */
export const jsonPage = (items: readonly string[], total: number): string => `{"items":[${items.join(',')}],"total":${total}}`;
