import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createOrganisation, migrate, openDatabase, systemCtx, type OrganisationView } from '@glassbox/core';
import { makeOrganisation } from '@glassbox/core/testing/factories';
import { buildApp } from '../app.js';
import { createTestApp, testConfig, type TestApp } from '../testing/harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

const h1Of = (body: string): string | undefined => /<h1>([\s\S]*?)<\/h1>/.exec(body)?.[1];
const htmlLangOf = (body: string): string | undefined => /<html lang="([a-z]+)"/.exec(body)?.[1];
const langCookie = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'gb_lang');

const unique = (): string => Math.random().toString(36).slice(2, 10);

async function makeOrg(input: Partial<Parameters<typeof createOrganisation>[1]> = {}): Promise<OrganisationView> {
  return createOrganisation(systemCtx(t.database.db, 'test'), {
    slug: `pub-${unique()}`,
    name: 'Testshire County Council',
    description: 'Testshire uses AI to sort letters. It also answers questions.',
    contactEmail: 'ai@testshire.example',
    contactUrl: 'https://testshire.example/contact',
    ...input,
  });
}

const TRANSLATED = {
  en: { about: 'What this site is for', skip: 'Skip to main content', nav: 'Language', notFound: 'Page not found' },
  es: { about: 'Para qué sirve este sitio', skip: 'Saltar al contenido principal', nav: 'Idioma', notFound: 'Página no encontrada' },
  fr: { about: 'À quoi sert ce site', skip: 'Aller au contenu principal', nav: 'Langue', notFound: 'Page introuvable' },
} as const;

