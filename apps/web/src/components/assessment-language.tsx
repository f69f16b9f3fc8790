/**
 * The language a template's own texts are shown in (questions, sections, choices, help, levels):
 * one of the template's `languages`, English by default, kept in the URL as ?lang=fr so a link opens
 * the same view. The staff app around those texts stays English. A text missing in the chosen
 * language falls back to English, marked lang="en", so screen readers switch voice for it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { LocalText, Section } from '../api';
import { SelectField } from './select-field';

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French (français)',
  es: 'Spanish (español)',
  de: 'German (Deutsch)',
  nl: 'Dutch (Nederlands)',
};
export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code;

/** The language of a text as shown: the chosen one when the text has it, else English. */
export const shownLanguage = (text: LocalText | undefined, lang: string): string => (text?.[lang] ? lang : 'en');

/** For the app's own English words inside a container set to another language. */
export const englishIn = (lang: string): 'en' | undefined => (lang === 'en' ? undefined : 'en');

/** The chosen language from ?lang=, if the template has it; and a way to change it (replacing the history entry). */
export function useTemplateLanguage(languages: readonly string[] | undefined): [string, (lang: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('lang');
  const lang = raw && languages?.includes(raw) ? raw : 'en';
  const setLang = (next: string) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (next === 'en') out.delete('lang');
        else out.set('lang', next);
        return out;
      },
      { replace: true },
    );
  return [lang, setLang];
}

const TemplateLanguage = createContext('en');

/** Sets the language the template texts below it are shown in. */
export function TemplateLanguageProvider({ lang, children }: { lang: string; children: ReactNode }) {
  return <TemplateLanguage.Provider value={lang}>{children}</TemplateLanguage.Provider>;
}

export const useShownLanguage = (): string => useContext(TemplateLanguage);

/**
 * A template text in the chosen language. In English nothing is marked; in another language each
 * text carries the language it is really in, so it reads right inside an English part of the page
 * and English fallbacks read right inside a French part.
 */
export function Localised({ text }: { text: LocalText | undefined }) {
  const lang = useShownLanguage();
  if (!text) return null;
  if (lang === 'en') return <>{text.en}</>;
  const shown = shownLanguage(text, lang);
  return <span lang={shown}>{shown === lang ? text[lang] : text.en}</span>;
}

/** A section title; repeated titles get "(part 2)" and so on (see sectionParts). */
export function SectionTitle({ section, part }: { section: Section; part: number | null | undefined }) {
  const lang = useShownLanguage();
  return (
    <>
      <Localised text={section.title} />
      {part ? <span lang={englishIn(lang)}> (part {part})</span> : null}
    </>
  );
}

/** Chooses the language of the template's texts; nothing when the template has only one. */
export function LanguageChoice({ languages, value, onChange, id = 'template-language' }: { languages: readonly string[]; value: string; onChange: (lang: string) => void; id?: string }) {
  if (languages.length < 2) return null;
  return (
    <form className="usa-form margin-bottom-3" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        id={id}
        label="Language of the questions"
        hint="The template’s own texts change; the rest of the page stays in English."
        value={value}
        onChange={onChange}
        options={languages.map((l) => ({ value: l, label: languageName(l) }))}
      />
    </form>
  );
}
