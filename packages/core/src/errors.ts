/**
 * One error type for the whole product. A code names what went wrong (`auth.invalid_credentials`);
 * the HTTP layer maps the code's kind to a status, the CLI prints the message.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_many'
  | 'unprocessable';

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  locked: 423,
  too_many: 429,
};

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return statusByKind[this.kind];
  }
}

export const notFound = (entity: string): AppError =>
  new AppError('not_found', `${entity}.not_found`, `No such ${entity.replace(/_/g, ' ')}.`);

export const forbidden = (message = 'You do not have permission to do this.'): AppError =>
  new AppError('forbidden', 'auth.forbidden', message);
