/**
 * The screening questions, in numbered sections on one page with a sticky list of sections and how
 * many questions each still needs. A "Yes" or "Not sure" opens the narrower follow-up questions
 * under it. Used by the screening of a system and by the quick screen of a product.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Checkbox, ErrorMessage, Fieldset } from '@trussworks/react-uswds';
import { DECISION_ROLES } from '../../api';
import { RadioFieldset, type RadioChoice } from '../../components/radio-fieldset';
import { describedBy } from '../../components/text-field';
import { TextareaField } from '../../components/textarea-field';
import { DECISION_ROLE_DESCRIPTIONS, DECISION_ROLE_LABELS } from '../inventory/inventory-labels';
import { asksOnBehalf, EU_APPLIES, NOT_HIGH_IMPACT, NOT_HIGH_IMPACT_WHY, OMB_APPLIES, OMB_PILOT, opensFollowUp, sectionsOf, type Draft, type ListKey } from './screening-draft';
import {
  ANNEX_III_GROUPS,
  ANSWER_CHOICES,
  ART_6_3_CONDITIONS,
  BIOMETRIC_EXCEPTION_CHOICES,
  DEPLOYER_KIND_CHOICES,
  OMB_CATEGORY_LIST,
  OMB_MINIMUM_PRACTICES,
  PRACTICES,
  RBI_AUTHORISATION_CHOICES,
  RBI_OBJECTIVE_CHOICES,
} from './screening-labels';
import './screening.css';

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Problems by question key. */
  errors: Readonly<Record<string, string>>;
  /**
   * How decision role and personal data are asked: 'fixed' shows the system's record (the server
   * checks the screening agrees with it), 'elsewhere' leaves them to the product description.
   */
  systemFacts: 'fixed' | 'elsewhere';
};

