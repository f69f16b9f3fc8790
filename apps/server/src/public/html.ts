/**
 * HTML building for the public site: one escaping function and a tagged template that escapes every
 * interpolation unless it is an explicitly trusted fragment (`raw()` or the result of another `html`).
 * Values from the database or the request must only ever reach a page through these.
 */

/** A fragment of HTML that is safe to insert as is. Only `html` and `raw` make one. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate. `false`, `null` and `undefined` render nothing, so `cond && html`…`` works. */
export type Interpolation = SafeHtml | string | number | false | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that matter in element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Marks a trusted fragment (our own markup, never user data) so `html` inserts it unescaped. */
export const raw = (trusted: string): SafeHtml => new SafeHtml(trusted);

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/** Tagged template: `html`<p>${name}</p>`` escapes `name`; nested `html` results and `raw()` pass through. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/**
 * A URL fit for an href attribute from data we do not control: http(s) only, so a stored
 * `javascript:` or `data:` address can never become a link. Returns null for anything else.
 */
export function safeExternalUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A mailto: href for a plausible email address, or null; the address is percent-encoded so it cannot add headers. */
export function mailtoHref(email: string | null | undefined): string | null {
  const address = email?.trim();
  if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return null;
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}`;
}
