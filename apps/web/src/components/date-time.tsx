import { formatDate, formatDateTime } from '../format';

/** A timestamp as a <time> element, or the fallback text when there is none. */
export function DateTime({ value, fallback = '—', dateOnly = false }: { value: string | null; fallback?: string; dateOnly?: boolean }) {
  if (!value) return <>{fallback}</>;
  return <time dateTime={value}>{dateOnly ? formatDate(value) : formatDateTime(value)}</time>;
}
