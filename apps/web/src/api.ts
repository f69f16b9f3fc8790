/**
 * The staff app's only door to the server: a typed fetch wrapper (same-origin cookie session, CSRF
 * header on writes, one error class) and one function per endpoint the app uses.
 */

export const ROLES = ['admin', 'governance_officer', 'system_owner', 'reviewer', 'caseworker', 'auditor', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export type SessionOrganisation = { id: string; slug: string; name: string; roles: string[] };
export type Session = {
  user: { id: string; email: string; displayName: string };
  organisations: SessionOrganisation[];
  currentOrganisation: string | null;
  csrfToken: string;
};

export type Organisation = {
  id: string;
  slug: string;
  name: string;
  description: string;
  contactEmail: string | null;
  contactUrl: string | null;
  defaultLocale: string;
};

export type Member = {
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  lastSignInAt: string | null;
  lockedUntil: string | null;
};

export type Invitation = {
  id: string;
  email: string;
  roles: string[];
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  invitedBy: string | null;
};

export type InvitationPreview = {
  email: string;
  organisationName: string;
  roles: string[];
  expiresAt: string;
  userExists: boolean;
};

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  systemId: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type AuditEvent = {
  id: string;
  seq: number;
  action: string;
  entityType: string;
  entityId: string | null;
  actorType: string;
  actorId?: string | null;
  actorLabel: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  occurredAt: string;
  hash: string;
};

export type AuditChainStatus = { ok: boolean; events: number; brokenAt?: { id: string; seq: number }; reason?: string };

export type OutboxStatus = 'held' | 'queued' | 'sent' | 'failed';
export type OutboxMessage = {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  status: OutboxStatus;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type Unit = { id: string; name: string };

export type Page<T> = { items: T[]; total: number };

/** Every failed call ends up here, including network failures (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Anything else the error body carried under `details` (e.g. what a lifecycle gate is missing). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client.unexpected', 'Something went wrong. Reload the page and try again.');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in call answers 401: the session ended, so the app goes back to sign-in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type Query = Record<string, string | number | undefined | null>;
type RequestOptions = {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal | undefined;
  /** false for calls where 401 is an ordinary answer (sign-in, the initial session check). */
  handleUnauthorized?: boolean;
};

const fallbackMessages: Record<number, string> = {
  401: 'Sign in to continue.',
  403: 'You do not have permission to do this.',
  404: 'Not found.',
  429: 'Too many attempts. Wait a minute and try again.',
};

function buildUrl(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'client.network', 'Glassbox could not be reached. Check your connection and try again.');
  }

  const body = await readBody(response);
  if (isRecord(body) && typeof body['csrfToken'] === 'string') csrfToken = body['csrfToken'];
  if (response.ok) return body;

  if (response.status === 401 && options.handleUnauthorized !== false) unauthorizedHandler?.();
  const code = isRecord(body) && typeof body['code'] === 'string' ? body['code'] : `http.${response.status}`;
  const message =
    isRecord(body) && typeof body['message'] === 'string' && body['message']
      ? body['message']
      : (fallbackMessages[response.status] ?? `The server answered ${response.status}. Try again in a moment.`);
  const fields: Record<string, string> = {};
  if (isRecord(body) && isRecord(body['fields'])) {
    for (const [key, value] of Object.entries(body['fields'])) if (typeof value === 'string') fields[key] = value;
  }
  const details = isRecord(body) && isRecord(body['details']) ? body['details'] : {};
  throw new ApiError(response.status, code, message, fields, details);
}

// Response bodies are trusted to match the contract; the server declares a response schema per route.
const get = async <T>(path: string, options?: RequestOptions): Promise<T> => (await send('GET', path, options)) as T;
const post = async <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> => (await send('POST', path, { ...options, body })) as T;
const patch = async <T>(path: string, body: unknown): Promise<T> => (await send('PATCH', path, { body })) as T;
const del = async (path: string): Promise<void> => {
  await send('DELETE', path);
};

