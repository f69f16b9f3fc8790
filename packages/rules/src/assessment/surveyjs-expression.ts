/**
 * SurveyJS `visibleIf` expressions → Condition trees (template.ts), so no string expression is ever
 * evaluated at run time. Supported: `{q} = v`, `==`, `!=`, `<>`, `contains`, `notcontains`, `anyof`,
 * `allof`, `empty`, `notempty`, `and` / `&&`, `or` / `||`, `!` / `not`, parentheses; values are
 * quoted text, numbers, true/false and [lists]. Anything else (comparisons such as `>`, functions,
 * arithmetic, `{q}` compared with `{r}`) is refused with a reason, and the importer lists it.
 *
 * The conversion follows what SurveyJS does with each question type (survey-library
 * conditionProcessValue / OperandMaker): `contains` on a list answer (checkbox) tests membership, on a
 * text answer (radiogroup, dropdown) it is a substring test — which the converter turns into the
 * choices whose values contain that text, so `{q} contains ["item2"]` over `item2-0` still matches.
 */
import type { Condition } from './template.js';

/** What the converter needs to know about the question a variable names. */
export type ExpressionQuestion = { kind: 'single' | 'multiple' | 'boolean' | 'text' | 'number' | 'other'; choices: string[] };

export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { t: 'var'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'word'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: '(' | ')' | '[' | ']' | ',' };

