/**
 * Checks an assessment template document (template.ts) before it is stored, imported or published:
 * first its shape (a zod schema, strict: unknown fields are errors, so a misspelt `requird` is not
 * silently ignored), then what a shape cannot say — unique ids, conditions that name real questions,
 * score types that exist, ascending level thresholds and complete translations. Every error names
 * the path of the offending element, e.g. `sections[2].questions[0].choices[1].weight`.
 */
import { z } from 'zod';
import {
  QUESTION_TYPES,
  type Condition,
  type LocalText,
  type Question,
  type Scoring,
  type TemplateDocument,
} from './template.js';

/** The engine's cap on any text answer, whatever a question's own maxLength says. */
export const MAX_TEXT_ANSWER_LENGTH = 20_000;

export const TEMPLATE_FORMAT = 'glassbox.assessment-template/1';

const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
const KEBAB_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const idSchema = z.string().regex(ID_PATTERN, 'must be letters, digits, "_", "-" or "." only');
const kebabSchema = z.string().regex(KEBAB_PATTERN, 'must be kebab-case (lower-case letters and digits joined by "-")');

export const localTextSchema = z.object({ en: z.string() }).catchall(z.string());

const conditionValue = z.union([z.string(), z.number(), z.boolean()]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ question: z.string(), equals: conditionValue }),
      z.strictObject({ question: z.string(), notEquals: conditionValue }),
      z.strictObject({ question: z.string(), includes: z.string() }),
      z.strictObject({ question: z.string(), answered: z.boolean() }),
      z.strictObject({ all: z.array(conditionSchema) }),
      z.strictObject({ any: z.array(conditionSchema) }),
      z.strictObject({ not: conditionSchema }),
    ],
    { error: 'not a valid condition' },
  ),
);

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const choiceSchema = z.strictObject({
  value: z.string().min(1, 'must not be empty'),
  label: localTextSchema,
  weight: finite.refine((n) => n >= 0, 'must be zero or more').optional(),
});

export const questionSchema = z.strictObject({
  id: idSchema,
  type: z.enum(QUESTION_TYPES),
  title: localTextSchema,
  help: localTextSchema.optional(),
  examples: localTextSchema.optional(),
  required: z.boolean().optional(),
  choices: z.array(choiceSchema).optional(),
  min: finite.optional(),
  max: finite.optional(),
  maxLength: z.number().int().min(1).max(MAX_TEXT_ANSWER_LENGTH).optional(),
  scoreType: z.string().optional(),
  visibleIf: conditionSchema.optional(),
  recommendation: localTextSchema.optional(),
});

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  description: localTextSchema.optional(),
  visibleIf: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1, 'a section needs at least one question'),
});

const fraction = finite.refine((n) => n >= 0, 'must be zero or more');

export const scoringSchema = z.strictObject({
  scoreTypes: z.array(z.strictObject({ id: idSchema, label: localTextSchema })).min(1, 'declare at least one score type'),
  baseScore: z.string(),
  adjustments: z
    .array(
      z.strictObject({
        kind: z.literal('deduction'),
        id: idSchema,
        label: localTextSchema,
        ifScore: z.string(),
        atLeastFractionOfMax: fraction,
        maxScale: finite.refine((n) => n > 0, 'must be more than zero').optional(),
        multiplyBy: fraction,
      }),
    )
    .optional(),
  levels: z
    .strictObject({
      relativeToMaxOf: z.string(),
      list: z
        .array(
          z.strictObject({
            id: idSchema,
            label: localTextSchema,
            upToFractionOfMax: fraction.optional(),
            requirements: z
              .array(
                z.strictObject({
                  key: kebabSchema,
                  title: localTextSchema,
                  description: localTextSchema,
                  phase: z.enum(['before_deployment', 'in_operation']),
                }),
              )
              .optional(),
          }),
        )
        .min(1, 'declare at least one level'),
    })
    .optional(),
  countHiddenAnswers: z.boolean().optional(),
});

export const templateDocumentSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  key: kebabSchema,
  title: localTextSchema,
  description: localTextSchema.optional(),
  languages: z.array(z.string().regex(LANGUAGE_PATTERN, 'must be a language tag such as "en" or "fr"')).min(1, 'list at least one language'),
  subject: z.enum(['system', 'organisation']),
  sections: z.array(sectionSchema).min(1, 'a template needs at least one section'),
  scoring: scoringSchema.optional(),
  reassessment: z
    .strictObject({
      everyMonths: z.number().int().min(1).max(120).optional(),
      onMaterialChange: z.boolean().optional(),
    })
    .optional(),
  source: z
    .strictObject({ name: z.string().min(1), url: z.string().optional(), licence: z.string().optional(), notes: z.string().optional() })
    .optional(),
});

