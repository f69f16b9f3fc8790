/**
 * SurveyJS questionnaire (JSON) → assessment template (issue #4 point 2). Pages become sections;
 * panels are flattened into their page's section (a titled panel becomes an `info` element and its
 * visibleIf joins each of its questions' with `all`); `visibleIf` expressions become Condition
 * trees; texts become plain text in every language the survey uses. Everything the importer cannot
 * carry over — an element type, a property, an expression — is listed in `unsupported` with its
 * path in the source file, never silently dropped.
 *
 * Scoring is opt-in: `scoreTypeBySuffix` reads score types from name suffixes and `choiceWeights:
 * 'value-suffix'` reads weights from choice values, the conventions of the Canadian AIA (see
 * canada-aia.ts, which supplies them with the AIA's levels and requirements).
 */
import { validateTemplate, type TemplateError } from './schema.js';
import { htmlToLine, htmlToText } from './plain-text.js';
import { ExpressionError, parseSurveyJsExpression, type ExpressionQuestion } from './surveyjs-expression.js';
import { CHOICE_ELEMENT_TYPES, HANDLED, PROPERTY_DETAILS, SCORED_ELEMENT_TYPES } from './surveyjs-properties.js';
import type { Choice, Condition, LocalText, Question, Reassessment, Scoring, Section, TemplateDocument } from './template.js';

export type UnsupportedFeature = {
  /** Where in the SurveyJS file, e.g. `pages[3].elements[0].elements[2].choicesOrder`. */
  path: string;
  /** The element type or property name, e.g. `matrix`, `validators`, `visibleIf`. */
  feature: string;
  /** What happened to it. */
  detail: string;
};

export type SurveyJsImport = { template: TemplateDocument; unsupported: UnsupportedFeature[] };

export type SurveyJsImportOptions = {
  key: string;
  title?: LocalText;
  description?: LocalText;
  subject?: 'system' | 'organisation';
  /** Languages of the template; default `en` (SurveyJS's `default` texts) plus every locale the survey's texts use, sorted. */
  languages?: string[];
  /**
   * Score types by name suffix, looked up on the question's name, then on its parent panel's (or
   * page's) name; a suffix mapped to null means not scored. Only choice questions score. The AIA:
   * `{ '-RS': 'impact', '-MS': 'mitigation', '-NS': null }`.
   */
  scoreTypeBySuffix?: Record<string, string | null>;
  /** `value-suffix`: a scored choice's weight is the number after the last "-" of its value (`item3-2` → 2; none or not a number → 0). */
  choiceWeights?: 'none' | 'value-suffix';
  scoring?: Scoring;
  reassessment?: Reassessment;
  source?: TemplateDocument['source'];
};

/** The file is not a SurveyJS survey, or the template built from it is not valid. */
export class SurveyJsImportError extends Error {
  constructor(
    message: string,
    readonly problems: TemplateError[] = [],
  ) {
    super(message);
    this.name = 'SurveyJsImportError';
  }
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

type Ctx = {
  unsupported: UnsupportedFeature[];
  /** Texts with the path they came from, to fill and report missing translations at the end. */
  texts: Array<{ text: LocalText; path: string }>;
  /** Texts SurveyJS shows the same in every language (a choice without text shows its value). */
  universal: LocalText[];
  locales: Set<string>;
  /** Ids given to elements (unique, valid), by the element object. */
  ids: Map<Json, string>;
  /** First id of each SurveyJS name, for conditions. */
  idOfName: Map<string, string>;
  questions: Map<string, ExpressionQuestion>;
  options: SurveyJsImportOptions;
};

const report = (ctx: Ctx, path: string, feature: string, detail: string) => ctx.unsupported.push({ path, feature, detail });

function reportProperties(ctx: Ctx, e: Json, path: string, handled: string[], kind: string): void {
  for (const key of Object.keys(e)) {
    if (handled.includes(key)) continue;
    report(ctx, path === '' ? key : `${path}.${key}`, key, PROPERTY_DETAILS[key] ?? `not imported: Glassbox does not support "${key}" on a ${kind}`);
  }
}

/** A SurveyJS localizable string → LocalText (`default` is English). */
function localText(ctx: Ctx, value: unknown, path: string, mode: 'line' | 'block'): LocalText | undefined {
  const convert = mode === 'line' ? htmlToLine : htmlToText;
  if (typeof value === 'string' || typeof value === 'number') {
    const en = convert(String(value));
    if (en === '') return undefined;
    const text: LocalText = { en };
    ctx.texts.push({ text, path });
    return text;
  }
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') continue;
    const lang = k === 'default' ? 'en' : k.toLowerCase();
    const converted = convert(v);
    if (converted === '' || (lang === 'en' && k !== 'default' && 'default' in value)) continue;
    out[lang] = converted;
    if (lang !== 'en') ctx.locales.add(lang);
  }
  const en = out.en ?? Object.values(out)[0];
  if (en === undefined) return undefined;
  if (out.en === undefined) report(ctx, path, 'translation', 'no English ("default") text; the first language given is used as English');
  const text: LocalText = { ...out, en };
  ctx.texts.push({ text, path });
  return text;
}