const seg = encodeURIComponent;
const orgPath = (org: string) => `/orgs/${seg(org)}`;

// Auth and session
export const getSession = (signal?: AbortSignal) => get<Session>('/auth/session', { signal, handleUnauthorized: false });
export const signIn = (input: { email: string; password: string }) => post<Session>('/auth/sign-in', input, { handleUnauthorized: false });
export const signOut = () => post<void>('/auth/sign-out', undefined, { handleUnauthorized: false });
export const switchOrganisation = (organisation: string) => post<Session>('/auth/switch-organisation', { organisation });
export const changePassword = (input: { currentPassword: string; newPassword: string }) => post<void>('/auth/change-password', input);
export const requestPasswordReset = (email: string) => post<unknown>('/auth/password-reset/request', { email }, { handleUnauthorized: false });
export const completePasswordReset = (input: { token: string; newPassword: string }) =>
  post<void>('/auth/password-reset/complete', input, { handleUnauthorized: false });

// Invitations (public side)
export const getInvitation = (token: string, signal?: AbortSignal) =>
  get<InvitationPreview>(`/invitations/${seg(token)}`, { signal, handleUnauthorized: false });
export const acceptInvitation = (input: { token: string; displayName?: string; password?: string }) =>
  post<void>('/invitations/accept', input, { handleUnauthorized: false });

// Organisation
export const getOrganisation = (org: string, signal?: AbortSignal) => get<Organisation>(orgPath(org), { signal });
export const listUnits = (org: string, signal?: AbortSignal) => get<{ items: Unit[] }>(`${orgPath(org)}/units`, { signal });
export const createUnit = (org: string, name: string) => post<Unit>(`${orgPath(org)}/units`, { name });

// Members
export const listMembers = (org: string, query: { limit: number; offset: number; q?: string }, signal?: AbortSignal) =>
  get<Page<Member>>(`${orgPath(org)}/members`, { query, signal });
export const updateMemberRoles = (org: string, userId: string, roles: string[]) => patch<Member>(`${orgPath(org)}/members/${seg(userId)}`, { roles });
export const removeMember = (org: string, userId: string) => del(`${orgPath(org)}/members/${seg(userId)}`);

// Invitations (admin side)
export const listInvitations = (org: string, signal?: AbortSignal) => get<{ items: Invitation[] }>(`${orgPath(org)}/invitations`, { signal });
export const createInvitation = (org: string, input: { email: string; roles: string[] }) => post<Invitation>(`${orgPath(org)}/invitations`, input);
export const revokeInvitation = (org: string, id: string) => del(`${orgPath(org)}/invitations/${seg(id)}`);

// API tokens
export type NewApiToken = { name: string; scope: 'read' | 'write'; systemId?: string; expiresAt?: string };
export const listApiTokens = (org: string, signal?: AbortSignal) => get<{ items: ApiToken[] }>(`${orgPath(org)}/api-tokens`, { signal });
export const createApiToken = (org: string, input: NewApiToken) => post<{ token: string; item: ApiToken }>(`${orgPath(org)}/api-tokens`, input);
export const revokeApiToken = (org: string, id: string) => del(`${orgPath(org)}/api-tokens/${seg(id)}`);

// Audit log
export type AuditQuery = { action?: string; entityType?: string; actorId?: string; from?: string; to?: string; before?: number; limit?: number };
export const listAuditEvents = (org: string, query: AuditQuery, signal?: AbortSignal) =>
  get<{ items: AuditEvent[]; nextBefore: number | null }>(`${orgPath(org)}/audit-events`, { query, signal });
export const verifyAuditChain = (org: string, signal?: AbortSignal) => get<AuditChainStatus>(`${orgPath(org)}/audit-events/verify`, { signal });

