/**
 * The box at the top of a form after a failed submit: the server's message and a link to each
 * field with a problem. role=alert so screen readers announce it.
 */
import type { MouseEvent } from 'react';
import { Alert } from '@trussworks/react-uswds';

export type FormErrors = { message: string | null; fields: Readonly<Record<string, string>> };
export const noErrors: FormErrors = { message: null, fields: {} };

type Props = {
  errors: FormErrors;
  /** Server field name → id of the input, when they differ. */
  fieldIds?: Readonly<Record<string, string>>;
};

/** Following a fragment only scrolls; focusing the field lets the person fix it straight away. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({ errors, fieldIds = {} }: Props) {
  const entries = Object.entries(errors.fields);
  if (!errors.message && entries.length === 0) return null;
  return (
    <Alert type="error" headingLevel="h2" heading="There is a problem" role="alert" validation className="margin-bottom-3">
      {errors.message && <p className="usa-alert__text">{errors.message}</p>}
      {entries.length > 0 && (
        <ul className="usa-list margin-top-1">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${fieldIds[field] ?? field}`} onClick={(event) => focusField(event, fieldIds[field] ?? field)}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
