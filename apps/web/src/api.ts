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

async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<unknown> {
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

// Screening and classification (the answers mirror packages/core classification.schemas.ts)
export type Answer = 'yes' | 'no' | 'unsure';
export type EuAnswers = {
  prohibited: {
    manipulation: Answer;
    exploitationOfVulnerabilities: Answer;
    socialScoring: Answer;
    crimeRiskProfiling: { practice: Answer; supportsHumanAssessmentOnObjectiveFacts?: Answer };
    untargetedFacialScraping: Answer;
    emotionRecognitionAtWorkOrEducation: { practice: Answer; medicalOrSafetyReasons?: Answer };
    sensitiveBiometricCategorisation: { practice: Answer; exception?: string };
    realTimeRemoteBiometricIdentification: { practice: Answer; objective?: string; nationalLawProvidesForUse?: Answer; authorisation?: string };
  };
  annexI: { productOrSafetyComponent: Answer; thirdPartyConformityAssessment?: Answer };
  annexIII: { points: string[]; unsure?: boolean };
  derogation: { claimed: Answer; conditions?: string[]; profilesNaturalPersons: Answer };
  transparency: {
    interactsWithNaturalPersons: Answer;
    interactionObvious?: Answer;
    generatesSyntheticContent: Answer;
    assistiveOrNoSubstantialAlteration?: Answer;
    emotionRecognition: Answer;
    biometricCategorisation: Answer;
    deepFake: Answer;
    evidentlyArtisticOrSatirical?: Answer;
    publicInterestText: Answer;
    humanReviewWithEditorialResponsibility?: Answer;
    authorisedByLawForCriminalOffences?: Answer;
    availableToPublicToReportCrime?: Answer;
  };
  deployer: { kind: string; actsOnBehalfOfPublicAuthority?: Answer };
  context: { lawEnforcement: Answer; migrationAsylumBorder: Answer; workplace?: Answer };
};
export type OmbAnswers = {
  principalBasis: Answer;
  rightsEffect: Answer;
  safetyEffect: Answer;
  presumedCategories: string[];
  presumedCategoriesUnsure?: boolean;
  notHighImpactDetermination?: { documentedToCaio: boolean; justification: string };
  pilot?: { limitedScaleAndDuration: Answer; caioCertifiedAndTracked: Answer; optInOutOfferedWherePossible: Answer };
  waivers?: Array<{ practice: string; caioWrittenRiskDetermination: Answer }>;
};
export type ScreeningAnswers = {
  eu: EuAnswers | null;
  omb: OmbAnswers | null;
  facts: { decisionRole?: DecisionRole; personalData?: boolean; affectsPeople: boolean };
};

type Duty = { status: 'required' | 'not_required' | 'undetermined'; provision: string; explanation: string };
type OpenQuestion = { id: string; provision: string; question: string };
type Phase = 'before_deployment' | 'in_operation';
export type ClassificationResult = {
  rulesVersion: string;
  facts: { decisionRole: DecisionRole; personalData: boolean; affectsPeople: boolean };
  summary: { euTier: EuTier | null; ombHighImpact: OmbHighImpact | null; orgTier: string; friaRequired: boolean | null; euRegistrationRequired: boolean | null };
  eu: {
    tier: EuTier;
    bases: Array<{ provision: string; effect: string; explanation: string }>;
    transparencyDuties: Array<{ id: string; provision: string; addressee: 'provider' | 'deployer'; explanation: string }>;
    friaRequired: Duty;
    registrationRequired: Duty;
    restrictedSection: Duty;
    deployerDuties: Array<{ id: string; provision: string; reason: string }>;
    highRiskAnnexIII: string[];
    openQuestions: Array<OpenQuestion & { couldRaiseTierTo?: string }>;
  } | null;
  omb: {
    determination: 'high-impact' | 'presumed-determined-not-high-impact' | 'not-high-impact' | 'undetermined';
    highImpact: boolean;
    inventoryValue: string | null;
    categories: Array<'rights' | 'safety'>;
    presumed: Array<{ category: string; label: string }>;
    bases: Array<{ provision: string; explanation: string }>;
    pilot: { status: 'not_a_pilot' | 'exempt' | 'not_exempt'; explanation: string };
    waivers: Array<{ practice: string; valid: boolean; explanation: string }>;
    openQuestions: OpenQuestion[];
  } | null;
  orgTier: { id: string; label: string; ruleId: string | null; explanation: string };
  obligations: Array<{ key: string; framework: 'eu-ai-act' | 'us-omb' | 'org-policy'; reference: string; title: string; description: string; phase: Phase; recurrenceMonths?: number }>;
};
export type Screening = {
  id: string;
  systemId: string | null;
  answers: ScreeningAnswers;
  result: ClassificationResult;
  rulesVersion: string;
  createdBy: { id: string | null; label: string };
  createdAt: string;
};
export type ScreenedSystem = { id: string; slug: string; name: string; lifecycle: Lifecycle; classification: SystemClassification | null };
export type ProductProposal = { name: string; purpose: string; sourcing: Sourcing; supplier?: string | null; decisionRole: DecisionRole; personalData: boolean };

export const recordScreening = (org: string, system: string, answers: ScreeningAnswers) =>
  post<{ screening: Screening; system: ScreenedSystem }>(`${systemPath(org, system)}/screenings`, { answers });
export const getLatestScreening = (org: string, system: string, signal?: AbortSignal) => get<Screening>(`${systemPath(org, system)}/screenings/latest`, { signal });
export const quickScreen = (org: string, input: { answers: ScreeningAnswers; proposal?: ProductProposal }) =>
  post<{ result: ClassificationResult; screening: Screening; system: ScreenedSystem | null }>(`${orgPath(org)}/screenings/quick`, input);
export const classifyAnswers = (org: string, answers: ScreeningAnswers) => post<ClassificationResult>(`${orgPath(org)}/classify`, { answers });

// Obligations and evidence
export const OBLIGATION_STATUSES = ['open', 'in_progress', 'met', 'not_applicable'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export const OBLIGATION_PHASES = ['before_deployment', 'in_operation'] as const;
export type ObligationPhase = (typeof OBLIGATION_PHASES)[number];
export type Framework = 'eu-ai-act' | 'us-omb' | 'org-policy';

export type Evidence = {
  id: string;
  obligationId: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  file: { name: string; contentType: string; sizeBytes: number; sha256: string } | null;
  createdBy: { id: string | null; label: string };
  createdAt: string;
};

export type Obligation = {
  id: string;
  systemId: string;
  key: string;
  framework: Framework;
  reference: string;
  title: string;
  description: string;
  phase: ObligationPhase;
  recurrenceMonths: number | null;
  owner: { id: string; displayName: string };
  /** YYYY-MM-DD. */
  dueDate: string | null;
  status: ObligationStatus;
  naReason: string | null;
  overdue: boolean;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  evidence: Evidence[];
};

export type StatusCounts = Record<ObligationStatus, number>;
export type ProgressCounts = { total: number; done: number; byStatus: StatusCounts };
export type ObligationTotals = ProgressCounts & { byPhase: Record<ObligationPhase, ProgressCounts>; overdue: number };
export type SystemObligationProgress = ObligationTotals & {
  systemId: string;
  screenedAt: string | null;
  retired: number;
  blocking: Array<{ id: string; key: string; title: string; status: ObligationStatus }>;
};
export type OrganisationObligationProgress = {
  obligations: ObligationTotals;
  systems: { total: number; screened: number; missingScreening: number; withOpenBeforeDeployment: number; byEuTier: Record<string, number>; byLifecycle: Record<string, number> };
  missingScreening: Array<{ id: string; slug: string; name: string; lifecycle: string }>;
};
export type ObligationChanges = { status?: ObligationStatus; naReason?: string | null; ownerId?: string; dueDate?: string | null };

/** Types the server accepts as evidence files (core obligations/evidence-files.ts), with their names. */
export const EVIDENCE_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/plain': 'plain text',
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook (.xlsx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text (.odt)',
};
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const obligationPath = (org: string, system: string, obligation: string) => `${systemPath(org, system)}/obligations/${seg(obligation)}`;
export const listObligations = (org: string, system: string, retired: 'false' | 'true' | 'any', signal?: AbortSignal) =>
  get<{ items: Obligation[]; total: number }>(`${systemPath(org, system)}/obligations`, { query: { retired }, signal });
export const getSystemObligationProgress = (org: string, system: string, signal?: AbortSignal) =>
  get<SystemObligationProgress>(`${systemPath(org, system)}/obligations/progress`, { signal });
export const getOrganisationObligationProgress = (org: string, signal?: AbortSignal) =>
  get<OrganisationObligationProgress>(`${orgPath(org)}/obligations/progress`, { signal });
export const updateObligation = (org: string, system: string, obligation: string, changes: ObligationChanges) =>
  patch<Obligation>(obligationPath(org, system, obligation), changes);
export const addEvidenceLink = (org: string, system: string, obligation: string, input: { title: string; url: string }) =>
  post<Evidence>(`${obligationPath(org, system, obligation)}/evidence`, { kind: 'link', ...input });
export const deleteEvidence = (org: string, system: string, obligation: string, evidence: string) =>
  del(`${obligationPath(org, system, obligation)}/evidence/${seg(evidence)}`);
/** Where a stored evidence file downloads from (same-origin, so the session cookie goes with it). */
export const evidenceFileUrl = (org: string, system: string, obligation: string, evidence: string) =>
  buildUrl(`${obligationPath(org, system, obligation)}/evidence/${seg(evidence)}/file`, undefined);

/** Files go as the raw body (no multipart), their type in X-File-Type; errors are read as `send` reads them. */
export async function uploadEvidenceFile(org: string, system: string, obligation: string, input: { file: File; title: string }): Promise<Evidence> {
  const url = buildUrl(`${obligationPath(org, system, obligation)}/evidence/file`, { name: input.file.name, title: input.title });
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream', 'x-file-type': input.file.type || 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: input.file });
  } catch {
    throw new ApiError(0, 'client.network', 'Glassbox could not be reached. Check your connection and try again.');
  }
  const body = await readBody(response);
  if (response.ok) return body as Evidence;
  if (response.status === 401) unauthorizedHandler?.();
  const code = isRecord(body) && typeof body['code'] === 'string' ? body['code'] : `http.${response.status}`;
  const message =
    isRecord(body) && typeof body['message'] === 'string' && body['message']
      ? body['message']
      : response.status === 413
        ? 'The file is larger than 20 MB.'
        : (fallbackMessages[response.status] ?? `The server answered ${response.status}. Try again in a moment.`);
  const fields: Record<string, string> = {};
  if (isRecord(body) && isRecord(body['fields'])) {
    for (const [key, value] of Object.entries(body['fields'])) if (typeof value === 'string') fields[key] = value;
  }
  throw new ApiError(response.status, code, message, fields);
}

// The whole tier policy, as the admin screen shows and edits it
export type TierRequirement = { key: string; title: string; description?: string; phase: ObligationPhase; recurrenceMonths?: number };
export type TierRule = {
  id: string;
  when: { euTier?: EuTier[]; ombHighImpact?: boolean; decisionRole?: DecisionRole[]; personalData?: boolean; affectsPeople?: boolean };
  tier: string;
};
export type TierPolicyDocument = {
  tiers: Array<{ id: string; label: string; requirements: TierRequirement[] }>;
  rules: TierRule[];
  defaultTier: string;
};
export type FullTierPolicy = { policy: TierPolicyDocument; isDefault: boolean; updatedAt: string | null };
export const getFullTierPolicy = (org: string, signal?: AbortSignal) => get<FullTierPolicy>(`${orgPath(org)}/tier-policy`, { signal });
export const putTierPolicy = async (org: string, policy: unknown): Promise<FullTierPolicy> =>
  (await send('PUT', `${orgPath(org)}/tier-policy`, { body: { policy } })) as FullTierPolicy;
