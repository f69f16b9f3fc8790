/**
 * Preview of a template version (/admin/assessment-template-versions/:id/preview): the form as the
 * person filling it in sees it, with questions shown and hidden as the answers change, and the
 * score and level worked out by the server as you answer, in any of the template's languages
 * (?lang=fr). Nothing is saved.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { hasAnswer, isSectionVisible, questionVisibility } from '@glassbox/rules/assessment/conditions';
import { getTemplateVersion, previewTemplateScore, toApiError, type Answers, type ScoreResult, type TemplateVersion } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { LanguageChoice, Localised, SectionTitle, shownLanguage, TemplateLanguageProvider, useTemplateLanguage } from '../../components/assessment-language';
import { AssessmentProgress } from '../../components/assessment-progress';
import { AssessmentQuestion } from '../../components/assessment-question';
import { Page } from '../../components/page';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { formatScore, sectionParts, t } from '../assessments/assessment-labels';
import '../assessments/assessments.css';

export function TemplatePreviewPage() {
  const { versionId = '' } = useParams();
  const org = useOrganisation();
  const version = useApiData((signal) => getTemplateVersion(org.slug, versionId, signal), [org.slug, versionId]);
  const v = version.data;
  const [lang, setLang] = useTemplateLanguage(v?.document.languages);
  return (
    <Page
      title={v ? `Preview: ${t(v.document.title, lang)}` : 'Preview'}
      heading={v ? <>Preview: <span lang={lang === 'en' ? undefined : shownLanguage(v.document.title, lang)}>{t(v.document.title, lang)}</span></> : 'Preview'}
    >
      <p>
        <Link to={`/admin/assessment-template-versions/${versionId}`} className="usa-link">
          Back to version {v?.version ?? ''}
        </Link>
      </p>
      {version.error && <ApiErrorAlert error={version.error} onRetry={version.reload} />}
      {!v && !version.error && <p role="status">Loading the template…</p>}
      {v && (
        <TemplateLanguageProvider lang={lang}>
          <LanguageChoice languages={v.document.languages} value={lang} onChange={setLang} />
          <Preview key={`${v.id}-${v.contentHash}`} version={v} lang={lang} />
        </TemplateLanguageProvider>
      )}
    </Page>
  );
}

function Preview({ version, lang }: { version: TemplateVersion; lang: string }) {
  const org = useOrganisation();
  const doc = version.document;
  const [answers, setAnswers] = useState<Answers>({});
  const [score, setScore] = useState<ScoreResult | null>(null);
  const [scoreError, setScoreError] = useState<string | null>(null);

  const visibility = useMemo(() => questionVisibility(doc, answers), [doc, answers]);
  const sections = useMemo(() => doc.sections.filter((s) => isSectionVisible(s, answers)), [doc, answers]);
  const parts = useMemo(() => sectionParts(doc, lang), [doc, lang]);
  const progress = useMemo(() => {
    let answerable = 0;
    let answered = 0;
    for (const s of sections)
      for (const q of s.questions) {
        if (q.type === 'info' || !visibility.get(q.id)) continue;
        answerable += 1;
        if (hasAnswer(answers[q.id])) answered += 1;
      }
    return { answerable, answered };
  }, [sections, visibility, answers]);

  useEffect(() => {
    if (!doc.scoring) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewTemplateScore(org.slug, version.id, answers, controller.signal).then(
        (result) => {
          setScore(result);
          setScoreError(null);
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setScoreError(toApiError(e).message);
        },
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [org.slug, version.id, answers, doc.scoring]);

  const base = doc.scoring?.baseScore;
  return (
    <>
      <Alert type="info" headingLevel="h2" heading="Preview: nothing is saved" slim className="margin-bottom-3">
        Answer as the person filling it in would. The score below is worked out by the server from these answers; leaving the page forgets them.
      </Alert>
      <div className="grid-row grid-gap-4">
        <div className="desktop:grid-col-3 grid-col-12 margin-bottom-4">
          <div className="gb-assess-aside">
            <AssessmentProgress answered={progress.answered} answerable={progress.answerable} id="preview-progress" />
            {doc.scoring && (
              <section aria-labelledby="preview-score-heading" className="margin-top-2">
                <h2 id="preview-score-heading" className="font-heading-md">
                  Live score
                </h2>
                <div role="status" aria-live="polite">
                  {scoreError && <p>The score could not be worked out: {scoreError}</p>}
                  {score && (
                    <ul className="usa-list usa-list--unstyled">
                      {doc.scoring.scoreTypes.map((type) => (
                        <li key={type.id}>
                          <Localised text={type.label} />: {formatScore(score.scores[type.id] ?? 0)} of {formatScore(score.maxima[type.id] ?? 0)}
                        </li>
                      ))}
                      {base && <li>Current score: {formatScore(score.current)}</li>}
                      {doc.scoring.levels && (
                        <li className="text-bold">
                          Level:{' '}
                          {score.level === null ? 'No level' : <Localised text={doc.scoring.levels.list.find((l) => l.id === score.level)?.label ?? { en: score.level }} />}
                        </li>
                      )}
                    </ul>
                  )}
                </div>
              </section>
            )}
            <Button type="button" outline className="margin-top-2" onClick={() => setAnswers({})}>
              Clear all answers
            </Button>
          </div>
        </div>
        <div className="desktop:grid-col-9 grid-col-12">
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={`preview-${s.id}`} className="gb-assess-section" lang={lang}>
              <h2 id={`preview-${s.id}`}>
                <SectionTitle section={s} part={parts.get(s.id)} />
              </h2>
              {s.description && (
                <p>
                  <Localised text={s.description} />
                </p>
              )}
              {s.questions
                .filter((q) => visibility.get(q.id))
                .map((q) => (
                  <AssessmentQuestion
                    key={q.id}
                    question={q}
                    value={answers[q.id]}
                    onChange={(value) =>
                      setAnswers((current) => {
                        const next = { ...current };
                        if (value === null) delete next[q.id];
                        else next[q.id] = value;
                        return next;
                      })
                    }
                    files={[]}
                  />
                ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
