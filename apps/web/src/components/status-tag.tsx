/** A USWDS tag whose colours all pass WCAG AA contrast; the word itself carries the meaning. */
import { Tag } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag className={`gb-tag gb-tag--${tone}`}>{children}</Tag>;
}
