/**
 * Starts Glassbox: reads the configuration, opens and migrates the database, seeds the demo on an
 * empty database, listens, and shuts down cleanly on SIGINT/SIGTERM.
 */
import { ConfigError, demoSignInText, escalateOverdueRedress, purgeExpiredNoticeDetails, isDatabaseEmpty, loadConfig, openAndMigrate, seedDemo, systemCtx, type Config } from '@glassbox/core';
import { buildApp } from './app.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const { database, migrations } = await openAndMigrate(config);
  const app = await buildApp({ config, database });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  app.log.info({ applied: migrations.applied, database: database.kind }, `database ready: ${where}`);

  let demo = false;
  if (config.demo && (await isDatabaseEmpty(database.db))) {
    await seedDemo(database.db);
    demo = true;
  } else if (config.demo) {
    demo = Boolean(await database.db.selectFrom('organisation').select('id').where('slug', '=', 'riverton').executeTakeFirst());
  }

  // Overdue redress requests are escalated to the triage team once, checked every 10 minutes (each
  // instance may run it: rows are locked and skipped, and an escalated request is marked).
  const escalate = async () => {
    try {
      const n = await escalateOverdueRedress(systemCtx(database.db, 'escalation'));
      if (n > 0) app.log.info({ escalated: n }, 'overdue redress requests escalated');
    } catch (err) {
      app.log.error({ err }, 'escalating overdue redress requests failed');
    }
  };
  const escalationTimer = setInterval(() => void escalate(), 10 * 60_000);
  escalationTimer.unref();

  // Case details kept with generated notices are removed when the organisation's retention ends.
  const purgeNotices = async () => {
    try {
      const n = await purgeExpiredNoticeDetails(systemCtx(database.db, 'notice-retention'));
      if (n > 0) app.log.info({ notices: n }, 'notice case details past their retention removed');
    } catch (err) {
      app.log.error({ err }, 'removing notice case details failed');
    }
  };
  const noticePurgeTimer = setInterval(() => void purgeNotices(), 10 * 60_000);
  noticePurgeTimer.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(escalationTimer);
    clearInterval(noticePurgeTimer);
    app.log.info(`${signal} received, shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const lines = [
    '',
    `Glassbox is running at ${config.publicBaseUrl}`,
    `  public site  ${config.publicBaseUrl}/`,
    `  staff app    ${config.publicBaseUrl}/app`,
    `  API docs     ${config.publicBaseUrl}/api/docs`,
    `  database     ${where}`,
  ];
  if (demo) lines.push('', demoSignInText(config.publicBaseUrl));
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Glassbox could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