const universalText = (ctx: Ctx, en: string): LocalText => {
  const text: LocalText = { en };
  ctx.universal.push(text);
  return text;
};

const ID_INVALID = /[^A-Za-z0-9_.-]/g;

/** Gives an element its unique, valid id, reporting a rename. */
function assignId(ctx: Ctx, e: Json, path: string, taken: Set<string>, fallback: string): void {
  const name = typeof e.name === 'string' && e.name.trim() !== '' ? e.name : undefined;
  let id = (name ?? fallback).replace(ID_INVALID, '_');
  if (name !== undefined && id !== name) report(ctx, `${path}.name`, 'name', `renamed to "${id}": Glassbox ids use letters, digits, "_", "-" and "." only`);
  if (taken.has(id)) {
    let n = 2;
    while (taken.has(`${id}-${n}`)) n += 1;
    report(ctx, `${path}.name`, 'name', `"${id}" is used by an earlier element; this one is imported as "${id}-${n}"`);
    id = `${id}-${n}`;
  }
  taken.add(id);
  ctx.ids.set(e, id);
  if (name !== undefined && !ctx.idOfName.has(name)) ctx.idOfName.set(name, id);
}

const childrenOf = (e: Json): unknown[] => (Array.isArray(e.elements) ? e.elements : Array.isArray(e.questions) ? e.questions : []);
const childKey = (e: Json): string => (Array.isArray(e.elements) ? 'elements' : 'questions');

function choiceValues(e: Json): string[] {
  if (!Array.isArray(e.choices)) return [];
  return e.choices.flatMap((c) => (isRecord(c) ? (c.value === undefined ? [] : [String(c.value)]) : typeof c === 'string' || typeof c === 'number' ? [String(c)] : []));
}

function expressionKind(type: string, e: Json): ExpressionQuestion['kind'] {
  if (type === 'radiogroup' || type === 'dropdown') return 'single';
  if (type === 'checkbox' || type === 'tagbox') return 'multiple';
  if (type === 'boolean') return 'boolean';
  if (type === 'comment') return 'text';
  if (type === 'text') return e.inputType === 'number' ? 'number' : 'text';
  return 'other';
}

/** First pass: ids for every element that becomes a question, and what conditions need to know. */
function collect(ctx: Ctx, elements: unknown[], path: string, taken: Set<string>): void {
  elements.forEach((e, i) => {
    if (!isRecord(e)) return;
    const p = `${path}[${i}]`;
    const type = String(e.type ?? '');
    if (type === 'panel') {
      if (e.title !== undefined || e.description !== undefined) assignId(ctx, e, p, taken, `panel${taken.size + 1}`);
      collect(ctx, childrenOf(e), `${p}.${childKey(e)}`, taken);
      return;
    }
    if (typeof e.name === 'string') ctx.questions.set(e.name, { kind: expressionKind(type, e), choices: choiceValues(e) });
    if (type in HANDLED && type !== 'page' && type !== 'survey') assignId(ctx, e, p, taken, `${type}${taken.size + 1}`);
  });
}

