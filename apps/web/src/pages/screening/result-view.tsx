/**
 * What a classification means, in plain words: the tier under each framework, every legal basis,
 * the duties that follow (transparency, fundamental rights impact assessment, registration), the
 * questions still open and the obligations the system takes on. Shared by the result page and the
 * "Check the result" step of the questionnaire.
 */
import { Fragment, type ReactNode } from 'react';
import { Alert } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import type { ClassificationResult } from '../../api';
import { StatusTag, type Tone } from '../../components/status-tag';
import { EuTierTag } from '../inventory/inventory-tags';
import { DUTY_LABELS, FRAMEWORK_LABELS, OMB_DETERMINATION_LABELS, PHASE_LABELS } from './screening-labels';

type Props = {
  result: ClassificationResult;
  /** 2 on the result page; 3 when the view sits under a heading of its own. */
  level: 2 | 3;
  /** Where open questions are answered; no link when absent. */
  questionnairePath?: string;
  /** The system's obligations page; no link when absent (nothing saved yet). */
  obligationsPath?: string;
};

const OMB_TONES: Record<string, Tone> = { 'high-impact': 'warning', 'presumed-determined-not-high-impact': 'info', 'not-high-impact': 'success', undetermined: 'neutral' };
const DUTY_TONES: Record<string, Tone> = { required: 'warning', not_required: 'success', undetermined: 'neutral' };

function Rows({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="gb-dl gb-dl--meta">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function ResultView({ result, level, questionnairePath, obligationsPath }: Props) {
  const H = level === 2 ? 'h2' : 'h3';
  const H2 = level === 2 ? 'h3' : 'h4';
  const { eu, omb } = result;
  const openQuestions = [...(eu?.openQuestions ?? []), ...(omb?.openQuestions ?? [])];
  const tiers: Array<[string, ReactNode]> = [
    ['EU AI Act', eu ? <EuTierTag tier={eu.tier} /> : 'Does not apply'],
    ['US OMB high-impact', omb ? <StatusTag tone={OMB_TONES[omb.determination] ?? 'neutral'}>{OMB_DETERMINATION_LABELS[omb.determination]}</StatusTag> : 'Does not apply'],
    ['Organisation tier', <StatusTag key="org" tone="info">{result.orgTier.label}</StatusTag>],
  ];
  return (
    <>
      <section aria-label="Tiers">
        <Rows rows={tiers} />
      </section>

      {openQuestions.length > 0 && (
        <Alert type="warning" headingLevel={H} heading="Questions still open" className="margin-y-3">
          <p className="usa-alert__text">The result cannot be settled until these are answered:</p>
          <ul className="usa-list gb-open-questions">
            {openQuestions.map((q) => (
              <li key={q.id}>
                <strong>{q.provision}:</strong> {q.question}
              </li>
            ))}
          </ul>
          {questionnairePath && (
            <p className="usa-alert__text">
              <Link to={questionnairePath} className="usa-link">
                Answer them in the questionnaire
              </Link>
            </p>
          )}
        </Alert>
      )}

      {eu && (
        <section aria-labelledby="result-eu">
          <H id="result-eu">EU AI Act</H>
          <H2>Why</H2>
          <ul className="usa-list" aria-label="EU AI Act legal bases">
            {eu.bases.map((b, i) => (
              <li key={`${b.provision}-${i}`}>
                <strong>{b.provision}:</strong> {b.explanation}
              </li>
            ))}
          </ul>
          <H2>Duties</H2>
          <Rows
            rows={[
              ['Fundamental rights impact assessment', <Duty key="fria" duty={eu.friaRequired} />],
              ['Registration in the EU database', <Duty key="reg" duty={eu.registrationRequired} />],
              ['Registration in the restricted section', <Duty key="restricted" duty={eu.restrictedSection} />],
            ]}
          />
          <H2>Transparency</H2>
          {eu.transparencyDuties.length === 0 ? (
            <p>No transparency duty under Article 50.</p>
          ) : (
            <ul className="usa-list">
              {eu.transparencyDuties.map((d) => (
                <li key={d.id}>
                  <strong>{d.provision}</strong> ({d.addressee === 'provider' ? 'the provider' : 'you, as deployer'}): {d.explanation}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {omb && (
        <section aria-labelledby="result-omb">
          <H id="result-omb">US federal AI policy (OMB M-25-21)</H>
          {omb.bases.length > 0 && (
            <ul className="usa-list" aria-label="OMB legal bases">
              {omb.bases.map((b, i) => (
                <li key={`${b.provision}-${i}`}>
                  <strong>{b.provision}:</strong> {b.explanation}
                </li>
              ))}
            </ul>
          )}
          {omb.presumed.length > 0 && (
            <p>
              Presumed high-impact purposes: {omb.presumed.map((p) => p.label).join('; ')}.
            </p>
          )}
          {omb.pilot.status !== 'not_a_pilot' && <p>{omb.pilot.explanation}</p>}
          {omb.waivers.length > 0 && (
            <ul className="usa-list" aria-label="Waivers">
              {omb.waivers.map((w) => (
                <li key={w.practice}>{w.explanation}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="result-org">
        <H id="result-org">Organisation tier: {result.orgTier.label}</H>
        <p>{result.orgTier.explanation}</p>
      </section>

      <section aria-labelledby="result-obligations">
        <H id="result-obligations">Obligations that follow</H>
        {result.obligations.length === 0 ? (
          <p>No obligations follow from this result.</p>
        ) : (
          <table className="usa-table usa-table--borderless width-full">
            <caption className="usa-sr-only">Obligations</caption>
            <thead>
              <tr>
                <th scope="col">Obligation</th>
                <th scope="col">Framework</th>
                <th scope="col">Reference</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {result.obligations.map((o) => (
                <tr key={o.key}>
                  <th scope="row">{o.title}</th>
                  <td>{FRAMEWORK_LABELS[o.framework]}</td>
                  <td>{o.reference}</td>
                  <td>{PHASE_LABELS[o.phase]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {obligationsPath && (
          <p>
            <Link to={obligationsPath} className="usa-link">
              See and track the system’s obligations
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

function Duty({ duty }: { duty: { status: 'required' | 'not_required' | 'undetermined'; provision: string; explanation: string } }) {
  return (
    <>
      <StatusTag tone={DUTY_TONES[duty.status] ?? 'neutral'}>{DUTY_LABELS[duty.status]}</StatusTag> <span className="gb-muted">{duty.provision}.</span> {duty.explanation}
    </>
  );
}
