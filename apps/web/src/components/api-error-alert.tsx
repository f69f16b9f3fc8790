/** A failed load, said plainly, with a way to try again. */
import { Alert, Button } from '@trussworks/react-uswds';
import type { ApiError } from '../api';

export function ApiErrorAlert({ error, onRetry, heading = 'This could not be loaded' }: { error: ApiError; onRetry?: () => void; heading?: string }) {
  return (
    <Alert type="error" headingLevel="h2" heading={heading} role="alert" validation className="margin-bottom-3">
      <p className="usa-alert__text">{error.message}</p>
      {onRetry && (
        <div className="margin-top-1">
          <Button type="button" outline onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </Alert>
  );
}