function renameCondition(c: Condition, idOfName: Map<string, string>): Condition {
  if ('all' in c) return { all: c.all.map((x) => renameCondition(x, idOfName)) };
  if ('any' in c) return { any: c.any.map((x) => renameCondition(x, idOfName)) };
  if ('not' in c) return { not: renameCondition(c.not, idOfName) };
  return { ...c, question: idOfName.get(c.question) ?? c.question };
}

function condition(ctx: Ctx, e: Json, path: string): Condition | undefined {
  if (e.visibleIf === undefined) return undefined;
  if (typeof e.visibleIf !== 'string') {
    report(ctx, `${path}.visibleIf`, 'visibleIf', 'not imported: not an expression; the element is always shown');
    return undefined;
  }
  try {
    return renameCondition(parseSurveyJsExpression(e.visibleIf, (name) => ctx.questions.get(name)), ctx.idOfName);
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    report(ctx, `${path}.visibleIf`, 'visibleIf', `expression ${JSON.stringify(e.visibleIf)} not converted (${err.message}); the element is always shown`);
    return undefined;
  }
}

const join = (conditions: Condition[]): Condition | undefined =>
  conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : { all: conditions };

function weightOf(value: string): number {
  const dash = value.lastIndexOf('-');
  if (dash === -1) return 0;
  const n = Number(value.slice(dash + 1));
  return Number.isNaN(n) ? 0 : n;
}

/** The score type from the name suffixes: the question's own name first, then its parent's. */
function scoreTypeFor(ctx: Ctx, name: string, parentName: string): string | undefined {
  const bySuffix = ctx.options.scoreTypeBySuffix;
  if (!bySuffix) return undefined;
  for (const n of [name, parentName]) {
    const suffix = Object.keys(bySuffix).find((s) => n.endsWith(s));
    if (suffix !== undefined) return bySuffix[suffix] ?? undefined;
  }
  return undefined;
}

function choices(ctx: Ctx, e: Json, path: string, weighted: boolean): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  (Array.isArray(e.choices) ? e.choices : []).forEach((c, i) => {
    const p = `${path}.choices[${i}]`;
    const raw = isRecord(c) ? c.value : c;
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      report(ctx, p, 'choice', 'not imported: a choice needs a text or number value');
      return;
    }
    const value = String(raw);
    if (seen.has(value)) {
      report(ctx, p, 'choice', `not imported: the value "${value}" is already a choice of this question`);
      return;
    }
    seen.add(value);
    if (isRecord(c)) reportProperties(ctx, c, p, ['value', 'text'], 'choice');
    const label = (isRecord(c) ? localText(ctx, c.text, `${p}.text`, 'line') : undefined) ?? universalText(ctx, value);
    out.push(weighted ? { value, label, weight: weightOf(value) } : { value, label });
  });
  const order = e.choicesOrder;
  if (order === 'asc' || order === 'desc') {
    out.sort((a, b) => a.label.en.localeCompare(b.label.en, 'en') * (order === 'asc' ? 1 : -1));
    report(ctx, `${path}.choicesOrder`, 'choicesOrder', `applied: choices sorted by their English labels (${order === 'asc' ? 'ascending' : 'descending'}); SurveyJS sorts by the label in the language shown, so the French order may differ`);
  } else if (order !== undefined && order !== 'none') {
    report(ctx, `${path}.choicesOrder`, 'choicesOrder', `not applied: "${String(order)}" order; choices keep the file's order`);
  }
  return out;
}

