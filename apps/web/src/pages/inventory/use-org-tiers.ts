/**
 * The organisation's own risk tiers (from its tier policy), most demanding first, and their labels
 * by id. Empty while loading or when the policy cannot be read; screens then show tier ids as words.
 */
import { getTierPolicy } from '../../api';
import { useApiData } from '../../use-api';

export type OrgTiers = { tiers: ReadonlyArray<{ id: string; label: string }>; labels: ReadonlyMap<string, string> };

export function useOrgTiers(org: string): OrgTiers {
  const policy = useApiData((signal) => getTierPolicy(org, signal), [org]);
  const tiers = policy.data?.policy.tiers ?? [];
  return { tiers, labels: new Map(tiers.map((tier) => [tier.id, tier.label])) };
}
