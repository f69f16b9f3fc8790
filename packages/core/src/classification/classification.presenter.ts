/** The classification columns of a system as the API shows them; null when never screened. */
import type { AiSystem, EuTierColumn, OmbHighImpactColumn } from '../db/schema.js';

export type SystemClassificationView = {
  euTier: EuTierColumn | null;
  ombHighImpact: OmbHighImpactColumn | null;
  orgTier: string | null;
  friaRequired: boolean | null;
  euRegistrationRequired: boolean | null;
  screenedAt: Date;
};

type ClassificationColumns = Pick<AiSystem, 'eu_tier' | 'omb_high_impact' | 'org_tier' | 'fria_required' | 'eu_registration_required' | 'screened_at'>;

export const presentClassification = (r: ClassificationColumns): SystemClassificationView | null =>
  r.screened_at === null
    ? null
    : {
        euTier: r.eu_tier,
        ombHighImpact: r.omb_high_impact,
        orgTier: r.org_tier,
        friaRequired: r.fria_required,
        euRegistrationRequired: r.eu_registration_required,
        screenedAt: r.screened_at,
      };