function helpOf(ctx: Ctx, e: Json, path: string): LocalText | undefined {
  const description = localText(ctx, e.description, `${path}.description`, 'block');
  const help = localText(ctx, e.help, `${path}.help`, 'block');
  if (!description || !help) return description ?? help;
  const both: LocalText = { en: `${description.en}\n\n${help.en}` };
  for (const lang of new Set([...Object.keys(description), ...Object.keys(help)])) {
    if (lang === 'en') continue;
    both[lang] = [description[lang] ?? description.en, help[lang] ?? help.en].join('\n\n');
  }
  ctx.texts.push({ text: both, path: `${path}.description` });
  return both;
}

/** An html element: its first line is the title, the rest the help text, in each language. */
function infoFromHtml(ctx: Ctx, e: Json, path: string): { title: LocalText; help?: LocalText } | undefined {
  const text = localText(ctx, e.html, `${path}.html`, 'block');
  if (!text) return undefined;
  const title: LocalText = { en: '' };
  const help: LocalText = { en: '' };
  for (const [lang, value] of Object.entries(text)) {
    if (value === undefined) continue;
    const [first = '', ...rest] = value.split('\n');
    title[lang] = first.trim();
    help[lang] = rest.join('\n').trim();
  }
  ctx.texts.push({ text: title, path: `${path}.html` });
  const hasHelp = Object.values(help).some((v) => v !== undefined && v !== '');
  if (hasHelp) ctx.texts.push({ text: help, path: `${path}.html` });
  return hasHelp ? { title, help } : { title };
}

function question(ctx: Ctx, e: Json, path: string, parentName: string, inherited: Condition[]): Question | undefined {
  const type = String(e.type ?? '');
  const id = ctx.ids.get(e);
  const handled = HANDLED[type];
  if (!handled || id === undefined || type === 'panel' || type === 'page' || type === 'survey') {
    const name = typeof e.name === 'string' ? ` "${e.name}"` : '';
    report(ctx, path, type || 'element', `not imported: Glassbox has no ${type ? `"${type}"` : 'untyped'} element; the element${name} is left out`);
    return undefined;
  }
  reportProperties(ctx, e, path, handled, `${type} element`);
  const name = typeof e.name === 'string' ? e.name : id;
  const visibleIf = join([...inherited, ...[condition(ctx, e, path)].filter((c): c is Condition => c !== undefined)]);
  const base = { id, ...(visibleIf ? { visibleIf } : {}) };

  if (type === 'html') {
    const info = infoFromHtml(ctx, e, path);
    if (!info) {
      report(ctx, path, 'html', 'not imported: the html element is empty');
      return undefined;
    }
    return { ...base, type: 'info', ...info };
  }

  const title = localText(ctx, e.title, `${path}.title`, 'line') ?? universalText(ctx, name);
  const help = helpOf(ctx, e, path);
  const common = { ...base, title, ...(help ? { help } : {}), ...(e.isRequired === true ? { required: true } : {}) };

  const choiceType = CHOICE_ELEMENT_TYPES[type];
  if (choiceType) {
    const scoreType = SCORED_ELEMENT_TYPES.has(type) ? scoreTypeFor(ctx, name, parentName) : undefined;
    const list = choices(ctx, e, path, scoreType !== undefined && ctx.options.choiceWeights === 'value-suffix');
    if (list.length === 0) {
      report(ctx, path, type, `not imported: "${name}" has no choices listed in the file`);
      return undefined;
    }
    return { ...common, type: choiceType, choices: list, ...(scoreType ? { scoreType } : {}) };
  }
  if (type === 'text') {
    const inputType = typeof e.inputType === 'string' ? e.inputType : 'text';
    const maxLength = typeof e.maxLength === 'number' && e.maxLength > 0 ? { maxLength: Math.min(e.maxLength, 20_000) } : {};
    if (inputType === 'number' || inputType === 'range') {
      if (inputType === 'range') report(ctx, `${path}.inputType`, 'inputType', 'imported as a number question (no slider)');
      const bound = (key: 'min' | 'max') => {
        const v = e[key];
        if (v === undefined) return {};
        const n = Number(v);
        if (Number.isFinite(n)) return { [key]: n };
        report(ctx, `${path}.${key}`, key, `not imported: "${String(v)}" is not a number`);
        return {};
      };
      return { ...common, type: 'number', ...bound('min'), ...bound('max') };
    }
    for (const key of ['min', 'max'] as const) if (e[key] !== undefined) report(ctx, `${path}.${key}`, key, `not imported: bounds apply to number questions only (inputType ${inputType})`);
    if (inputType === 'date') return { ...common, type: 'date' };
    if (inputType !== 'text') report(ctx, `${path}.inputType`, 'inputType', `imported as plain short text: Glassbox has no "${inputType}" input`);
    return { ...common, type: 'short_text', ...maxLength };
  }
  if (type === 'comment') {
    const maxLength = typeof e.maxLength === 'number' && e.maxLength > 0 ? { maxLength: Math.min(e.maxLength, 20_000) } : {};
    return { ...common, type: 'long_text', ...maxLength };
  }
  if (type === 'boolean') {
    const yes = localText(ctx, e.labelTrue, `${path}.labelTrue`, 'line');
    const no = localText(ctx, e.labelFalse, `${path}.labelFalse`, 'line');
    if (!yes && !no) return { ...common, type: 'yes_no' };
    return {
      ...common,
      type: 'yes_no',
      choices: [
        { value: 'yes', label: yes ?? { en: 'Yes', fr: 'Oui', es: 'Sí' } },
        { value: 'no', label: no ?? { en: 'No', fr: 'Non', es: 'No' } },
      ],
    };
  }
  return { ...common, type: 'file' };
}

