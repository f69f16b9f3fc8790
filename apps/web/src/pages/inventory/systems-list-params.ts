/**
 * The inventory list's state as it lives in the address: reading it (ignoring anything not
 * understood, so a mistyped link still shows a list), writing it back with only what differs from
 * the defaults, and turning it into the API query.
 */
import {
  DECISION_ROLES,
  EU_TIERS,
  LIFECYCLE_STAGES,
  OMB_HIGH_IMPACT,
  SOURCING,
  SYSTEM_SORTS,
  VISIBILITIES,
  type DecisionRole,
  type EuTier,
  type Lifecycle,
  type OmbHighImpact,
  type Sourcing,
  type SystemQuery,
  type SystemSort,
  type Visibility,
} from '../../api';
import { oneOf } from './inventory-labels';

export const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ARCHIVED = ['false', 'true', 'any'] as const;
export const ORDERS = ['asc', 'desc'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const TRUE_FALSE = ['true', 'false'] as const;

export type ListParams = {
  q: string;
  lifecycle: Lifecycle[];
  sourcing: Sourcing | '';
  decisionRole: DecisionRole | '';
  unitId: string;
  ownerId: string;
  publicVisibility: Visibility | '';
  tag: string;
  euTier: EuTier[];
  orgTier: string;
  ombHighImpact: OmbHighImpact | '';
  friaRequired: (typeof TRUE_FALSE)[number] | '';
  screened: (typeof YES_NO)[number] | '';
  archived: (typeof ARCHIVED)[number];
  sort: SystemSort;
  order: (typeof ORDERS)[number];
  page: number;
};

export const defaults: ListParams = {
  q: '',
  lifecycle: [],
  sourcing: '',
  decisionRole: '',
  unitId: '',
  ownerId: '',
  publicVisibility: '',
  tag: '',
  euTier: [],
  orgTier: '',
  ombHighImpact: '',
  friaRequired: '',
  screened: '',
  archived: 'false',
  sort: 'name',
  order: 'asc',
  page: 1,
};

/** Reads the address; anything not understood is ignored, so a mistyped link still shows a list. */
export function readParams(sp: URLSearchParams): ListParams {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = sp.get(name);
    return oneOf(allowed, value) ? value : fallback;
  };
  const uuid = (name: string) => {
    const value = sp.get(name) ?? '';
    return UUID.test(value) ? value.toLowerCase() : '';
  };
  const page = Number.parseInt(sp.get('page') ?? '1', 10);
  return {
    q: (sp.get('q') ?? '').trim().slice(0, 200),
    lifecycle: LIFECYCLE_STAGES.filter((stage) => (sp.get('lifecycle') ?? '').split(',').includes(stage)),
    sourcing: pick<Sourcing | ''>('sourcing', SOURCING, ''),
    decisionRole: pick<DecisionRole | ''>('decisionRole', DECISION_ROLES, ''),
    unitId: uuid('unitId'),
    ownerId: uuid('ownerId'),
    publicVisibility: pick<Visibility | ''>('publicVisibility', VISIBILITIES, ''),
    tag: (sp.get('tag') ?? '').trim().slice(0, 50),
    euTier: EU_TIERS.filter((tier) => (sp.get('euTier') ?? '').split(',').includes(tier)),
    orgTier: (sp.get('orgTier') ?? '').trim().slice(0, 60),
    ombHighImpact: pick<OmbHighImpact | ''>('ombHighImpact', OMB_HIGH_IMPACT, ''),
    friaRequired: pick<ListParams['friaRequired']>('friaRequired', TRUE_FALSE, ''),
    screened: pick<ListParams['screened']>('screened', YES_NO, ''),
    archived: pick('archived', ARCHIVED, 'false'),
    sort: pick('sort', SYSTEM_SORTS, 'name'),
    order: pick('order', ORDERS, 'asc'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

const SINGLE_FILTERS = ['sourcing', 'decisionRole', 'unitId', 'ownerId', 'publicVisibility', 'tag', 'orgTier', 'ombHighImpact', 'friaRequired', 'screened'] as const;

/** The address for a list: only what differs from the defaults. */
export function toSearchParams(p: ListParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.q) sp.set('q', p.q);
  if (p.lifecycle.length > 0) sp.set('lifecycle', p.lifecycle.join(','));
  if (p.euTier.length > 0) sp.set('euTier', p.euTier.join(','));
  for (const key of SINGLE_FILTERS) if (p[key]) sp.set(key, p[key]);
  if (p.archived !== defaults.archived) sp.set('archived', p.archived);
  if (p.sort !== defaults.sort) sp.set('sort', p.sort);
  if (p.order !== defaults.order) sp.set('order', p.order);
  if (p.page > 1) sp.set('page', String(p.page));
  return sp;
}

export function toQuery(p: ListParams): SystemQuery {
  const query: SystemQuery = { limit: PAGE_SIZE, offset: (p.page - 1) * PAGE_SIZE, archived: p.archived, sort: p.sort, order: p.order };
  if (p.q) query.q = p.q;
  if (p.lifecycle.length > 0) query.lifecycle = p.lifecycle.join(',');
  if (p.euTier.length > 0) query.euTier = p.euTier.join(',');
  if (p.sourcing) query.sourcing = p.sourcing;
  if (p.decisionRole) query.decisionRole = p.decisionRole;
  if (p.unitId) query.unitId = p.unitId;
  if (p.ownerId) query.ownerId = p.ownerId;
  if (p.publicVisibility) query.publicVisibility = p.publicVisibility;
  if (p.tag) query.tag = p.tag;
  if (p.orgTier) query.orgTier = p.orgTier;
  if (p.ombHighImpact) query.ombHighImpact = p.ombHighImpact;
  if (p.friaRequired) query.friaRequired = p.friaRequired;
  if (p.screened) query.screened = p.screened;
  return query;
}

/** How many filters are set (the search box not counted). */
export const countFilters = (p: ListParams): number =>
  [p.lifecycle.length > 0, p.euTier.length > 0, p.archived !== defaults.archived, ...SINGLE_FILTERS.map((key) => Boolean(p[key]))].filter(Boolean).length;

export const isFiltered = (p: ListParams): boolean => Boolean(p.q) || countFilters(p) > 0;

export const SORT_LABELS: Record<SystemSort, string> = { name: 'Name', updated: 'Last changed', created: 'Date registered', lifecycle: 'Stage' };
export const ORDER_LABELS: Record<SystemSort, Record<ListParams['order'], string>> = {
  name: { asc: 'A to Z', desc: 'Z to A' },
  updated: { asc: 'Oldest change first', desc: 'Newest change first' },
  created: { asc: 'Oldest first', desc: 'Newest first' },
  lifecycle: { asc: 'Earliest stage first', desc: 'Latest stage first' },
};

