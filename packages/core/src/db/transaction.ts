/**
 * Runs a multi-step write in one transaction. Nested calls join the transaction already open, so a
 * service can call another service and the audit rows of both commit or roll back together.
 */
import type { Ctx } from '../context.js';

export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