// Outbox
export const listOutbox = (org: string, query: { limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<OutboxMessage>>(`${orgPath(org)}/outbox`, { query, signal });

// AI-system inventory
export const LIFECYCLE_STAGES = ['idea', 'proposed', 'in_review', 'approved', 'in_service', 'suspended', 'retired', 'rejected'] as const;
export type Lifecycle = (typeof LIFECYCLE_STAGES)[number];
export const SOURCING = ['in_house', 'procured', 'general_purpose_tool'] as const;
export type Sourcing = (typeof SOURCING)[number];
export const DECISION_ROLES = ['informs', 'recommends', 'decides'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];
export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const SYSTEM_SORTS = ['name', 'updated', 'created', 'lifecycle'] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];

export const EU_TIERS = ['prohibited', 'high', 'limited', 'minimal', 'undetermined'] as const;
export type EuTier = (typeof EU_TIERS)[number];
export const OMB_HIGH_IMPACT = ['yes', 'no', 'undetermined'] as const;
export type OmbHighImpact = (typeof OMB_HIGH_IMPACT)[number];

/** What the latest screening decided about a system. */
export type SystemClassification = {
  euTier: EuTier | null;
  ombHighImpact: OmbHighImpact | null;
  /** The id of a tier in the organisation's tier policy. */
  orgTier: string | null;
  friaRequired: boolean | null;
  euRegistrationRequired: boolean | null;
  screenedAt: string;
};

export type AiSystemSummary = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  lifecycle: Lifecycle;
  unit: { id: string; name: string } | null;
  owner: { id: string; displayName: string };
  sourcing: Sourcing;
  supplier: string | null;
  decisionRole: DecisionRole;
  personalData: boolean;
  publicVisibility: Visibility;
  tags: string[];
  version: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** null until the system is screened; absent from servers without screening, so screens hide it. */
  classification?: SystemClassification | null;
};

export type AiSystem = AiSystemSummary & {
  description: string;
  affectedPeople: string;
  dataCategories: string[];
  humanOversight: string;
  /** Where the lifecycle table lets the system go next; the server still checks the person's role. */
  allowedTransitions: Lifecycle[];
};

/** The fields a person edits; lifecycle and archiving have their own calls. */
export type SystemFields = {
  name: string;
  purpose: string;
  description: string;
  unitId: string | null;
  ownerId: string;
  sourcing: Sourcing;
  supplier: string | null;
  decisionRole: DecisionRole;
  affectedPeople: string;
  dataCategories: string[];
  personalData: boolean;
  humanOversight: string;
  publicVisibility: Visibility;
  tags: string[];
};
export type NewSystem = Omit<SystemFields, 'ownerId'> & { ownerId?: string };
export type SystemChanges = Partial<SystemFields> & { reason?: string | null };

export type SystemQuery = {
  q?: string;
  /** One or more stages, comma-separated. */
  lifecycle?: string;
  unitId?: string;
  ownerId?: string;
  sourcing?: Sourcing;
  decisionRole?: DecisionRole;
  publicVisibility?: Visibility;
  tag?: string;
  /** One or more EU tiers, comma-separated. */
  euTier?: string;
  ombHighImpact?: OmbHighImpact;
  orgTier?: string;
  friaRequired?: 'true' | 'false';
  screened?: 'yes' | 'no';
  archived?: 'false' | 'true' | 'any';
  sort?: SystemSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export type SystemVersionKind = 'created' | 'updated' | 'transitioned' | 'archived' | 'unarchived';
export type SystemVersion = {
  version: number;
  kind: SystemVersionKind;
  changedFields: string[];
  reason: string | null;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; name: string };
  createdAt: string;
  snapshot: Record<string, unknown>;
};
export type SystemDiff = { from: number; to: number; changes: Array<{ field: string; before: unknown; after: unknown }> };

