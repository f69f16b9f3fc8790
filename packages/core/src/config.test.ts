import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'gb-config-'));

describe('loadConfig', () => {
  it('has working defaults and keeps a generated session secret in the data directory', () => {
    const dataDir = dir();
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, databasePreparedStatements: true, dataDir, publicBaseUrl: 'http://localhost:3000', logLevel: 'info', demo: true, secureCookies: false });
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'session-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(c.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(c.sessionSecret);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ DATABASE_PREPARED_STATEMENTS: 'sometimes' }, 'DATABASE_PREPARED_STATEMENTS'],
  ])('rejects %j naming %s', (env, name) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@h/db', DATA_DIR: dir(), SESSION_SECRET: 's'.repeat(40),
      SMTP_URL: 'smtp://mail:25', PUBLIC_BASE_URL: 'https://ai.example.gov/', LOG_LEVEL: 'warn', DEMO: 'false',
      DATABASE_POOL_SIZE: '4', DATABASE_PREPARED_STATEMENTS: 'false',
    });
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u@h/db', databasePoolSize: 4, databasePreparedStatements: false, sessionSecret: 's'.repeat(40), smtpUrl: 'smtp://mail:25', publicBaseUrl: 'https://ai.example.gov', logLevel: 'warn', demo: false, secureCookies: true });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: dir(), PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