const YES_NO: readonly RadioChoice<'yes' | 'no'>[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

function Hint({ text, example }: { text?: string; example?: string }) {
  return (
    <>
      {text}
      {example && <span className="gb-example">{example}</span>}
    </>
  );
}

function FollowUp({ children }: { children: ReactNode }) {
  return <div className="gb-follow-up">{children}</div>;
}

type Answering = { values: Readonly<Record<string, string>>; set: (key: string, value: string) => void; errors: Readonly<Record<string, string>> };
/** The answers and a setter for the question components below (declared outside the questionnaire so React keeps them, and their focus, across renders). */
const AnsweringContext = createContext<Answering>({ values: {}, set: () => undefined, errors: {} });

/** A yes / no / not sure question stored under its server path. */
function Q({ k, legend, hint, example }: { k: string; legend: string; hint?: string; example?: string }) {
  const { values, set, errors } = useContext(AnsweringContext);
  return (
    <RadioFieldset
      name={k}
      legend={legend}
      hint={hint || example ? <Hint text={hint} example={example} /> : undefined}
      choices={ANSWER_CHOICES}
      value={(values[k] ?? '') as 'yes' | 'no' | 'unsure' | ''}
      onChange={(value) => set(k, value)}
      error={errors[k]}
    />
  );
}

function YesNo({ k, legend, hint }: { k: string; legend: string; hint?: ReactNode }) {
  const { values, set, errors } = useContext(AnsweringContext);
  return <RadioFieldset name={k} legend={legend} hint={hint} choices={YES_NO} value={(values[k] ?? '') as 'yes' | 'no' | ''} onChange={(value) => set(k, value)} error={errors[k]} />;
}

function Choice({ k, legend, hint, choices }: { k: string; legend: string; hint?: string; choices: readonly RadioChoice<string>[] }) {
  const { values, set, errors } = useContext(AnsweringContext);
  return <RadioFieldset name={k} legend={legend} hint={hint} choices={choices} value={values[k] ?? ''} onChange={(value) => set(k, value)} error={errors[k]} />;
}

export function Questionnaire({ draft, onChange, errors, systemFacts }: Props) {
  const v = draft.values;
  const setValue = (key: string) => (value: string) => onChange({ ...draft, values: { ...draft.values, [key]: value } });
  const answering: Answering = { values: v, set: (key, value) => setValue(key)(value), errors };
  const setList = (key: ListKey) => (values: string[]) => onChange({ ...draft, lists: { ...draft.lists, [key]: values } });
  const sections = sectionsOf(draft);
  const eu = v[EU_APPLIES] !== 'no';
  const omb = v[OMB_APPLIES] !== 'no';
  const number = (id: string) => sections.findIndex((s) => s.id === id) + 1;

  const t = 'eu.transparency';
  const transparencyAny = ['interactsWithNaturalPersons', 'generatesSyntheticContent', 'emotionRecognition', 'biometricCategorisation', 'deepFake', 'publicInterestText'].some((k) =>
    opensFollowUp(v[`${t}.${k}`]),
  );

  return (
    <AnsweringContext.Provider value={answering}>
    <div className="gb-questionnaire">
      <nav aria-label="Questionnaire sections" className="gb-progress">
        <ol className="usa-list usa-list--unstyled">
          {sections.map((s, i) => {
            const left = s.required.filter(([key]) => !v[key]).length;
            return (
              <li key={s.id}>
                <a href={`#section-${s.id}`} className="usa-link">
                  {i + 1}. {s.title}
                </a>
                <span className="gb-muted display-block">{left === 0 ? 'Complete' : `${left} to answer`}</span>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="gb-questionnaire__questions">
        <section aria-labelledby="section-organisation" className="gb-section">
          <h2 id="section-organisation" tabIndex={-1}>
            {number('organisation')}. Your organisation
          </h2>
          <YesNo
            k={EU_APPLIES}
            legend="Does the EU AI Act apply to your organisation?"
            hint="It applies to organisations that use AI in the European Union, or whose AI’s output is used there. Choose No if you are, for example, a US agency with no activity in the EU."
          />
          <YesNo
            k={OMB_APPLIES}
            legend="Does US federal AI policy (OMB memorandum M-25-21) apply to your organisation?"
            hint="It applies to US federal agencies. Choose No if you are, for example, a European city or a US state or local government."
          />
          {eu && (
            <>
              <Choice k="eu.deployer.kind" legend="What kind of organisation uses the system?" choices={DEPLOYER_KIND_CHOICES} />
              {asksOnBehalf(v['eu.deployer.kind']) && (
                <FollowUp>
                  <Q k="eu.deployer.actsOnBehalfOfPublicAuthority" legend="Do you use the system on behalf of a public authority or an EU body?" hint="For example, you run a service under contract for a council." />
                </FollowUp>
              )}
            </>
          )}
        </section>

        {eu && (
          <section aria-labelledby="section-prohibited" className="gb-section">
            <h2 id="section-prohibited" tabIndex={-1}>
              {number('prohibited')}. Prohibited practices
            </h2>
            <p>The EU AI Act forbids a few uses of AI outright (Article 5). Answer “Not sure” if you cannot tell: you will be asked a narrower question.</p>
            {PRACTICES.map((p) => {
              const key = p.nested ? `eu.prohibited.${p.key}.practice` : `eu.prohibited.${p.key}`;
              return (
                <div key={p.key}>
                  <Q k={key} legend={p.question} hint={`${p.provision}. ${p.hint}`} example={p.example} />
                  {opensFollowUp(v[key]) && p.key === 'crimeRiskProfiling' && (
                    <FollowUp>
                      <Q
                        k="eu.prohibited.crimeRiskProfiling.supportsHumanAssessmentOnObjectiveFacts"
                        legend="Does it only support a person’s assessment that is already based on objective, verifiable facts directly linked to a crime?"
                        hint="If so, the prohibition does not apply."
                      />
                    </FollowUp>
                  )}
                  {opensFollowUp(v[key]) && p.key === 'emotionRecognitionAtWorkOrEducation' && (
                    <FollowUp>
                      <Q k="eu.prohibited.emotionRecognitionAtWorkOrEducation.medicalOrSafetyReasons" legend="Is it put in place only for medical or safety reasons?" hint="For example, detecting that a driver is falling asleep." />
                    </FollowUp>
                  )}
                  {opensFollowUp(v[key]) && p.key === 'sensitiveBiometricCategorisation' && (
                    <FollowUp>
                      <Choice k="eu.prohibited.sensitiveBiometricCategorisation.exception" legend="Does one of these exceptions describe the use?" choices={BIOMETRIC_EXCEPTION_CHOICES} />
                    </FollowUp>
                  )}
                  {opensFollowUp(v[key]) && p.key === 'realTimeRemoteBiometricIdentification' && (
                    <FollowUp>
                      <Choice k="eu.prohibited.realTimeRemoteBiometricIdentification.objective" legend="What is the use for?" hint="Only these three objectives can make such use lawful." choices={RBI_OBJECTIVE_CHOICES} />
                      <Q k="eu.prohibited.realTimeRemoteBiometricIdentification.nationalLawProvidesForUse" legend="Does your country’s law provide for authorising this use?" />
                      <Choice k="eu.prohibited.realTimeRemoteBiometricIdentification.authorisation" legend="Is each use authorised?" choices={RBI_AUTHORISATION_CHOICES} />
                    </FollowUp>
                  )}
                </div>
              );
            })}
          </section>
        )}

        {eu && (
          <section aria-labelledby="section-high-risk" className="gb-section">
            <h2 id="section-high-risk" tabIndex={-1}>
              {number('high-risk')}. High-risk uses
            </h2>
            <CheckboxList
              id="eu.annexIII.points"
              legend="Is the system used for any of these purposes?"
              hint="Annex III of the EU AI Act lists uses that make a system high-risk. Tick every one that fits the intended purpose; leave them all unticked if none does."
              groups={ANNEX_III_GROUPS.map((g) => ({
                label: `${g.area}. ${g.label}`,
                options: g.points.map((p) => ({ value: p.point, label: `Annex III ${p.point}`, description: sentence(p.label) })),
              }))}
              values={draft.lists['eu.annexIII.points']}
              onChange={setList('eu.annexIII.points')}
              error={errors['eu.annexIII.points']}
              extra={
                <Checkbox
                  id="eu.annexIII.unsure"
                  name="eu.annexIII.unsure"
                  label="Not sure whether one of these (or another) applies"
                  checked={v['eu.annexIII.unsure'] === 'yes'}
                  onChange={(e) => setValue('eu.annexIII.unsure')(e.target.checked ? 'yes' : '')}
                />
              }
            />
            <Q
              k="eu.annexI.productOrSafetyComponent"
              legend="Is the system a product, or a safety component of a product, covered by EU product-safety law?"
              hint="Annex I lists that law: for example machinery, toys, lifts, medical devices and vehicles."
              example="Example: software that controls the brakes of a tram."
            />
            {opensFollowUp(v['eu.annexI.productOrSafetyComponent']) && (
              <FollowUp>
                <Q k="eu.annexI.thirdPartyConformityAssessment" legend="Must that product be checked by an independent body (a third-party conformity assessment) before it is sold or used?" />
              </FollowUp>
            )}
            <Q
              k="eu.derogation.claimed"
              legend="Do you rely on the exception for systems that pose no significant risk (Art. 6(3))?"
              hint="A system used for a purpose above is not high-risk when it does not materially influence the outcome of decisions. Answer No if none of the purposes above applies."
            />
            {opensFollowUp(v['eu.derogation.claimed']) && (
              <FollowUp>
                <CheckboxList
                  id="eu.derogation.conditions"
                  legend="Which of these describe what the system does?"
                  hint="At least one must hold for the exception."
                  groups={[{ label: null, options: Object.entries(ART_6_3_CONDITIONS).map(([c, label]) => ({ value: c, label: `Art. 6(3)(${c}): it ${label}` })) }]}
                  values={draft.lists['eu.derogation.conditions']}
                  onChange={setList('eu.derogation.conditions')}
                  error={errors['eu.derogation.conditions']}
                />
              </FollowUp>
            )}
            <Q
              k="eu.derogation.profilesNaturalPersons"
              legend="Does the system profile people?"
              hint="Profiling means evaluating personal aspects of someone, such as their situation, behaviour, reliability or needs, from their personal data. A system that profiles people for a purpose above is always high-risk."
              example="Example: scoring applicants on how likely they are to need support."
            />
          </section>
        )}

        {eu && (
          <section aria-labelledby="section-transparency" className="gb-section">
            <h2 id="section-transparency" tabIndex={-1}>
              {number('transparency')}. Transparency
            </h2>
            <p>Some systems must tell people they are dealing with AI, or mark what they produce (Article 50).</p>
            <Q k={`${t}.interactsWithNaturalPersons`} legend="Do people interact with the system directly?" hint="Staff or members of the public talk or write to it." example="Example: a chat assistant on the council website." />
            {opensFollowUp(v[`${t}.interactsWithNaturalPersons`]) && (
              <FollowUp>
                <Q k={`${t}.interactionObvious`} legend="Is it obvious to a reasonably well-informed person that they are dealing with AI?" />
              </FollowUp>
            )}
            <Q k={`${t}.generatesSyntheticContent`} legend="Does it generate text, images, audio or video?" example="Example: drafting letters or creating illustrations." />
            {opensFollowUp(v[`${t}.generatesSyntheticContent`]) && (
              <FollowUp>
                <Q k={`${t}.assistiveOrNoSubstantialAlteration`} legend="Does it only assist with standard editing, or leave the input and its meaning substantially unchanged?" example="Example: a spelling and grammar checker." />
              </FollowUp>
            )}
            <Q k={`${t}.emotionRecognition`} legend="Does it recognise or infer people’s emotions?" />
            <Q k={`${t}.biometricCategorisation`} legend="Does it sort people into categories from their biometric data?" hint="For example by age or sex estimated from a photo." />
            <Q k={`${t}.deepFake`} legend="Does it generate or change images, audio or video so that they look real (a deep fake)?" />
            {opensFollowUp(v[`${t}.deepFake`]) && (
              <FollowUp>
                <Q k={`${t}.evidentlyArtisticOrSatirical`} legend="Is it part of an evidently artistic, creative, satirical or fictional work?" />
              </FollowUp>
            )}
            <Q k={`${t}.publicInterestText`} legend="Does it generate or change text published to inform the public on matters of public interest?" example="Example: news items on the council website." />
            {opensFollowUp(v[`${t}.publicInterestText`]) && (
              <FollowUp>
                <Q k={`${t}.humanReviewWithEditorialResponsibility`} legend="Does a person review or edit the text, and does someone hold editorial responsibility for it?" />
              </FollowUp>
            )}
            {transparencyAny && (
              <FollowUp>
                <Q k={`${t}.authorisedByLawForCriminalOffences`} legend="Is the use authorised by law to detect, prevent, investigate or prosecute criminal offences?" />
                {opensFollowUp(v[`${t}.authorisedByLawForCriminalOffences`]) && opensFollowUp(v[`${t}.interactsWithNaturalPersons`]) && (
                  <Q k={`${t}.availableToPublicToReportCrime`} legend="Can the public use the system to report a crime?" />
                )}
              </FollowUp>
            )}
          </section>
        )}

        {eu && (
          <section aria-labelledby="section-context" className="gb-section">
            <h2 id="section-context" tabIndex={-1}>
              {number('context')}. Where it is used
            </h2>
            <Q k="eu.context.lawEnforcement" legend="Is the system used for law enforcement?" hint="Registration details of such systems go to a secure, non-public section of the EU database." />
            <Q k="eu.context.migrationAsylumBorder" legend="Is it used for migration, asylum or border control?" />
            <Q k="eu.context.workplace" legend="Is it used at the workplace, on your own staff? (optional)" hint="Staff and their representatives must then be told before it is used." />
          </section>
        )}

        {omb && (
          <section aria-labelledby="section-omb" className="gb-section">
            <h2 id="section-omb" tabIndex={-1}>
              {number('omb')}. US federal AI policy
            </h2>
            <Q
              k="omb.principalBasis"
              legend="Is the system’s output a principal basis for decisions or actions?"
              hint="Whether or not a person reviews it: the output weighs heavily in what is decided or done."
            />
            <Q
              k="omb.rightsEffect"
              legend="Do those decisions have a legal, material, binding or significant effect on people’s rights, liberties or privacy, or on their access to education, housing, credit, employment or government services?"
              example="Example: deciding who receives a benefit."
            />
            <Q k="omb.safetyEffect" legend="Do they have such an effect on health and safety, critical infrastructure, public safety or strategic assets?" />
            <CheckboxList
              id="omb.presumedCategories"
              legend="Is the system used for any of these purposes?"
              hint="OMB M-25-21 presumes these uses to be high-impact. Tick every one that fits; leave them all unticked if none does."
              groups={[{ label: null, options: OMB_CATEGORY_LIST.map((c) => ({ value: c.id, label: c.label })) }]}
              values={draft.lists['omb.presumedCategories']}
              onChange={setList('omb.presumedCategories')}
              error={errors['omb.presumedCategories']}
              extra={
                <Checkbox
                  id="omb.presumedCategoriesUnsure"
                  name="omb.presumedCategoriesUnsure"
                  label="Not sure whether one of these applies"
                  checked={v['omb.presumedCategoriesUnsure'] === 'yes'}
                  onChange={(e) => setValue('omb.presumedCategoriesUnsure')(e.target.checked ? 'yes' : '')}
                />
              }
            />
            {draft.lists['omb.presumedCategories'].length > 0 && (
              <FollowUp>
                <Checkbox
                  id={NOT_HIGH_IMPACT}
                  name={NOT_HIGH_IMPACT}
                  label="An official has determined in writing, documented to the Chief AI Officer, that this use does not match the definition of high-impact"
                  checked={v[NOT_HIGH_IMPACT] === 'yes'}
                  onChange={(e) => setValue(NOT_HIGH_IMPACT)(e.target.checked ? 'yes' : '')}
                />
                {v[NOT_HIGH_IMPACT] === 'yes' && (
                  <TextareaField
                    id={NOT_HIGH_IMPACT_WHY}
                    label="Justification"
                    hint="Why the use does not have a significant effect on rights or safety, as written in the determination."
                    value={v[NOT_HIGH_IMPACT_WHY] ?? ''}
                    onChange={setValue(NOT_HIGH_IMPACT_WHY)}
                    error={errors[NOT_HIGH_IMPACT_WHY]}
                    maxLength={5000}
                    rows={3}
                  />
                )}
              </FollowUp>
            )}
            <YesNo k={OMB_PILOT} legend="Is the use a pilot?" hint="A pilot can be exempt from the minimum practices if it meets three conditions." />
            {v[OMB_PILOT] === 'yes' && (
              <FollowUp>
                <Q k="omb.pilot.limitedScaleAndDuration" legend="Is the pilot limited in scale and duration?" />
                <Q k="omb.pilot.caioCertifiedAndTracked" legend="Has the Chief AI Officer certified the pilot, and is it tracked centrally?" />
                <Q k="omb.pilot.optInOutOfferedWherePossible" legend="Can people opt in or out of the pilot where possible?" />
              </FollowUp>
            )}
            <CheckboxList
              id="omb.waivers"
              legend="Has a waiver been granted for any minimum practice? (optional)"
              hint="Tick only practices the Chief AI Officer has waived for this system."
              groups={[{ label: null, options: OMB_MINIMUM_PRACTICES.map((p) => ({ value: p.id, label: p.title })) }]}
              values={draft.lists['omb.waivers']}
              onChange={setList('omb.waivers')}
              error={errors['omb.waivers']}
            />
            {draft.lists['omb.waivers'].length > 0 && (
              <FollowUp>
                {draft.lists['omb.waivers'].map((practice) => (
                  <Q
                    key={practice}
                    k={`omb.waivers.${practice}`}
                    legend={`Waiver of “${OMB_MINIMUM_PRACTICES.find((p) => p.id === practice)?.title ?? practice}”: did the Chief AI Officer make a written, system-specific risk determination?`}
                  />
                ))}
              </FollowUp>
            )}
          </section>
        )}

        <section aria-labelledby="section-facts" className="gb-section">
          <h2 id="section-facts" tabIndex={-1}>
            {number('facts')}. About the people affected
          </h2>
          <YesNo
            k="facts.affectsPeople"
            legend="Is the system’s output about people, or does it affect them?"
            hint="Residents, applicants, patients, pupils or staff."
          />
          {systemFacts === 'fixed' && (
            <div className="usa-summary-box margin-bottom-2" role="region" aria-label="From the system record">
              <p className="margin-top-0">
                From the system record: it <strong>{(DECISION_ROLE_LABELS[(v['facts.decisionRole'] ?? 'informs') as 'informs'] ?? '').toLowerCase()}</strong>{' '}
                decisions, and it {v['facts.personalData'] === 'yes' ? 'uses' : 'does not use'} personal data.
              </p>
              <p className="margin-bottom-0">If either is wrong, edit the system’s details first.</p>
            </div>
          )}
        </section>
      </div>
    </div>
    </AnsweringContext.Provider>
  );
}

/** The decision-role and personal-data questions, for the product description of a quick screen. */
export function ProductFacts({ draft, onChange, errors }: Omit<Props, 'systemFacts'>) {
  const v = draft.values;
  const setValue = (key: string) => (value: string) => onChange({ ...draft, values: { ...draft.values, [key]: value } });
  return (
    <>
      <RadioFieldset
        name="facts.decisionRole"
        legend="What part would the product play in decisions about people?"
        choices={DECISION_ROLES.map((r) => ({ value: r, label: DECISION_ROLE_LABELS[r], description: DECISION_ROLE_DESCRIPTIONS[r] }))}
        value={(v['facts.decisionRole'] ?? '') as 'informs' | ''}
        onChange={setValue('facts.decisionRole')}
        error={errors['facts.decisionRole']}
      />
      <RadioFieldset
        name="facts.personalData"
        legend="Would it use personal data?"
        hint="Information about a person who can be identified, such as names, addresses or case records."
        choices={YES_NO}
        value={(v['facts.personalData'] ?? '') as 'yes' | 'no' | ''}
        onChange={setValue('facts.personalData')}
        error={errors['facts.personalData']}
      />
    </>
  );
}

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1) + '.';

type Group = { label: string | null; options: Array<{ value: string; label: string; description?: string }> };

/** Checkboxes in one fieldset, optionally in labelled groups; the fieldset's id is the list's key, for error links. */
function CheckboxList({
  id,
  legend,
  hint,
  groups,
  values,
  onChange,
  error,
  extra,
}: {
  id: string;
  legend: string;
  hint?: string;
  groups: Group[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  extra?: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((x) => x !== value));
  return (
    <Fieldset legend={legend} id={id} tabIndex={-1} aria-describedby={describedBy(hintId, errorId)} className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      {hint && (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {groups.map((group, i) => (
        <div key={group.label ?? i} className={group.label ? 'gb-checkbox-group' : undefined} role={group.label ? 'group' : undefined} aria-label={group.label ?? undefined}>
          {group.label && (
            <p className="gb-checkbox-group__label" aria-hidden="true">
              {group.label}
            </p>
          )}
          {group.options.map((o) => (
            <Checkbox
              key={o.value}
              id={`${id}-${o.value}`}
              name={id}
              value={o.value}
              label={o.label}
              labelDescription={o.description}
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
          ))}
        </div>
      ))}
      {extra && <div className="margin-top-2">{extra}</div>}
    </Fieldset>
  );
}