const systemPath = (org: string, system: string) => `${orgPath(org)}/systems/${seg(system)}`;
export const listSystems = (org: string, query: SystemQuery, signal?: AbortSignal) => get<Page<AiSystemSummary>>(`${orgPath(org)}/systems`, { query, signal });
export const getSystem = (org: string, system: string, signal?: AbortSignal) => get<AiSystem>(systemPath(org, system), { signal });
export const createSystem = (org: string, input: NewSystem) => post<AiSystem>(`${orgPath(org)}/systems`, input);
export const updateSystem = (org: string, system: string, changes: SystemChanges) => patch<AiSystem>(systemPath(org, system), changes);
export const transitionSystem = (org: string, system: string, input: { to: Lifecycle; reason: string }) =>
  post<AiSystem>(`${systemPath(org, system)}/transitions`, input);
export const archiveSystem = (org: string, system: string) => post<AiSystem>(`${systemPath(org, system)}/archive`, {});
export const unarchiveSystem = (org: string, system: string) => post<AiSystem>(`${systemPath(org, system)}/unarchive`, {});
export const listSystemVersions = (org: string, system: string, query: { limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<SystemVersion>>(`${systemPath(org, system)}/versions`, { query, signal });
export const diffSystemVersions = (org: string, system: string, from: number, to: number, signal?: AbortSignal) =>
  get<SystemDiff>(`${systemPath(org, system)}/versions/diff`, { query: { from, to }, signal });
/** The organisation's tier policy; the inventory only needs the tiers' ids and labels. */
export type TierPolicy = { policy: { tiers: Array<{ id: string; label: string }> }; isDefault: boolean };
export const getTierPolicy = (org: string, signal?: AbortSignal) => get<TierPolicy>(`${orgPath(org)}/tier-policy`, { signal });

// Tool catalogue
export type CatalogueStatus = 'approved' | 'approved_with_conditions' | 'not_approved' | 'under_review';
export type DataAllowed = 'none_personal' | 'anonymised' | 'personal_with_dpa';
export type DataKind = 'none_personal' | 'anonymised' | 'personal';
export type CatalogueEntry = {
  id: string;
  name: string;
  vendor: string;
  description: string;
  status: CatalogueStatus;
  permittedUses: string[];
  prohibitedUses: string[];
  conditions: string;
  dataAllowed: DataAllowed;
  pricing: 'free' | 'paid';
  dataProtectionTerms: string;
  dpaInPlace: boolean;
  /** YYYY-MM-DD. */
  reviewDate: string | null;
  contact: string;
  system: { id: string; slug: string; name: string; lifecycle: string } | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};
/** The editable fields. On create, leaving out systemId registers the tool in the inventory; null links none. */
export type CatalogueEntryInput = Omit<CatalogueEntry, 'id' | 'system' | 'archivedAt' | 'createdAt' | 'updatedAt'> & { systemId?: string | null };
export type ToolUseAnswer = { tool: { id: string; name: string }; answer: 'yes' | 'no' | 'ask_first'; reasons: string[] };
export type CatalogueQuery = { q?: string; status?: CatalogueStatus | ''; archived?: 'false' | 'true' | 'any'; limit: number; offset: number };

const cataloguePath = (org: string) => `${orgPath(org)}/tool-catalogue`;
export const listToolCatalogue = (org: string, query: CatalogueQuery, signal?: AbortSignal) => get<Page<CatalogueEntry>>(cataloguePath(org), { query, signal });
export const getToolCatalogueEntry = (org: string, id: string, signal?: AbortSignal) => get<CatalogueEntry>(`${cataloguePath(org)}/${seg(id)}`, { signal });
export const createToolCatalogueEntry = (org: string, input: CatalogueEntryInput) => post<CatalogueEntry>(cataloguePath(org), input);
export const updateToolCatalogueEntry = (org: string, id: string, changes: Partial<CatalogueEntryInput>) => patch<CatalogueEntry>(`${cataloguePath(org)}/${seg(id)}`, changes);
export const archiveToolCatalogueEntry = (org: string, id: string) => post<CatalogueEntry>(`${cataloguePath(org)}/${seg(id)}/archive`, {});
export const checkToolUse = (org: string, input: { toolId: string; use: string; data: DataKind }) => post<ToolUseAnswer>(`${cataloguePath(org)}/check`, input);