export type TemplateError = { path: string; message: string };
export type TemplateValidation = { ok: true; template: TemplateDocument } | { ok: false; errors: TemplateError[] };

/** `['sections', 2, 'questions', 0]` → `sections[2].questions[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v = doc;
  for (const part of path) {
    if (Array.isArray(v) && typeof part === 'number') v = v[part];
    else if (isRecord(v) && typeof part === 'string') v = v[part];
    else return undefined;
  }
  return v;
}

const CONDITION_LEAVES = ['equals', 'notEquals', 'includes', 'answered'] as const;

/** Precise errors for a value that is not a Condition (zod only says "no union branch matched"). */
function conditionProblems(value: unknown, path: string): TemplateError[] {
  if (!isRecord(value)) return [{ path, message: 'a condition must be an object' }];
  const keys = Object.keys(value);
  if ('all' in value || 'any' in value) {
    const key = 'all' in value ? 'all' : 'any';
    if (keys.length !== 1) return [{ path, message: `a condition with "${key}" has no other fields` }];
    const list = value[key];
    if (!Array.isArray(list)) return [{ path: `${path}.${key}`, message: 'must be a list of conditions' }];
    return list.flatMap((c, i) => conditionProblems(c, `${path}.${key}[${i}]`));
  }
  if ('not' in value) {
    if (keys.length !== 1) return [{ path, message: 'a condition with "not" has no other fields' }];
    return conditionProblems(value.not, `${path}.not`);
  }
  if (!('question' in value)) return [{ path, message: 'a condition names a question, or combines conditions with all, any or not' }];
  if (typeof value.question !== 'string') return [{ path: `${path}.question`, message: 'must be a question id' }];
  const tests = CONDITION_LEAVES.filter((k) => k in value);
  if (tests.length !== 1) return [{ path, message: 'give exactly one of equals, notEquals, includes, answered' }];
  const unknown = keys.filter((k) => k !== 'question' && k !== tests[0]);
  if (unknown.length > 0) return unknown.map((k) => ({ path: `${path}.${k}`, message: 'unknown field' }));
  const test = tests[0] as (typeof CONDITION_LEAVES)[number];
  const v = value[test];
  if (test === 'includes' && typeof v !== 'string') return [{ path: `${path}.includes`, message: 'must be a choice value (text)' }];
  if (test === 'answered' && typeof v !== 'boolean') return [{ path: `${path}.answered`, message: 'must be true or false' }];
  if ((test === 'equals' || test === 'notEquals') && !['string', 'number', 'boolean'].includes(typeof v)) {
    return [{ path: `${path}.${test}`, message: 'must be text, a number, or true/false' }];
  }
  return [{ path, message: 'not a valid condition' }];
}

function shapeErrors(doc: unknown, issues: readonly z.core.$ZodIssue[]): TemplateError[] {
  const errors: TemplateError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
    } else if (issue.code === 'invalid_union') {
      errors.push(...conditionProblems(valueAt(doc, issue.path), formatPath(issue.path)));
    } else {
      const missing = issue.code === 'invalid_type' && valueAt(doc, issue.path) === undefined;
      errors.push({ path: formatPath(issue.path), message: missing ? 'is required' : issue.message });
    }
  }
  return errors;
}

const CHOICE_TYPES = new Set(['single_choice', 'multiple_choice']);
const SCORABLE_TYPES = new Set(['single_choice', 'multiple_choice', 'yes_no']);

