/**
 * HTML fragments from imported questionnaires → plain text. Glassbox stores texts as plain text and
 * escapes them when it shows them, so markup from a source file can never run in a page. Links keep
 * their address in brackets; headings, paragraphs and list items become lines.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', hellip: '…', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?[a-zA-Z][^>]*>/;

/** Whether a text holds HTML tags. */
export const hasMarkup = (s: string): boolean => TAG.test(s);

/** Plain text of an HTML fragment: block elements become line breaks, links "text (address)". */
export function htmlToText(html: string): string {
  if (!hasMarkup(html) && !/&[#a-z0-9]+;/i.test(html)) return html.trim();
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\b[^>]*?href\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi, (_m, _q: string, href: string, inner: string) => {
      const label = inner.replace(/<[^>]*>/g, '').trim();
      return label === '' || label === href ? href : `${label} (${href})`;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-6]|li|ul|ol|tr|table|section|blockquote)>/gi, '\n')
    .replace(/<(p|div|h[1-6]|ul|ol|tr|table|section|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text on one line (titles, labels). */
export const htmlToLine = (html: string): string => htmlToText(html).replace(/\s*\n+\s*/g, ' ').trim();
