/**
 * A node-postgres client that sends the application's statements as named prepared statements, so
 * PostgreSQL parses and plans each distinct statement once per connection instead of on every
 * call. Kysely writes every value as a parameter, so the statement texts are few (one per query
 * shape in the code) and each is prepared the first time a connection runs it; PostgreSQL then
 * keeps a custom plan or switches to a generic one by its own rules (plan_cache_mode).
 *
 * Bounded: a connection prepares at most PREPARED_PER_CONNECTION distinct statements and sends
 * anything beyond unnamed, as before. Only plain SELECT / INSERT / UPDATE / DELETE / WITH
 * statements with a parameter array are prepared: transaction control and multi-statement
 * scripts (migrations) go through unchanged.
 *
 * A schema change under a running server can make a prepared SELECT * fail once with "cached plan
 * must not change result type" (SQLSTATE 0A000); such a connection is closed rather than reused, so
 * the next statement prepares afresh. Migrations run before the server takes requests.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export const PREPARED_PER_CONNECTION = 500;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const PLAN_CHANGED = '0A000';

/**
 * Ends a statement whose best plan depends on its values (lists with optional filters and search):
 * such statements are sent unnamed, so PostgreSQL plans each call for its own values. A generic
 * plan of the inventory search, chosen after five calls, read every row of the organisation.
 */
export const REPLAN_MARKER = '/* replan */';

/** Statement text → its name; the texts are few, but cap the map against anything unforeseen. */
const names = new Map<string, string>();
const MAX_NAMES = 5000;

export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `gb_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

type QueryArgs = Parameters<pg.Client['query']>;

/** A pg.Client class that prepares up to `limit` distinct statements per connection. */
export function preparingClientClass(limit = PREPARED_PER_CONNECTION) {
  return class PreparingClient extends pg.Client {
    readonly #prepared = new Set<string>();

    // One override for every pg overload: only (text, values) without a callback changes.
    override query(...args: unknown[]): never {
      const [text, values, callback] = args;
      if (typeof text === 'string' && Array.isArray(values) && callback === undefined && PREPARABLE.test(text) && !text.endsWith(REPLAN_MARKER)) {
        const name = statementName(text);
        if (this.#prepared.has(name) || this.#prepared.size < limit) {
          this.#prepared.add(name);
          const result = super.query({ name, text, values }) as Promise<pg.QueryResult>;
          return result.catch((err: unknown) => {
            if ((err as { code?: string }).code === PLAN_CHANGED) {
              // The plan cache of this connection is stale: drop the connection, the pool opens another.
              this.end().catch(() => undefined);
            }
            throw err;
          }) as never;
        }
      }
      return (super.query as (...a: QueryArgs) => unknown)(...(args as QueryArgs)) as never;
    }

    /** The statements this connection has prepared (diagnostics and tests). */
    get preparedNames(): ReadonlySet<string> {
      return this.#prepared;
    }
  };
}

export const PreparingClient = preparingClientClass();
