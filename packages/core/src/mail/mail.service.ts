/**
 * Outgoing mail. Every message is first written to the outbox table inside the transaction of the
 * change that causes it, so nothing is lost if the process stops. With SMTP configured a mailer sends
 * queued rows after commit; without it they stay 'held' and the admin area shows them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';

let smtpConfigured = false;

/** Set once at start: whether queued mail will be sent (SMTP) or held in the outbox. */
export function setMailMode(mode: { smtp: boolean }): void {
  smtpConfigured = mode.smtp;
}

export type MailInput = { organisationId: string | null; to: string; subject: string; text: string };

export async function queueMail(ctx: Ctx, mail: MailInput): Promise<string> {
  const id = randomUUID();
  await ctx.db
    .insertInto('outbox_mail')
    .values({
      id,
      organisation_id: mail.organisationId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      status: smtpConfigured ? 'queued' : 'held',
      created_at: new Date(),
    })
    .execute();
  return id;
}

export async function listOutbox(db: Kysely<DB>, input: { organisationId: string; limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('outbox_mail')
      .selectAll()
      .where('organisation_id', '=', input.organisationId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    db
      .selectFrom('outbox_mail')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', input.organisationId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type Mailer = { flush(): Promise<number>; kick(): void; close(): void };

/** Sends queued outbox rows through SMTP; returns a mailer whose kick() schedules a send soon. */
export function createMailer(db: Kysely<DB>, opts: { smtpUrl: string | undefined; from: string }): Mailer {
  setMailMode({ smtp: Boolean(opts.smtpUrl) });
  if (!opts.smtpUrl) return { flush: async () => 0, kick: () => undefined, close: () => undefined };
  const transport: Transporter = nodemailer.createTransport(opts.smtpUrl);
  let running: Promise<number> | null = null;
  let again = false;

  const flushOnce = async (): Promise<number> => {
    const rows = await db.selectFrom('outbox_mail').selectAll().where('status', '=', 'queued').orderBy('created_at').limit(50).execute();
    let sent = 0;
    for (const row of rows) {
      try {
        await transport.sendMail({ from: opts.from, to: row.to_address, subject: row.subject, text: row.text_body });
        await db.updateTable('outbox_mail').set({ status: 'sent', sent_at: new Date(), error: null }).where('id', '=', row.id).execute();
        sent += 1;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db.updateTable('outbox_mail').set({ status: 'failed', error: message.slice(0, 500) }).where('id', '=', row.id).execute();
      }
    }
    return sent;
  };

  const flush = async (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await flushOnce();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void flush().catch(() => undefined), 30_000);
  timer.unref();
  return {
    flush,
    kick: () => void flush().catch(() => undefined),
    close: () => {
      clearInterval(timer);
      transport.close();
    },
  };
}
