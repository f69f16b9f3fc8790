import { describe, it, expect } from 'vitest';
import type { Database, OrganisationView } from '@glassbox/core';
import { escapeHtml, html, mailtoHref, raw, safeExternalUrl, SafeHtml, type Interpolation } from './html.js';
import { renderLandingPage } from './landing.page.js';
import { landingSections } from './landing.sections.js';
import type { LandingSection } from './section.js';

const org = (over: Partial<OrganisationView> = {}): OrganisationView => ({
  id: '00000000-0000-0000-0000-000000000001',
  slug: 'testville',
  name: 'Testville',
  description: 'Testville publishes how it uses AI.',
  contactEmail: 'ai@testville.example',
  contactUrl: null,
  defaultLocale: 'en',
  ...over,
});

// Sections of this page run no queries; a landing page needs no database to render here.
const noDb = {} as Database['db'];
/** The landing sections that need no database (the register and consultation sections query it; their own tests cover them). */
const offlineSections = landingSections.filter((s) => !['register', 'consultations'].includes(s.id));

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ['plain text, accents: é ñ ç', 'plain text, accents: é ñ ç'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('html template', () => {
  it('escapes interpolated strings in content and attributes', () => {
    const name = '<script>alert(1)</script>';
    const title = `" onmouseover="x`;
    const out = html`<p title="${title}">${name}</p>`.value;
    expect(out).toBe('<p title="&quot; onmouseover=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(out).not.toContain('<script');
  });

  it('passes raw() and nested html fragments through unescaped', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(html`<p>${inner} ${raw('<br>')}</p>`.value).toBe('<p><em>a &amp; b</em> <br></p>');
  });

  it('joins arrays, escaping each item, and renders false, null and undefined as nothing', () => {
    const items: Interpolation[] = ['<a>', html`<b>ok</b>`, null, false, undefined, 3];
    expect(html`${items}`.value).toBe('&lt;a&gt;<b>ok</b>3');
    const hidden = (show: boolean) => html`[${show && html`<i>shown</i>`}]`.value;
    expect(hidden(false)).toBe('[]');
    expect(hidden(true)).toBe('[<i>shown</i>]');
  });

  it('returns a SafeHtml that can be nested again without double escaping', () => {
    const once = html`${'<'}`;
    expect(once).toBeInstanceOf(SafeHtml);
    expect(html`${once}`.value).toBe('&lt;');
  });
});

describe('URLs from stored data', () => {
  it.each([
    ['https://council.example/contact', 'https://council.example/contact'],
    ['http://council.example', 'http://council.example/'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['not a url', null],
    ['', null],
    [null, null],
  ])('safeExternalUrl(%j) → %j', (input, expected) => {
    expect(safeExternalUrl(input)).toBe(expected);
  });

  it.each([
    ['ai@council.example', 'mailto:ai@council.example'],
    ['ai@council.example?subject=x&body=y', 'mailto:ai@council.example%3Fsubject%3Dx%26body%3Dy'],
    ['ai@council.example?cc=y@z.example', null],
    ['not an address', null],
    [null, null],
  ])('mailtoHref(%j) → %j', (input, expected) => {
    expect(mailtoHref(input)).toBe(expected);
  });
});

describe('landing page rendering', () => {
  it('escapes a <script> in the organisation name everywhere it appears', async () => {
    const page = await renderLandingPage({ db: noDb, org: org({ name: '<script>alert("pwned")</script> Council' }), locale: 'en' }, '/testville', offlineSections);
    expect(page).not.toContain('<script');
    expect(page).toContain('<h1>&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Council</h1>');
    expect(page).toContain('<title>&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Council – Glassbox</title>');
  });

  it('never links a javascript: contact URL', async () => {
    const page = await renderLandingPage({ db: noDb, org: org({ contactUrl: 'javascript:alert(1)' }), locale: 'en' }, '/testville', offlineSections);
    expect(page).not.toContain('javascript:');
  });

  it('appends sections in order and leaves out those with nothing to show', async () => {
    const sections: LandingSection[] = [
      { id: 'first', render: () => ({ heading: 'First <one>', body: html`<p>one</p>` }) },
      { id: 'empty', render: () => null },
      { id: 'second', render: async () => ({ heading: 'Second', body: html`<p>two</p>` }) },
    ];
    const page = await renderLandingPage({ db: noDb, org: org(), locale: 'en' }, '/testville', sections);
    expect(page).toContain('<section class="page-section" id="first" aria-labelledby="first-heading">\n<h2 id="first-heading">First &lt;one&gt;</h2>');
    expect(page.indexOf('id="first"')).toBeLessThan(page.indexOf('id="second"'));
    expect(page).not.toContain('id="empty"');
    expect(page.match(/<h2/g)).toHaveLength(2);
  });

  it('leaves out the contact section when the organisation has published no contact details', async () => {
    const page = await renderLandingPage({ db: noDb, org: org({ contactEmail: null, contactUrl: null }), locale: 'en' }, '/testville', offlineSections);
    expect(page).not.toContain('id="contact"');
    expect(page).toContain('id="about"');
  });
});