const WORD = /[A-Za-z_]/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '{') {
      const end = src.indexOf('}', i);
      if (end === -1) throw new ExpressionError('a "{" is not closed');
      tokens.push({ t: 'var', v: src.slice(i + 1, end).trim() });
      i = end + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j += 1;
        text += src[j];
        j += 1;
      }
      if (j >= src.length) throw new ExpressionError('a quoted text is not closed');
      tokens.push({ t: 'str', v: text });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i));
      const text = m?.[0] ?? c;
      tokens.push({ t: 'num', v: Number(text) });
      i += text.length;
    } else if (WORD.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      const text = m?.[0] ?? c;
      tokens.push({ t: 'word', v: text.toLowerCase() });
      i += text.length;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ t: 'punct', v: c });
      i += 1;
    } else {
      const m = /^(==|!=|<>|>=|<=|&&|\|\||=|!|<|>|\+|-|\*|\/|%)/.exec(src.slice(i));
      if (!m) throw new ExpressionError(`unexpected character "${c}"`);
      tokens.push({ t: 'op', v: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

type Literal = string | number | boolean;
type Operand = { kind: 'var'; name: string } | { kind: 'value'; value: Literal } | { kind: 'list'; values: Literal[] };

const BINARY_WORDS: Record<string, string> = {
  equal: '=',
  notequal: '!=',
  contains: 'contains',
  contain: 'contains',
  notcontains: 'notcontains',
  notcontain: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
};
const UNSUPPORTED_COMPARISONS = new Set(['>', '<', '>=', '<=', 'greater', 'less', 'greaterorequal', 'lessorequal']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly lookup: (name: string) => ExpressionQuestion | undefined,
  ) {}

  parse(): Condition {
    const c = this.or();
    if (this.pos < this.tokens.length) throw new ExpressionError(`unexpected "${this.show(this.tokens[this.pos])}"`);
    return c;
  }

  private show(token: Token | undefined): string {
    if (!token) return 'end';
    return token.t === 'var' ? `{${token.v}}` : String(token.v);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return t !== undefined && ((t.t === 'word' && words.includes(t.v)) || (t.t === 'op' && words.includes(t.v)));
  }

  private or(): Condition {
    const parts = [this.and()];
    while (this.isWord('or', '||')) {
      this.pos += 1;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { any: parts };
  }

  private and(): Condition {
    const parts = [this.unary()];
    while (this.isWord('and', '&&')) {
      this.pos += 1;
      parts.push(this.unary());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { all: parts };
  }

  private unary(): Condition {
    if (this.isWord('not', '!')) {
      this.pos += 1;
      return { not: this.unary() };
    }
    const t = this.peek();
    if (t?.t === 'punct' && t.v === '(') {
      this.pos += 1;
      const inner = this.or();
      const close = this.peek();
      if (!(close?.t === 'punct' && close.v === ')')) throw new ExpressionError('a "(" is not closed');
      this.pos += 1;
      return inner;
    }
    return this.comparison();
  }

  private operand(): Operand {
    const t = this.peek();
    if (!t) throw new ExpressionError('the expression ends too early');
    this.pos += 1;
    if (t.t === 'var') return { kind: 'var', name: t.v };
    if (t.t === 'str' || t.t === 'num') return { kind: 'value', value: t.v };
    if (t.t === 'word' && (t.v === 'true' || t.v === 'false')) return { kind: 'value', value: t.v === 'true' };
    if (t.t === 'punct' && t.v === '[') {
      const values: Literal[] = [];
      while (!(this.peek()?.t === 'punct' && this.peek()?.v === ']')) {
        const item = this.operand();
        if (item.kind !== 'value') throw new ExpressionError('a list may only hold values');
        values.push(item.value);
        const next = this.peek();
        if (next?.t === 'punct' && next.v === ',') this.pos += 1;
        else if (!(next?.t === 'punct' && next.v === ']')) throw new ExpressionError('a "[" is not closed');
      }
      this.pos += 1;
      return { kind: 'list', values };
    }
    if (t.t === 'word' && this.peek()?.t === 'punct' && this.peek()?.v === '(') throw new ExpressionError(`functions such as ${t.v}() are not supported`);
    throw new ExpressionError(`unexpected "${this.show(t)}"`);
  }

  private comparison(): Condition {
    const left = this.operand();
    const t = this.peek();
    const op = t && (t.t === 'op' || t.t === 'word') ? (BINARY_WORDS[t.v] ?? t.v) : undefined;
    if (op === 'empty' || op === 'notempty') {
      this.pos += 1;
      return { question: this.variable(left).name, answered: op === 'notempty' };
    }
    if (op !== undefined && UNSUPPORTED_COMPARISONS.has(op)) throw new ExpressionError(`the comparison "${op}" is not supported`);
    if (op === undefined || !['=', '==', '!=', '<>', 'contains', 'notcontains', 'anyof', 'allof'].includes(op)) {
      if (op === undefined || op === 'and' || op === 'or' || op === '&&' || op === '||') {
        throw new ExpressionError(`${left.kind === 'var' ? `{${left.name}}` : 'a value'} on its own is not a condition Glassbox can convert`);
      }
      throw new ExpressionError(`the operator "${op}" is not supported`);
    }
    this.pos += 1;
    let right = this.operand();
    let varSide = left;
    if (left.kind !== 'var' && right.kind === 'var' && (op === '=' || op === '==' || op === '!=' || op === '<>')) {
      varSide = right;
      right = left;
    }
    const variable = this.variable(varSide);
    if (right.kind === 'var') throw new ExpressionError('comparing two questions with each other is not supported');
    return this.convert(variable.name, variable.question, op, right);
  }

  private variable(o: Operand): { name: string; question: ExpressionQuestion } {
    if (o.kind !== 'var') throw new ExpressionError('the left side must name a question, as {name}');
    const question = this.lookup(o.name);
    if (!question) throw new ExpressionError(`{${o.name}} is not a question of this survey`);
    return { name: o.name, question };
  }

  /** SurveyJS compares text case-insensitively; use the choice's own spelling. */
  private choiceSpelling(q: ExpressionQuestion, value: Literal): Literal {
    if (typeof value !== 'string') return value;
    return q.choices.find((c) => c === value) ?? q.choices.find((c) => c.toLowerCase() === value.toLowerCase()) ?? value;
  }

  private convert(name: string, q: ExpressionQuestion, op: string, right: Exclude<Operand, { kind: 'var' }>): Condition {
    const values = right.kind === 'list' ? right.values : [right.value];
    switch (op) {
      case '=':
      case '==':
      case '!=':
      case '<>': {
        if (right.kind === 'list') throw new ExpressionError('comparing an answer with a list using "=" is not supported (use anyof or allof)');
        const value = this.choiceSpelling(q, right.value);
        return op === '!=' || op === '<>' ? { question: name, notEquals: value } : { question: name, equals: value };
      }
      case 'contains':
      case 'notcontains': {
        const c = this.containsAll(name, q, values);
        // SurveyJS answers false to both contains and notcontains while the question is unanswered.
        return op === 'contains' ? c : { all: [{ question: name, answered: true }, { not: c }] };
      }
      case 'anyof':
        return this.combine('any', values.map((v) => this.member(name, q, v)));
      case 'allof':
        return this.combine('all', values.map((v) => this.member(name, q, v)));
      default:
        throw new ExpressionError(`the operator "${op}" is not supported`);
    }
  }

  private combine(kind: 'any' | 'all', parts: Condition[]): Condition {
    if (parts.length === 1) return parts[0] as Condition;
    return kind === 'any' ? { any: parts } : { all: parts };
  }

  /** The answer is (or, for a list answer, includes) this value. */
  private member(name: string, q: ExpressionQuestion, value: Literal): Condition {
    if (q.kind === 'multiple') return { question: name, includes: String(this.choiceSpelling(q, value)) };
    return { question: name, equals: this.choiceSpelling(q, value) };
  }

  /**
   * SurveyJS `contains`: a list answer must hold every value (exact match); a text answer must
   * contain the text (for a list on the right, its comma-joined text, as JavaScript's toString gives).
   */
  private containsAll(name: string, q: ExpressionQuestion, values: Literal[]): Condition {
    if (q.kind === 'multiple') return this.combine('all', values.map((v) => ({ question: name, includes: String(this.choiceSpelling(q, v)) })));
    if (q.kind === 'single') {
      const needle = values.map(String).join(',');
      const matching = q.choices.filter((c) => c.includes(needle));
      return this.combine('any', matching.map((c) => ({ question: name, equals: c })));
    }
    throw new ExpressionError(`"contains" on a ${q.kind} question tests free text, which conditions cannot express`);
  }
}

/**
 * Converts one SurveyJS expression into a Condition. `lookup` gives what the converter needs to know
 * about a question by name (undefined: no such question). Throws ExpressionError with the reason when
 * the expression cannot be converted.
 */
export function parseSurveyJsExpression(expression: string, lookup: (name: string) => ExpressionQuestion | undefined): Condition {
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new ExpressionError('the expression is empty');
  return new Parser(tokens, lookup).parse();
}
