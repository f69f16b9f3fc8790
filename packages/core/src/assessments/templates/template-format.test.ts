import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { AppError } from '../../errors.js';
import { parseTemplateFile, serialiseTemplate, templateHash, type ImportFormat } from './template-format.js';

const fieldsOf = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('template.invalid');
    expect((err as AppError).status).toBe(400);
    return ((err as AppError).details?.fields ?? {}) as Record<string, string>;
  }
  throw new Error('expected template.invalid');
};

const broken = () => {
  const doc = sampleTemplate();
  const q = doc.sections[0]?.questions[3];
  if (!q) throw new Error('fixture changed');
  q.choices = [];
  return doc;
};

describe('parseTemplateFile: problems are named by the path of the element', () => {
  it.each<{ name: string; format: ImportFormat; content: string; key?: string; field: string | RegExp }>([
    { name: 'JSON that does not parse', format: 'json', content: '{"format": ', field: 'content' },
    { name: 'YAML that does not parse', format: 'yaml', content: 'key: [unclosed', field: 'content' },
    { name: 'an empty file', format: 'yaml', content: '   ', field: 'content' },
    { name: 'a list instead of a template', format: 'json', content: '[1, 2]', field: 'content' },
    { name: 'a choice question without choices (JSON)', format: 'json', content: JSON.stringify(broken()), field: /^sections\[0\]\.questions\[3\]/ },
    { name: 'a choice question without choices (YAML)', format: 'yaml', content: stringify(broken()), field: /^sections\[0\]\.questions\[3\]/ },
    { name: 'a key the database refuses', format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: 'Not_A_Key' }), field: 'key' },
    { name: 'a key that differs from the one asked for', format: 'json', content: JSON.stringify(sampleTemplate()), key: 'other', field: 'key' },
    { name: 'a SurveyJS survey without a key', format: 'surveyjs', content: JSON.stringify({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] }), field: 'key' },
    { name: 'a SurveyJS file that is not a survey', format: 'surveyjs', content: '{"hello": 1}', key: 'x', field: 'content' },
  ])('$name', ({ format, content, key, field }) => {
    const fields = fieldsOf(() => parseTemplateFile({ format, content, key }));
    const keys = Object.keys(fields);
    expect(keys.some((k) => (typeof field === 'string' ? k === field : field.test(k))), `fields: ${JSON.stringify(fields)}`).toBe(true);
    for (const message of Object.values(fields)) expect(message.length).toBeGreaterThan(3);
  });

  it('says where a YAML syntax error is', () => {
    expect(fieldsOf(() => parseTemplateFile({ format: 'yaml', content: 'a: 1\nb: [\n' })).content).toMatch(/line \d+/);
  });
});

describe('export and import again', () => {
  it.each(['json', 'yaml'] as const)('%s gives back the same document (same hash)', (format) => {
    const doc = sampleTemplate();
    const text = serialiseTemplate(doc, format);
    const back = parseTemplateFile({ format, content: text });
    expect(back.document).toEqual(doc);
    expect(templateHash(back.document)).toBe(templateHash(doc));
    expect(back.report).toEqual({ format, importer: 'glassbox', unsupported: [] });
  });

  it('hashes by content, not key order', () => {
    const doc = sampleTemplate();
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc;
    expect(templateHash(reordered)).toBe(templateHash(doc));
    expect(templateHash({ ...doc, key: 'other' })).not.toBe(templateHash(doc));
  });

  it('imports a plain SurveyJS survey with the key given, listing what it could not carry over', () => {
    const survey = { pages: [{ name: 'p1', elements: [{ type: 'text', name: 'who', title: 'Who?' }, { type: 'matrix', name: 'grid', columns: ['a'], rows: ['b'] }] }] };
    const out = parseTemplateFile({ format: 'surveyjs', content: JSON.stringify(survey), key: 'my-survey' });
    expect(out.document.key).toBe('my-survey');
    expect(out.report.importer).toBe('surveyjs');
    expect(out.report.unsupported.map((u) => u.feature)).toContain('matrix');
  });
});