describe('organisation landing page', () => {
  it('renders the organisation with its name escaped, as an HTML page that is never cached stale', async () => {
    const org = await makeOrg({ name: 'Evil <script>alert("x")</script> Council' });
    const res = await get(`/${org.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-language']).toBe('en');
    expect(res.body.startsWith('<!doctype html>')).toBe(true);
    expect(res.body).not.toContain('<script');
    expect(h1Of(res.body)).toBe('Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Council');
    expect(res.body).toContain('<title>Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Council – Glassbox</title>');
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('shows the description and how to contact the organisation', async () => {
    const org = await makeOrg();
    const res = await get(`/${org.slug}`);
    expect(res.body).toContain('<p class="lead">Testshire uses AI to sort letters. It also answers questions.</p>');
    expect(res.body).toContain('<a href="mailto:ai@testshire.example">ai@testshire.example</a>');
    expect(res.body).toContain('<a href="https://testshire.example/contact">testshire.example/contact</a>');
  });

  it('has no contact section, and no empty heading, when there are no contact details', async () => {
    const org = await makeOrg({ contactEmail: null, contactUrl: null });
    const res = await get(`/${org.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('id="contact"');
    expect(res.body).not.toMatch(/<h2[^>]*>\s*<\/h2>/);
  });

  it('starts with a skip link to the main landmark, before anything else that takes focus', async () => {
    const org = await makeOrganisation(t.database.db);
    const res = await get(`/${org.slug}`);
    const body = res.body.slice(res.body.indexOf('<body>'));
    const firstFocusable = /<(a|button|input|select|textarea)\b[^>]*>/.exec(body)?.[0];
    expect(firstFocusable).toBe('<a class="skip-link" href="#main">');
    expect(body).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(body).toContain('<main id="main"');
    expect(body).toMatch(/<header[\s>]/);
    expect(body).toMatch(/<footer[\s>]/);
  });

  it.each(['en', 'es', 'fr'] as const)('is fully translated into %s, with a switcher marking the current language', async (lang) => {
    const org = await makeOrganisation(t.database.db);
    const res = await get(`/${org.slug}?lang=${lang}`);
    expect(res.statusCode).toBe(200);
    expect(htmlLangOf(res.body)).toBe(lang);
    expect(res.headers['content-language']).toBe(lang);
    expect(res.body).toContain(`<h2 id="about-heading">${TRANSLATED[lang].about}</h2>`);
    expect(res.body).toContain(`>${TRANSLATED[lang].skip}</a>`);
    expect(res.body).toContain(`<nav class="lang-switcher" aria-label="${TRANSLATED[lang].nav}">`);
    for (const [code, label] of [['en', 'English'], ['es', 'Español'], ['fr', 'Français']] as const) {
      const current = code === lang ? ' aria-current="true"' : '';
      expect(res.body).toContain(`<a href="/${org.slug}?lang=${code}" lang="${code}" hreflang="${code}"${current}>${label}</a>`);
    }
    expect(res.body.match(/aria-current="true"/g)).toHaveLength(1);
  });

  it('remembers ?lang in a year-long gb_lang cookie', async () => {
    const org = await makeOrganisation(t.database.db);
    const res = await get(`/${org.slug}?lang=es`);
    const cookie = langCookie(res);
    expect(cookie).toMatchObject({ name: 'gb_lang', value: 'es', path: '/', sameSite: 'Lax', maxAge: 31_536_000 });
  });

  it('honours the gb_lang cookie over Accept-Language, and ?lang over both', async () => {
    const org = await makeOrganisation(t.database.db);
    const byCookie = await get(`/${org.slug}`, { cookie: 'gb_lang=fr', 'accept-language': 'es' });
    expect(htmlLangOf(byCookie.body)).toBe('fr');
    expect(byCookie.body).toContain(TRANSLATED.fr.about);
    expect(langCookie(byCookie)).toBeUndefined();

    const byQuery = await get(`/${org.slug}?lang=en`, { cookie: 'gb_lang=fr', 'accept-language': 'es' });
    expect(htmlLangOf(byQuery.body)).toBe('en');
  });

  it('honours Accept-Language, then the organisation default', async () => {
    const org = await makeOrg({ defaultLocale: 'fr' });
    const accepted = await get(`/${org.slug}`, { 'accept-language': 'de-DE, es-MX;q=0.9, en;q=0.5' });
    expect(htmlLangOf(accepted.body)).toBe('es');
    expect(accepted.body).toContain(TRANSLATED.es.about);

    const byDefault = await get(`/${org.slug}`, { 'accept-language': 'de' });
    expect(htmlLangOf(byDefault.body)).toBe('fr');
  });

  it('ignores an invalid lang value without error and without setting a cookie', async () => {
    const org = await makeOrganisation(t.database.db);
    for (const query of ['?lang=de', '?lang=<script>', '?lang=es&lang=fr', '?lang=']) {
      const res = await get(`/${org.slug}${query}`, { 'accept-language': 'fr' });
      expect(res.statusCode, query).toBe(200);
      expect(htmlLangOf(res.body), query).toBe('fr');
      expect(langCookie(res), query).toBeUndefined();
      expect(res.body).not.toContain('<script');
    }
  });

  it('runs the same number of SQL statements however many organisations exist', async () => {
    const org = await makeOrganisation(t.database.db);
    const count = async (url: string) => {
      const before = t.database.queryCount();
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      return t.database.queryCount() - before;
    };
    const landing = await count(`/${org.slug}`);
    const home = await count('/');
    for (let i = 0; i < 3; i++) await makeOrganisation(t.database.db);
    expect(await count(`/${org.slug}`)).toBe(landing);
    expect(await count('/')).toBe(home);
    // The organisation, the register section's one query and the consultations section's one query.
    expect(landing).toBeLessThanOrEqual(3);
    expect(home).toBeLessThanOrEqual(2);
  });
});

describe('instance home', () => {
  it('lists the organisations with a link and the first sentence of their description', async () => {
    const a = await makeOrg({ name: 'Alphaville' });
    await makeOrg({ name: 'Betatown' });
    const res = await get('/?lang=fr');
    expect(res.statusCode).toBe(200);
    expect(htmlLangOf(res.body)).toBe('fr');
    expect(h1Of(res.body)).toBe('Registres publics de l’usage de l’IA');
    expect(res.body).toContain(`<h2><a href="/${a.slug}">Alphaville</a></h2>`);
    expect(res.body).toContain('<p class="secondary">Testshire uses AI to sort letters.</p>');
    expect(res.body).not.toContain('It also answers questions.');
    expect(res.body).toContain('<a href="/?lang=en" lang="en" hreflang="en">English</a>');
    expect(res.body).not.toContain('<script');
  });

  it('is the landing page itself when the instance has exactly one organisation', async () => {
    // A database of its own, so no other test's organisations are in it.
    const database = await openDatabase({ memory: true });
    await migrate(database);
    const app = await buildApp({ config: testConfig, database, logger: false });
    try {
      const org = await createOrganisation(systemCtx(database.db, 'test'), { slug: 'solo', name: 'Solo <b>Borough</b>', contactEmail: 'ai@solo.example' });
      const res = await app.inject({ method: 'GET', url: '/?lang=es' });
      expect(res.statusCode).toBe(200);
      expect(h1Of(res.body)).toBe('Solo &lt;b&gt;Borough&lt;/b&gt;');
      expect(res.body).toContain(TRANSLATED.es.about);
      expect(res.body).toContain('<a href="mailto:ai@solo.example">ai@solo.example</a>');
      expect(res.body).toContain('<a href="/?lang=fr" lang="fr" hreflang="fr">Français</a>');
      expect(res.body).toContain(`<a href="/${org.slug}">`);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('not found and errors', () => {
  it.each(['en', 'es', 'fr'] as const)('answers an unknown organisation with an HTML 404 page in %s', async (lang) => {
    const res = await get(`/no-such-org-${unique()}`, { 'accept-language': lang });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(htmlLangOf(res.body)).toBe(lang);
    expect(h1Of(res.body)).toBe(TRANSLATED[lang].notFound);
    expect(res.body).toContain('<a href="/">');
    expect(res.body).toContain(`>${TRANSLATED[lang].skip}</a>`);
  });

  it('escapes a hostile path on the 404 page', async () => {
    const res = await get('/%3Cscript%3Ealert(1)%3C%2Fscript%3E?lang=fr');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<script');
    expect(h1Of(res.body)).toBe(TRANSLATED.fr.notFound);
  });

  it('shows a plain HTML 500 page with the request id when something fails', async () => {
    // The same database, seen through a connection where every statement fails.
    const databaseDown: KyselyPlugin = {
      transformQuery: () => {
        throw new Error('connection refused (simulated)');
      },
      transformResult: async ({ result }) => result,
    };
    const app = await buildApp({ config: testConfig, database: { ...t.database, db: t.database.db.withPlugin(databaseDown) }, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/some-org', headers: { 'accept-language': 'es' } });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(h1Of(res.body)).toBe('Algo ha fallado');
      const requestId = res.headers['x-request-id'];
      expect(typeof requestId).toBe('string');
      expect(res.body).toContain(`indique esta referencia: ${String(requestId)}`);
      expect(res.body).not.toMatch(/connection refused|simulated|stack/i);
    } finally {
      await app.close();
    }
  });
});

describe('stylesheet and scripts', () => {
  it('serves the stylesheet as text/css, cacheable for an hour, with a working ETag', async () => {
    const res = await get('/assets/public.css');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toContain('.skip-link:focus');
    expect(res.body).toContain('@media print');
    const etag = res.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await get('/assets/public.css', { 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
  });

  it('sends no script on any page', async () => {
    const org = await makeOrganisation(t.database.db);
    for (const url of ['/', `/${org.slug}`, `/${org.slug}?lang=es`, `/${org.slug}?lang=fr`, '/no-such-org']) {
      const res = await get(url);
      expect(res.body, url).not.toMatch(/<script/i);
      expect(res.body, url).not.toMatch(/\sstyle=|<style/i);
      expect(res.body, url).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
