/**
 * `glassbox assessment-template list|import|export`, run in-process through run() against a real
 * database (a fresh PGlite in a temporary DATA_DIR, or the shared PostgreSQL at TEST_DATABASE_URL).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { run, type Io } from '../cli.js';
import { guessFormat } from './assessment-template-io.js';

const AIA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../reference/canada_aia_survey-enfr_v1.0.1.json');
const databaseUrl = process.env.TEST_DATABASE_URL;
let dataDir = '';
let workDir = '';
let env: NodeJS.ProcessEnv = {};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env, readStdin: async () => '' };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'glassbox-templates-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'glassbox-templates-files-'));
  env = databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
  const r = await cli(['migrate']);
  expect(r.code, r.err).toBe(0);
}, 120_000);
afterAll(async () => {
  await Promise.all([dataDir, workDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

describe('glassbox assessment-template', () => {
  it('imports the official AIA file and publishes it, lists it in use, exports it as YAML that imports back as the next draft', async () => {
    const slug = `tpl-${randomUUID().slice(0, 8)}`;
    expect((await cli(['create-org', '--slug', slug, '--name', 'Template Council'])).code).toBe(0);

    const imported = await cli(['assessment-template', 'import', '--org', slug, '--file', AIA_FILE, '--publish']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/^Published "canada-aia" version 1 \(/);
    expect(imported.err).toMatch(/SurveyJS features? could not be carried over/);

    const list = await cli(['assessment-template', 'list', '--org', slug]);
    expect(list.code, list.err).toBe(0);
    const lines = list.out.split('\n');
    expect(lines[0]).toMatch(/^Key\s+Origin\s+Published\s+Draft\s+Use\s+Title$/);
    expect(lines.find((l) => l.startsWith('canada-aia') && l.includes('imported'))).toContain('in use');
    expect(lines.some((l) => l.startsWith('fria') && l.includes('builtin'))).toBe(true);

    const out = path.join(workDir, 'aia.yaml');
    const exported = await cli(['assessment-template', 'export', '--org', slug, '--key', 'canada-aia', '--out', out]);
    expect(exported.code, exported.err).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('key: canada-aia');
    const again = await cli(['assessment-template', 'import', '--org', slug, '--file', out]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^Imported "canada-aia" version 2 as a draft/);
  });

  it('names the element path of a validation error and exits with 1', async () => {
    const slug = `tpl-${randomUUID().slice(0, 8)}`;
    expect((await cli(['create-org', '--slug', slug, '--name', 'Template Council'])).code).toBe(0);
    const doc = sampleTemplate();
    const q = doc.sections[0]?.questions[3];
    if (q) q.choices = [];
    const file = path.join(workDir, 'broken.json');
    await writeFile(file, JSON.stringify(doc));
    const r = await cli(['assessment-template', 'import', '--org', slug, '--file', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sections[0].questions[3]');
  });

  it.each([
    [['export', '--org', 'x'], 'Give either --version or --key.'],
    [['export', '--org', 'x', '--version', 'nope'], '--version must be a version id'],
    [['import', '--org', 'x', '--file', '/no/such/file.json'], 'No such file'],
  ])('refuses %j', async (args, message) => {
    const r = await cli(['assessment-template', ...args]);
    expect(r.code).toBeGreaterThan(0);
    expect(r.err).toContain(message);
  });

  it.each([
    ['t.yaml', 'key: x', 'yaml'],
    ['t.json', JSON.stringify(sampleTemplate()), 'json'],
    ['survey.json', JSON.stringify({ pages: [] }), 'surveyjs'],
    ['t.txt', 'key: x', 'yaml'],
  ])('guesses the format of %s', (file, content, expected) => {
    expect(guessFormat(file, content)).toBe(expected);
  });
});
