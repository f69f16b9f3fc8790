/** Shared bits of the template screens: origin names, and the list of problems the server found in a template, each with its element path. */
import { Alert } from '@trussworks/react-uswds';
import type { AssessmentTemplateSummary, ImportReport } from '../../api';

export const ORIGIN_LABELS: Record<AssessmentTemplateSummary['origin'], string> = {
  builtin: 'Built into Glassbox',
  imported: 'Imported',
  custom: 'Your own',
};

export type TemplateProblem = { path: string; message: string };

export function TemplateProblems({ message, problems }: { message: string | null; problems: readonly TemplateProblem[] }) {
  return (
    <Alert type="error" headingLevel="h2" heading="The template has problems" role="alert" validation className="margin-bottom-3">
      {message && <p className="usa-alert__text">{message}</p>}
      {problems.length > 0 && (
        <ul className="usa-list margin-top-1">
          {problems.map((p) => (
            <li key={p.path}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function ImportReportBox({ report }: { report: ImportReport | null }) {
  if (!report) return null;
  const importer = report.importer === 'canada-aia' ? 'the official Canadian AIA importer' : report.importer === 'surveyjs' ? 'the SurveyJS importer' : 'the Glassbox format reader';
  return (
    <section aria-labelledby="import-report-heading" className="gb-panel">
      <h2 id="import-report-heading" className="margin-top-0">
        Import report
      </h2>
      <p>
        Imported from a {report.format.toUpperCase()} file by {importer}.
      </p>
      {report.unsupported.length === 0 ? (
        <p>Everything in the file was carried over.</p>
      ) : (
        <>
          <p>
            {report.unsupported.length} feature{report.unsupported.length === 1 ? ' was' : 's were'} not carried over. Check that the template still asks what it should:
          </p>
          <table className="usa-table usa-table--borderless usa-table--compact">
            <caption className="usa-sr-only">Features of the file that were not carried over</caption>
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Where in the file</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {report.unsupported.map((u, i) => (
                <tr key={`${u.path}-${i}`}>
                  <th scope="row">{u.feature}</th>
                  <td>
                    <code>{u.path}</code>
                  </td>
                  <td>{u.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
