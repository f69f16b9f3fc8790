/** Small helpers shared by the forms: turning a failed call into form errors, reading router state. */
import { toApiError } from './api';
import type { FormErrors } from './components/error-summary';

export function formErrorsFrom(error: unknown): FormErrors {
  const apiError = toApiError(error);
  return { message: apiError.message, fields: apiError.fields };
}

/** A one-off message handed to the next page through router state ({ notice }). */
export function noticeFrom(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') return state.notice;
  return null;
}

/** Only same-app paths are followed after sign-in, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export const MIN_PASSWORD_LENGTH = 12;

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;
