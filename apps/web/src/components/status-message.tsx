/** A polite live region for "saved", "removed" and similar confirmations. */
import { Alert } from '@trussworks/react-uswds';

export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <Alert type="success" headingLevel="h2" slim className="margin-bottom-3">
          {message}
        </Alert>
      )}
    </div>
  );
}
