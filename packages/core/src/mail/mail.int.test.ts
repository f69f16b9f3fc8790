/** Mail through a real SMTP server on loopback (smtp-server), and the outbox when none is set. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { systemCtx } from '../context.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { makeOrganisation, openTestDatabase } from '../testing/factories.js';
import { createMailer, listOutbox, queueMail, setMailMode } from './mail.service.js';

let database: Database;
let server: SMTPServer;
let port = 0;
const received: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  setMailMode({ smtp: false });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.close();
});

describe('mail', () => {
  it('holds mail in the outbox when no SMTP server is configured', async () => {
    const mailer = createMailer(database.db, { smtpUrl: undefined, from: 'Glassbox <gb@test.example>' });
    const org = await makeOrganisation(database.db);
    await inTransaction(systemCtx(database.db), (tx) => queueMail(tx, { organisationId: org.id, to: 'held@test.example', subject: 'Held', text: 'Kept here' }));
    expect(await mailer.flush()).toBe(0);
    const { items } = await listOutbox(database.db, { organisationId: org.id, limit: 10, offset: 0 });
    expect(items).toEqual([expect.objectContaining({ to_address: 'held@test.example', status: 'held' })]);
    mailer.close();
  });

  it('sends queued mail through SMTP and marks it sent', async () => {
    const mailer = createMailer(database.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Glassbox <gb@test.example>' });
    const org = await makeOrganisation(database.db);
    await inTransaction(systemCtx(database.db), (tx) => queueMail(tx, { organisationId: org.id, to: 'person@test.example', subject: 'Your invitation', text: 'Hello from Glassbox' }));
    expect(await mailer.flush()).toBe(1);
    expect(received.at(-1)).toMatch(/Subject: Your invitation/);
    expect(received.at(-1)).toMatch(/Hello from Glassbox/);
    const { items } = await listOutbox(database.db, { organisationId: org.id, limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({ status: 'sent' });
    expect(items[0]?.sent_at).toBeInstanceOf(Date);
    mailer.close();
  });

  it('records a failure when the SMTP server cannot be reached, keeping the mail', async () => {
    const mailer = createMailer(database.db, { smtpUrl: 'smtp://127.0.0.1:1', from: 'gb@test.example' });
    const org = await makeOrganisation(database.db);
    await inTransaction(systemCtx(database.db), (tx) => queueMail(tx, { organisationId: org.id, to: 'x@test.example', subject: 'S', text: 'T' }));
    await mailer.flush();
    const { items } = await listOutbox(database.db, { organisationId: org.id, limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({ status: 'failed' });
    expect(items[0]?.error).toBeTruthy();
    mailer.close();
  });
});