/** Every LocalText in the document with its path, for the translation check. */
function localTexts(doc: TemplateDocument): Array<[string, LocalText]> {
  const out: Array<[string, LocalText]> = [];
  const add = (path: string, t: LocalText | undefined) => {
    if (t) out.push([path, t]);
  };
  add('title', doc.title);
  add('description', doc.description);
  doc.sections.forEach((s, si) => {
    add(`sections[${si}].title`, s.title);
    add(`sections[${si}].description`, s.description);
    s.questions.forEach((q, qi) => {
      const p = `sections[${si}].questions[${qi}]`;
      add(`${p}.title`, q.title);
      add(`${p}.help`, q.help);
      add(`${p}.examples`, q.examples);
      add(`${p}.recommendation`, q.recommendation);
      q.choices?.forEach((c, ci) => add(`${p}.choices[${ci}].label`, c.label));
    });
  });
  doc.scoring?.scoreTypes.forEach((t, i) => add(`scoring.scoreTypes[${i}].label`, t.label));
  doc.scoring?.adjustments?.forEach((a, i) => add(`scoring.adjustments[${i}].label`, a.label));
  doc.scoring?.levels?.list.forEach((l, li) => {
    add(`scoring.levels.list[${li}].label`, l.label);
    l.requirements?.forEach((r, ri) => {
      add(`scoring.levels.list[${li}].requirements[${ri}].title`, r.title);
      add(`scoring.levels.list[${li}].requirements[${ri}].description`, r.description);
    });
  });
  return out;
}

function conditionRefs(c: Condition, path: string, out: Array<[string, string]>): void {
  if ('all' in c) c.all.forEach((x, i) => conditionRefs(x, `${path}.all[${i}]`, out));
  else if ('any' in c) c.any.forEach((x, i) => conditionRefs(x, `${path}.any[${i}]`, out));
  else if ('not' in c) conditionRefs(c.not, `${path}.not`, out);
  else out.push([`${path}.question`, c.question]);
}

function scoringErrors(scoring: Scoring): TemplateError[] {
  const errors: TemplateError[] = [];
  const types = new Set<string>();
  scoring.scoreTypes.forEach((t, i) => {
    if (types.has(t.id)) errors.push({ path: `scoring.scoreTypes[${i}].id`, message: `score type "${t.id}" is declared twice` });
    types.add(t.id);
  });
  const known = (path: string, id: string) => {
    if (!types.has(id)) errors.push({ path, message: `unknown score type "${id}" (declared: ${[...types].join(', ')})` });
  };
  known('scoring.baseScore', scoring.baseScore);
  const adjustmentIds = new Set<string>();
  scoring.adjustments?.forEach((a, i) => {
    known(`scoring.adjustments[${i}].ifScore`, a.ifScore);
    if (adjustmentIds.has(a.id)) errors.push({ path: `scoring.adjustments[${i}].id`, message: `adjustment "${a.id}" is declared twice` });
    adjustmentIds.add(a.id);
  });
  if (scoring.levels) {
    known('scoring.levels.relativeToMaxOf', scoring.levels.relativeToMaxOf);
    const list = scoring.levels.list;
    const levelIds = new Set<string>();
    let previous = -Infinity;
    list.forEach((level, i) => {
      const p = `scoring.levels.list[${i}]`;
      if (levelIds.has(level.id)) errors.push({ path: `${p}.id`, message: `level "${level.id}" is declared twice` });
      levelIds.add(level.id);
      const last = i === list.length - 1;
      if (last && level.upToFractionOfMax !== undefined) {
        errors.push({ path: `${p}.upToFractionOfMax`, message: 'the last level takes every score above the previous bound and has no bound of its own' });
      } else if (!last && level.upToFractionOfMax === undefined) {
        errors.push({ path: `${p}.upToFractionOfMax`, message: 'is required on every level but the last' });
      } else if (level.upToFractionOfMax !== undefined) {
        if (level.upToFractionOfMax <= previous) {
          errors.push({ path: `${p}.upToFractionOfMax`, message: `bounds must ascend (${level.upToFractionOfMax} is not above ${previous})` });
        }
        previous = level.upToFractionOfMax;
      }
      const keys = new Set<string>();
      level.requirements?.forEach((r, ri) => {
        if (keys.has(r.key)) errors.push({ path: `${p}.requirements[${ri}].key`, message: `requirement "${r.key}" appears twice in this level` });
        keys.add(r.key);
      });
    });
  }
  return errors;
}

