/** The stage and the EU tier of a system as tags; the words carry the meaning, colour only helps. */
import type { EuTier, Lifecycle } from '../../api';
import { StatusTag } from '../../components/status-tag';
import { EU_TIER_LABELS, EU_TIER_TONES, LIFECYCLE_LABELS, LIFECYCLE_TONES } from './inventory-labels';

export function LifecycleTag({ stage }: { stage: Lifecycle }) {
  return <StatusTag tone={LIFECYCLE_TONES[stage]}>{LIFECYCLE_LABELS[stage]}</StatusTag>;
}

export function EuTierTag({ tier }: { tier: EuTier }) {
  return <StatusTag tone={EU_TIER_TONES[tier]}>{EU_TIER_LABELS[tier]}</StatusTag>;
}