function flatten(ctx: Ctx, elements: unknown[], path: string, parentName: string, inherited: Condition[], out: Question[]): void {
  elements.forEach((e, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(e)) {
      report(ctx, p, 'element', 'not imported: not an object');
      return;
    }
    if (e.type !== 'panel') {
      const q = question(ctx, e, p, parentName, inherited);
      if (q) out.push(q);
      return;
    }
    reportProperties(ctx, e, p, HANDLED.panel ?? [], 'panel');
    const own = condition(ctx, e, p);
    const conditions = own ? [...inherited, own] : inherited;
    const id = ctx.ids.get(e);
    if (id !== undefined) {
      const title = localText(ctx, e.title, `${p}.title`, 'line');
      const description = localText(ctx, e.description, `${p}.description`, 'block');
      const heading = title ?? description;
      const visibleIf = join(conditions);
      if (heading) out.push({ id, type: 'info', title: heading, ...(title && description ? { help: description } : {}), ...(visibleIf ? { visibleIf } : {}) });
    }
    flatten(ctx, childrenOf(e), `${p}.${childKey(e)}`, typeof e.name === 'string' ? e.name : '', conditions, out);
  });
}

/** Fills texts missing in a template language with the English text, as SurveyJS falls back to its default text. */
function fillTranslations(ctx: Ctx, languages: string[], usedTexts: Set<LocalText>): void {
  for (const text of ctx.universal) for (const lang of languages) text[lang] ??= text.en;
  const reported = new Set<string>();
  for (const { text, path } of ctx.texts) {
    if (!usedTexts.has(text)) continue;
    const missing = languages.filter((l) => text[l] === undefined || text[l] === '');
    if (missing.length === 0) continue;
    for (const lang of missing) text[lang] = text.en;
    if (!reported.has(path)) {
      reported.add(path);
      report(ctx, path, 'translation', `no ${missing.join(', ')} text; the English text is used, as SurveyJS shows its default text`);
    }
  }
}

function textsOf(template: TemplateDocument): Set<LocalText> {
  const out = new Set<LocalText>([template.title]);
  if (template.description) out.add(template.description);
  for (const s of template.sections) {
    out.add(s.title);
    if (s.description) out.add(s.description);
    for (const q of s.questions) {
      for (const t of [q.title, q.help, q.examples, q.recommendation]) if (t) out.add(t);
      for (const c of q.choices ?? []) out.add(c.label);
    }
  }
  return out;
}