function questionErrors(q: Question, p: string, scoreTypes: Set<string> | null): TemplateError[] {
  const errors: TemplateError[] = [];
  if (CHOICE_TYPES.has(q.type) && (!q.choices || q.choices.length === 0)) {
    errors.push({ path: `${p}.choices`, message: `a ${q.type} question needs at least one choice` });
  }
  if (q.choices && !CHOICE_TYPES.has(q.type) && q.type !== 'yes_no') {
    errors.push({ path: `${p}.choices`, message: `a ${q.type} question has no choices` });
  }
  const values = new Set<string>();
  q.choices?.forEach((c, ci) => {
    if (values.has(c.value)) errors.push({ path: `${p}.choices[${ci}].value`, message: `choice value "${c.value}" appears twice in this question` });
    values.add(c.value);
  });
  if (q.scoreType !== undefined) {
    if (scoreTypes === null) errors.push({ path: `${p}.scoreType`, message: 'the template has no scoring section declaring score types' });
    else if (!scoreTypes.has(q.scoreType)) {
      errors.push({ path: `${p}.scoreType`, message: `unknown score type "${q.scoreType}" (declared: ${[...scoreTypes].join(', ')})` });
    }
    if (!SCORABLE_TYPES.has(q.type)) errors.push({ path: `${p}.scoreType`, message: `only choice and yes/no questions are scored, not ${q.type}` });
  }
  if ((q.min !== undefined || q.max !== undefined) && q.type !== 'number') {
    errors.push({ path: `${p}.${q.min !== undefined ? 'min' : 'max'}`, message: 'bounds apply to number questions only' });
  }
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) errors.push({ path: `${p}.max`, message: `must not be below min (${q.min})` });
  if (q.maxLength !== undefined && q.type !== 'short_text' && q.type !== 'long_text') {
    errors.push({ path: `${p}.maxLength`, message: 'applies to text questions only' });
  }
  if (q.type === 'info' && q.required) errors.push({ path: `${p}.required`, message: 'an info element is never answered, so it cannot be required' });
  return errors;
}

/** What the schema cannot express. Runs only on a document whose shape is valid. */
function meaningErrors(doc: TemplateDocument): TemplateError[] {
  const errors: TemplateError[] = [];
  const scoreTypes = doc.scoring ? new Set(doc.scoring.scoreTypes.map((t) => t.id)) : null;
  if (doc.scoring) errors.push(...scoringErrors(doc.scoring));

  const languages = new Set<string>();
  doc.languages.forEach((l, i) => {
    if (languages.has(l)) errors.push({ path: `languages[${i}]`, message: `"${l}" is listed twice` });
    languages.add(l);
  });

  const questionIds = new Map<string, string>();
  const sectionIds = new Set<string>();
  const refs: Array<[string, string, string | null]> = [];
  doc.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) errors.push({ path: `sections[${si}].id`, message: `section id "${s.id}" is used twice` });
    sectionIds.add(s.id);
    if (s.visibleIf) {
      const found: Array<[string, string]> = [];
      conditionRefs(s.visibleIf, `sections[${si}].visibleIf`, found);
      refs.push(...found.map(([path, id]): [string, string, string | null] => [path, id, null]));
    }
    s.questions.forEach((q, qi) => {
      const p = `sections[${si}].questions[${qi}]`;
      const earlier = questionIds.get(q.id);
      if (earlier !== undefined) errors.push({ path: `${p}.id`, message: `question id "${q.id}" is already used at ${earlier}` });
      else questionIds.set(q.id, p);
      errors.push(...questionErrors(q, p, scoreTypes));
      if (q.visibleIf) {
        const found: Array<[string, string]> = [];
        conditionRefs(q.visibleIf, `${p}.visibleIf`, found);
        refs.push(...found.map(([path, id]): [string, string, string | null] => [path, id, q.id]));
      }
    });
  });
  for (const [path, id, self] of refs) {
    if (!questionIds.has(id)) errors.push({ path, message: `no question has the id "${id}"` });
    else if (id === self) errors.push({ path, message: 'a question cannot depend on its own answer' });
  }

  for (const [path, text] of localTexts(doc)) {
    if (text.en.trim() === '') errors.push({ path: `${path}.en`, message: 'must not be empty' });
    for (const lang of languages) {
      if (lang === 'en') continue;
      const t = text[lang];
      if (t === undefined || t.trim() === '') errors.push({ path: `${path}.${lang}`, message: `missing the ${lang} translation (the template lists ${lang} in languages)` });
    }
  }
  return errors;
}

/**
 * Checks a template document. Returns it typed when it is valid, else every error found, each with
 * the path of the offending element. Shape errors are reported first; the checks of meaning (unique
 * ids, references, thresholds, translations) run once the shape is right.
 */
export function validateTemplate(doc: unknown): TemplateValidation {
  const parsed = templateDocumentSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, errors: shapeErrors(doc, parsed.error.issues) };
  const template = parsed.data as TemplateDocument;
  const errors = meaningErrors(template);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template };
}
