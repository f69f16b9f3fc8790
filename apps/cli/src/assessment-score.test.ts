/**
 * `glassbox assessment score`, run in-process through run(): the official AIA file with a saved file
 * from the official tool, a Glassbox template in YAML, and the files it must refuse (exit code 2).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Io } from './cli.js';

const AIA = fileURLToPath(new URL('../../../reference/canada_aia_survey-enfr_v1.0.1.json', import.meta.url));
// Answer set B of packages/rules/src/assessment/canada-aia.test.ts (worked out by hand there), as the official tool saves it.
const SAVED = fileURLToPath(new URL('./fixtures/aia-saved-file.json', import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glassbox-score-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, readStdin: async () => stdin };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function file(name: string, content: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content, 'utf8');
  return p;
}

const YAML_TEMPLATE = `format: glassbox.assessment-template/1
key: readiness-mini
title: { en: Readiness }
languages: [en]
subject: organisation
sections:
  - id: leadership
    title: { en: Leadership }
    questions:
      - id: sponsor
        type: yes_no
        title: { en: Is there an executive sponsor? }
        scoreType: readiness
        recommendation: { en: Name a sponsor. }
        choices:
          - { value: "yes", label: { en: "Yes" }, weight: 2 }
          - { value: "no", label: { en: "No" }, weight: 0 }
scoring:
  scoreTypes: [{ id: readiness, label: { en: Readiness } }]
  baseScore: readiness
`;

describe('glassbox assessment score', () => {
  it('scores the official AIA file and a saved file from the official tool as that tool does', async () => {
    const r = await cli(['assessment', 'score', '--template', AIA, '--answers', SAVED]);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as Record<string, unknown>;
    // raw 90, mitigation 62 >= 61.6 → Math.round(0.85 × 90) = 77 → level II.
    expect(result).toMatchObject({ template: 'canada-aia', raw: 90, mitigation: 62, current: 77, level: 'II', maxRaw: 167, maxMitigation: 154 });
    expect(result.applied).toEqual(['mitigation-deduction']);
    expect(result.sections).toEqual(expect.arrayContaining([{ id: 'fairnessImplementation', questions: 23, scores: { mitigation: { score: 38, max: 44 } } }]));
    // What the import did not carry over is on standard error, not in the JSON.
    expect(r.err).toMatch(/warning: .*showProgressBar/);
    expect(r.err).toMatch(/choicesOrder.*applied/);
  });

  it('reads the answers from standard input and scores a YAML Glassbox template', async () => {
    const template = await file('mini.yaml', YAML_TEMPLATE);
    const r = await cli(['assessment', 'score', '--template', template, '--answers', '-'], '{"sponsor": "no", "stray": 1}');
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as Record<string, unknown>;
    expect(result).toEqual({
      template: 'readiness-mini',
      current: 0,
      level: null,
      scores: { readiness: 0 },
      maxima: { readiness: 2 },
      applied: [],
      sections: [{ id: 'leadership', questions: 1, scores: { readiness: { score: 0, max: 2 } } }],
      missingRequired: [],
      progress: { answerable: 1, answered: 1 },
    });
    expect(r.err).toContain('stray');
  });

  it('imports any other SurveyJS file without scoring, keyed by its file name', async () => {
    const survey = await file('Staff Survey.json', JSON.stringify({ pages: [{ name: 'p1', elements: [{ type: 'radiogroup', name: 'q1', choices: ['a', 'b'] }, { type: 'matrix', name: 'm' }] }] }));
    const r = await cli(['assessment', 'score', '--template', survey, '--answers', '-'], 'q1: a\n');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ template: 'staff-survey', current: 0, level: null, scores: {}, progress: { answerable: 1, answered: 1 } });
    expect(r.err).toMatch(/warning: .*pages\[0\]\.elements\[1\] \(matrix\): not imported/);
  });

  it('warns about answers the template cannot use, and still scores', async () => {
    const answers = await file('bad-values.json', JSON.stringify({ version: 'v1.0.1', data: { impact6: 'item9-9', projectDetailsPhase: 'item2' } }));
    const r = await cli(['assessment', 'score', '--template', AIA, '--answers', answers]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/impact6: "item9-9" is not one of the choices/);
    expect(JSON.parse(r.out)).toMatchObject({ raw: 0, level: 'I' });
  });

  it.each<[string, () => Promise<string[]>, RegExp]>([
    ['a missing template file', async () => ['--template', path.join(dir, 'nope.json'), '--answers', SAVED], /No such file: .*nope\.json/],
    ['a template that is not JSON', async () => ['--template', await file('broken.json', '{"pages": ['), '--answers', SAVED], /not valid JSON/],
    [
      'an invalid Glassbox template, naming the path',
      async () => ['--template', await file('invalid.yaml', YAML_TEMPLATE.replace('weight: 2', 'weight: -2')), '--answers', SAVED],
      /sections\[0\]\.questions\[0\]\.choices\[0\]\.weight: must be zero or more/,
    ],
    ['a file that is neither template nor survey', async () => ['--template', await file('list.json', '[1, 2]'), '--answers', SAVED], /must hold an object/],
    ['answers that are not an object', async () => ['--template', AIA, '--answers', await file('answers.json', '"yes"')], /answers file .* cannot be used/],
    ['a saved file whose data is not answers', async () => ['--template', AIA, '--answers', await file('saved.json', '{"version": "v1.0.1", "data": 5}')], /"data" must be an object/],
  ])('refuses %s with exit code 2', async (_name, args, message) => {
    const r = await cli(['assessment', 'score', ...(await args())]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('names missing options (exit 2) and documents itself', async () => {
    expect(await cli(['assessment', 'score', '--template', AIA])).toMatchObject({ code: 2, err: expect.stringContaining('--answers') as unknown });
    const help = await cli(['assessment', 'score', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: glassbox assessment score --template <file> --answers <file>');
    expect((await cli(['--help'])).out).toContain('assessment score');
  });
});