/**
 * Imports a SurveyJS questionnaire as a template. Throws SurveyJsImportError when the input is not a
 * SurveyJS survey (an object with `pages`, or with `elements` for a one-page survey) or when nothing
 * in it can be imported.
 */
export function importSurveyJs(survey: unknown, options: SurveyJsImportOptions): SurveyJsImport {
  if (!isRecord(survey)) throw new SurveyJsImportError('Not a SurveyJS survey: expected a JSON object.');
  const pages: unknown[] = Array.isArray(survey.pages)
    ? survey.pages
    : Array.isArray(survey.elements) || Array.isArray(survey.questions)
      ? [{ name: 'page1', elements: childrenOf(survey) }]
      : [];
  if (pages.length === 0) throw new SurveyJsImportError('Not a SurveyJS survey: it has no "pages" (or "elements") list.');

  const ctx: Ctx = { unsupported: [], texts: [], universal: [], locales: new Set(), ids: new Map(), idOfName: new Map(), questions: new Map(), options };
  reportProperties(ctx, survey, '', HANDLED.survey ?? [], 'survey');
  const pagePath = (i: number) => (Array.isArray(survey.pages) ? `pages[${i}]` : '');
  const taken = new Set<string>();
  pages.forEach((page, i) => {
    if (isRecord(page)) collect(ctx, childrenOf(page), `${pagePath(i)}${pagePath(i) ? '.' : ''}${childKey(page)}`, taken);
  });

  const sections: Section[] = [];
  const sectionIds = new Set<string>();
  pages.forEach((page, i) => {
    const p = pagePath(i);
    if (!isRecord(page)) {
      report(ctx, p, 'page', 'not imported: not an object');
      return;
    }
    if (Array.isArray(survey.pages)) reportProperties(ctx, page, p, HANDLED.page ?? [], 'page');
    const name = typeof page.name === 'string' && page.name.trim() !== '' ? page.name : `page${i + 1}`;
    const questions: Question[] = [];
    flatten(ctx, childrenOf(page), `${p}${p ? '.' : ''}${childKey(page)}`, name, [], questions);
    if (questions.length === 0) {
      report(ctx, p, 'page', `not imported: page "${name}" has nothing Glassbox can show`);
      return;
    }
    let id = name.replace(ID_INVALID, '_');
    for (let n = 2; sectionIds.has(id); n += 1) id = `${name.replace(ID_INVALID, '_')}-${n}`;
    sectionIds.add(id);
    const firstInfo = questions[0]?.type === 'info' ? questions[0].title : undefined;
    const title = localText(ctx, page.title, `${p}.title`, 'line') ?? firstInfo ?? universalText(ctx, name);
    const description = localText(ctx, page.description, `${p}.description`, 'block');
    const visibleIf = condition(ctx, page, p);
    sections.push({ id, title, ...(description ? { description } : {}), ...(visibleIf ? { visibleIf } : {}), questions });
  });
  if (sections.length === 0) throw new SurveyJsImportError('Nothing in this SurveyJS survey can be imported.');

  const languages = options.languages ?? ['en', ...[...ctx.locales].filter((l) => l !== 'en').sort()];
  const template: TemplateDocument = {
    format: 'glassbox.assessment-template/1',
    key: options.key,
    title: options.title ?? localText(ctx, survey.title, 'title', 'line') ?? universalText(ctx, options.key),
    ...(options.description || survey.description !== undefined
      ? { description: options.description ?? localText(ctx, survey.description, 'description', 'block') }
      : {}),
    languages,
    subject: options.subject ?? 'system',
    sections,
    ...(options.scoring ? { scoring: options.scoring } : {}),
    ...(options.reassessment ? { reassessment: options.reassessment } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  if (template.description === undefined) delete template.description;
  fillTranslations(ctx, languages, textsOf(template));

  const checked = validateTemplate(template);
  if (!checked.ok) {
    throw new SurveyJsImportError(
      `The template built from this survey is not valid: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      checked.errors,
    );
  }
  return { template: checked.template, unsupported: ctx.unsupported };
}
