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
export const updateOrganisation = (org: string, changes: { contactEmail?: string | null }) => patch<Organisation>(orgPath(org), changes);
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
export type Framework = 'eu-ai-act' | 'us-omb' | 'org-policy' | 'assessment';

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

/**
 * Uploads a file as the raw body (no multipart), its type in X-File-Type and anything else in the
 * query; errors are read as `send` reads them, with a plain message for a file over the size limit.
 */
async function uploadFile<T>(url: string, file: File): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream', 'x-file-type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'client.network', 'Glassbox could not be reached. Check your connection and try again.');
  }
  const body = await readBody(response);
  if (response.ok) return body as T;
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

export const uploadEvidenceFile = (org: string, system: string, obligation: string, input: { file: File; title: string }): Promise<Evidence> =>
  uploadFile<Evidence>(buildUrl(`${obligationPath(org, system, obligation)}/evidence/file`, { name: input.file.name, title: input.title }), input.file);

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

// The organisation's assessment rules (which assessments a system needs), and material changes of a system
export type { AssessmentNeedCondition, AssessmentNeedRule } from '@glassbox/rules/assessment-needs/required-assessments';
import type { AssessmentNeedRule } from '@glassbox/rules/assessment-needs/required-assessments';
export type AssessmentRules = { rules: AssessmentNeedRule[]; isDefault: boolean; updatedAt: string | null; templateTitles: Record<string, string>; systemsResynced?: number };
export const getAssessmentRules = (org: string, signal?: AbortSignal) => get<AssessmentRules>(`${orgPath(org)}/assessment-rules`, { signal });
export const putAssessmentRules = async (org: string, rules: unknown): Promise<AssessmentRules> =>
  (await send('PUT', `${orgPath(org)}/assessment-rules`, { body: { rules } })) as AssessmentRules;
export const resetAssessmentRules = async (org: string): Promise<AssessmentRules> => (await send('DELETE', `${orgPath(org)}/assessment-rules`)) as AssessmentRules;
export type MaterialChangeOutcome = { reason: string; assessments: Array<{ id: string; templateKey: string }> };
export const recordMaterialChange = (org: string, system: string, reason: string) => post<MaterialChangeOutcome>(`${systemPath(org, system)}/material-change`, { reason });

// Assessments (issue #4): templates, filling in, review, reports, readiness and tasks
export type { AnswerValue, Answers, Gap, LocalText, Question, QuestionType, ScoreResult, Section, TemplateDocument } from '@glassbox/rules/assessment/template';
import type { Answers as AssessmentAnswers, AnswerValue as AssessmentAnswerValue, ScoreResult as AssessmentScore, TemplateDocument as AssessmentTemplateDocument } from '@glassbox/rules/assessment/template';

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type PersonRef = { id: string | null; name: string };
export type AssessmentSystemRef = { id: string; slug: string; name: string };

export type AssessmentSummary = {
  id: string;
  templateKey: string;
  templateTitle: string;
  templateVersion: number;
  templateVersionId: string;
  system: AssessmentSystemRef | null;
  round: number;
  previousId: string | null;
  status: AssessmentStatus;
  level: string | null;
  revision: number;
  progress: { answerable: number; answered: number };
  /** YYYY-MM-DD: when the next round is due. */
  dueDate: string | null;
  /** Approved, the latest round, and past its due date or flagged after a material change. */
  reassessmentDue: boolean;
  reassessmentDueReason: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
};
export type NeededAssessment = { templateKey: string; title: string; reasons: string[]; obligationKeys: string[]; latest?: AssessmentSummary | null; assessment?: AssessmentSummary | null };
export type SystemAssessments = { needed: NeededAssessment[]; items: AssessmentSummary[] };

export type AnswerMeta = Record<string, { by: string; byName: string; at: string; revision: number }>;
export type AssessmentComment = { id: string; questionId: string | null; author: PersonRef; body: string; createdAt: string };
export type AssessmentAttachment = {
  id: string;
  questionId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: PersonRef;
  createdAt: string;
};
export type AssessmentSignoff = { id: string; decision: 'submit' | 'approve' | 'return'; user: PersonRef; roles: string[]; note: string | null; revision: number; at: string };
export type AssessmentPermissions = { canEdit: boolean; canSubmit: boolean; canReview: boolean; canComment: boolean };
export type AssessmentDetail = AssessmentSummary & {
  document: AssessmentTemplateDocument;
  answers: AssessmentAnswers;
  answerMeta: AnswerMeta;
  result: AssessmentScore;
  comments: AssessmentComment[];
  attachments: AssessmentAttachment[];
  signoffs: AssessmentSignoff[];
  contributors: Array<{ id: string; name: string }>;
  submittedBy: PersonRef | null;
  approvedBy: PersonRef | null;
  permissions: AssessmentPermissions;
};
export type SavedAnswers = { revision: number; status: AssessmentStatus; answers: AssessmentAnswers; answerMeta: AnswerMeta; result: AssessmentScore; changed: string[] };
/** 409 assessment.conflict details: which questions, and what they hold now. */
export type AnswerConflictDetails = {
  questions: string[];
  current: Record<string, { value: AssessmentAnswerValue | null; by: string | null; byName: string | null; at: string | null; revision: number | null }>;
  revision: number;
};
export type AssessmentDiff = {
  answers: Array<{ questionId: string; title?: string; before: unknown; after: unknown }>;
  scores?: unknown;
  [key: string]: unknown;
};
export type AssessmentQuery = { status?: AssessmentStatus | ''; templateKey?: string; systemId?: string; subject?: 'system' | 'organisation'; limit?: number; offset?: number };

const assessmentPath = (org: string, id: string) => `${orgPath(org)}/assessments/${seg(id)}`;
export const listSystemAssessments = (org: string, system: string, signal?: AbortSignal) => get<SystemAssessments>(`${systemPath(org, system)}/assessments`, { signal });
export const startSystemAssessment = (org: string, system: string, templateKey: string) => post<AssessmentDetail>(`${systemPath(org, system)}/assessments`, { templateKey });
export const startOrganisationAssessment = (org: string, templateKey: string) => post<AssessmentDetail>(`${orgPath(org)}/assessments`, { templateKey });
export const listAssessments = (org: string, query: AssessmentQuery, signal?: AbortSignal) => get<{ items: AssessmentSummary[]; total: number }>(`${orgPath(org)}/assessments`, { query, signal });
export const getAssessment = (org: string, id: string, signal?: AbortSignal) => get<AssessmentDetail>(assessmentPath(org, id), { signal });
export const saveAnswers = (org: string, id: string, input: { revision: number; answers: Record<string, AssessmentAnswerValue | null> }) =>
  patch<SavedAnswers>(`${assessmentPath(org, id)}/answers`, input);
export const submitAssessment = (org: string, id: string) => post<AssessmentDetail>(`${assessmentPath(org, id)}/submit`, {});
export const approveAssessment = (org: string, id: string, note?: string) => post<AssessmentDetail>(`${assessmentPath(org, id)}/approve`, note ? { note } : {});
export const returnAssessment = (org: string, id: string, comment: string) => post<AssessmentDetail>(`${assessmentPath(org, id)}/return`, { comment });
export type DroppedAnswer = { questionId: string; title: string; reason: string };
export const reassess = (org: string, id: string) => post<{ assessment: AssessmentDetail; droppedAnswers: DroppedAnswer[] }>(`${assessmentPath(org, id)}/reassess`, {});
export const diffAssessment = (org: string, id: string, against: string, signal?: AbortSignal) => get<AssessmentDiff>(`${assessmentPath(org, id)}/diff`, { query: { against }, signal });
export const addAssessmentComment = (org: string, id: string, input: { questionId?: string; body: string }) => post<AssessmentComment>(`${assessmentPath(org, id)}/comments`, input);
/** Report downloads are plain links (same-origin, the session cookie goes with them). */
/** The languages the report routes can write in (?lang=); English when none is given. */
export const REPORT_LANGUAGES = ['en', 'fr', 'es'] as const;
export const assessmentReportUrl = (org: string, id: string, format: 'html' | 'pdf' | 'json', lang?: string) =>
  buildUrl(`${assessmentPath(org, id)}/report.${format}`, lang && lang !== 'en' ? { lang } : undefined);
export const aiaSavedFileUrl = (org: string, id: string) => buildUrl(`${assessmentPath(org, id)}/aia-saved-file.json`, undefined);
export const assessmentAttachmentUrl = (org: string, id: string, attachment: string) => buildUrl(`${assessmentPath(org, id)}/attachments/${seg(attachment)}/file`, undefined);

/** Like evidence files (uploadFile): the name and the question it answers in the query. */
export const uploadAssessmentAttachment = (org: string, id: string, input: { file: File; questionId?: string }): Promise<AssessmentAttachment> =>
  uploadFile<AssessmentAttachment>(buildUrl(`${assessmentPath(org, id)}/attachments`, { name: input.file.name, questionId: input.questionId }), input.file);

// Assessment templates (administrators and governance officers manage them; every member reads them)
export type TemplateImportFormat = 'json' | 'yaml' | 'surveyjs';
export type TemplateVersionStatus = 'draft' | 'published';
export type TemplateVersionHead = {
  id: string;
  version: number;
  status: TemplateVersionStatus;
  contentHash: string;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
  publishedAt: string | null;
  publishedBy: { id: string; displayName: string } | null;
};
export type UnsupportedFeature = { path: string; feature: string; detail: string };
export type ImportReport = { format: TemplateImportFormat; importer: 'glassbox' | 'surveyjs' | 'canada-aia'; unsupported: UnsupportedFeature[] };
export type AssessmentTemplateSummary = {
  id: string;
  key: string;
  title: string;
  subject: 'system' | 'organisation';
  origin: 'builtin' | 'imported' | 'custom';
  builtin: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  latestPublished: TemplateVersionHead | null;
  draft: TemplateVersionHead | null;
  /** True when new assessments of this key start on this template. */
  inUse: boolean;
};
export type AssessmentTemplateDetail = AssessmentTemplateSummary & { versions: TemplateVersionHead[] };
export type TemplateVersion = TemplateVersionHead & {
  templateId: string;
  key: string;
  builtin: boolean;
  document: AssessmentTemplateDocument;
  importReport: ImportReport | null;
};

const templatesPath = (org: string) => `${orgPath(org)}/assessment-templates`;
const templateVersionPath = (org: string, versionId: string) => `${orgPath(org)}/assessment-template-versions/${seg(versionId)}`;
export const listAssessmentTemplates = (org: string, signal?: AbortSignal) => get<{ items: AssessmentTemplateSummary[]; total: number }>(templatesPath(org), { signal });
export const getAssessmentTemplate = (org: string, id: string, signal?: AbortSignal) => get<AssessmentTemplateDetail>(`${templatesPath(org)}/${seg(id)}`, { signal });
export const importAssessmentTemplate = (org: string, input: { format: TemplateImportFormat; content: string; key?: string }) => post<TemplateVersion>(`${templatesPath(org)}/import`, input);
export const cloneAssessmentTemplate = (org: string, id: string) => post<TemplateVersion>(`${templatesPath(org)}/${seg(id)}/clone`, {});
export const getTemplateVersion = (org: string, versionId: string, signal?: AbortSignal) => get<TemplateVersion>(templateVersionPath(org, versionId), { signal });
export const putTemplateVersion = async (org: string, versionId: string, document: unknown): Promise<TemplateVersion> =>
  (await send('PUT', templateVersionPath(org, versionId), { body: { document } })) as TemplateVersion;
export const setAssessmentTemplateArchived = (org: string, id: string, archived: boolean) =>
  post<AssessmentTemplateDetail>(`${templatesPath(org)}/${seg(id)}/${archived ? 'archive' : 'unarchive'}`, {});
/** Throws a draft away; a template never published goes with it. */
export const discardTemplateVersion = (org: string, versionId: string) => del(templateVersionPath(org, versionId));
export const publishTemplateVersion = (org: string, versionId: string) => post<TemplateVersion>(`${templateVersionPath(org, versionId)}/publish`, {});
export const templateExportUrl = (org: string, versionId: string, format: 'json' | 'yaml') => buildUrl(`${templateVersionPath(org, versionId)}/export`, { format });
export const previewTemplateScore = (org: string, versionId: string, answers: AssessmentAnswers, signal?: AbortSignal) =>
  post<AssessmentScore>(`${templateVersionPath(org, versionId)}/preview-score`, { answers }, { signal });

// Organisation tasks (e.g. from readiness gaps)
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'dismissed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type OrganisationTask = {
  id: string;
  source: 'assessment' | 'manual';
  /** For a gap of an assessment: the assessment and `<template key>:<question id>`. */
  sourceAssessmentId: string | null;
  sourceKey: string | null;
  title: string;
  description: string;
  area: string | null;
  status: TaskStatus;
  /** Why it was dismissed, or why it was closed. */
  statusNote: string | null;
  owner: { id: string; displayName: string } | null;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  overdue: boolean;
  createdBy: { id: string | null; label: string };
  createdAt: string;
  updatedAt: string;
};
export type TaskChanges = { status?: TaskStatus; ownerId?: string | null; dueDate?: string | null; reason?: string | null };
export const listTasks = (org: string, query: { status?: TaskStatus | '' }, signal?: AbortSignal) => get<{ items: OrganisationTask[]; total: number }>(`${orgPath(org)}/tasks`, { query, signal });
export const updateTask = (org: string, id: string, changes: TaskChanges) => patch<OrganisationTask>(`${orgPath(org)}/tasks/${seg(id)}`, changes);

// Citizen services: concerns and redress requests (staff side)
export type ConcernCategory = 'error' | 'bias' | 'misuse' | 'privacy' | 'accessibility' | 'other';
export type ConcernStatus = 'new' | 'triaged' | 'investigating' | 'responded' | 'closed';
export type RedressKind = 'explanation' | 'human_review' | 'appeal';
export type RedressStatus = 'received' | 'in_progress' | 'decided' | 'closed';
export type RedressOutcome = 'upheld' | 'partly_upheld' | 'not_upheld' | 'explanation_given';
export type CaseEvent = { kind: string; fromStatus: string | null; toStatus: string | null; body: string | null; internal: boolean; actorName: string; at: string };
type CaseSystem = { id: string; name: string; slug: string };
type CasePerson = { id: string; name: string };
export type ConcernSummary = {
  id: string;
  reference: string;
  category: ConcernCategory;
  status: ConcernStatus;
  system: CaseSystem | null;
  assignee: CasePerson | null;
  incidentReference: string | null;
  submittedAt: string;
  updatedAt: string;
};
export type ConcernDetail = ConcernSummary & {
  description: string;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  locale: string;
  response: string | null;
  respondedAt: string | null;
  closedReason: string | null;
  events: CaseEvent[];
  permissions: { canHandle: boolean };
};
export type ConcernUpdate = {
  status?: ConcernStatus;
  assigneeId?: string | null;
  incidentReference?: string | null;
  response?: string;
  note?: string;
  closedReason?: string;
};
export type RedressSummary = {
  id: string;
  reference: string;
  kind: RedressKind;
  status: RedressStatus;
  system: CaseSystem;
  decisionReference: string | null;
  assignee: CasePerson | null;
  submittedAt: string;
  dueAt: string;
  daysLeft: number;
  overdue: boolean;
  escalatedAt: string | null;
  outcome: RedressOutcome | null;
  decidedAt: string | null;
};
export type RedressDetail = RedressSummary & {
  description: string;
  contact: { name: string; email: string | null; postalAddress: string | null } | null;
  locale: string;
  outcomeText: string | null;
  events: CaseEvent[];
  permissions: { canHandle: boolean };
};
export type RedressUpdate = { status?: RedressStatus; assigneeId?: string | null; note?: string; decision?: { outcome: RedressOutcome; text: string } };
export type CitizenSettings = { explanationDays: number; humanReviewDays: number; appealDays: number; noticeRetentionDays: number };

export const listConcerns = (org: string, query: { status?: string; category?: string; limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<ConcernSummary>>(`${orgPath(org)}/concerns`, { query, signal });
export const getConcern = (org: string, id: string, signal?: AbortSignal) => get<ConcernDetail>(`${orgPath(org)}/concerns/${seg(id)}`, { signal });
export const updateConcern = (org: string, id: string, body: ConcernUpdate) => patch<ConcernDetail>(`${orgPath(org)}/concerns/${seg(id)}`, body);
export const listRedressRequests = (org: string, query: { status?: string; kind?: string; overdue?: 'true' | 'false'; limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<RedressSummary>>(`${orgPath(org)}/redress-requests`, { query, signal });
export const getRedressRequest = (org: string, id: string, signal?: AbortSignal) => get<RedressDetail>(`${orgPath(org)}/redress-requests/${seg(id)}`, { signal });
export const updateRedressRequest = (org: string, id: string, body: RedressUpdate) => patch<RedressDetail>(`${orgPath(org)}/redress-requests/${seg(id)}`, body);
export const redressLetterUrl = (org: string, id: string, format: 'html' | 'pdf') => buildUrl(`${orgPath(org)}/redress-requests/${seg(id)}/letter`, { format });
export const getCitizenSettings = (org: string, signal?: AbortSignal) => get<CitizenSettings>(`${orgPath(org)}/citizen-settings`, { signal });
export const updateCitizenSettings = async (org: string, body: Partial<CitizenSettings>) =>
  (await send('PUT', `${orgPath(org)}/citizen-settings`, { body })) as CitizenSettings;

// ---- Notices and public consultations (issue #5 points 4 and 7)

export type NoticeLanguage = 'en' | 'es' | 'fr';
export type NoticeVariant = 'standard' | 'easy_read';
export type NoticeFormat = 'html' | 'pdf';
export type NoticeRecord = {
  id: string;
  system: { id: string; name: string; slug: string };
  language: NoticeLanguage;
  variant: NoticeVariant;
  format: NoticeFormat;
  generatedBy: string;
  generatedAt: string;
  caseReference: string | null;
  recipientName: string | null;
  caseDetailsKept: boolean;
  purgeAfter: string | null;
  purgedAt: string | null;
};
export type NoticeInput = { language: NoticeLanguage; variant: NoticeVariant; format: NoticeFormat; caseReference?: string; recipientName?: string; decisionDate?: string };

export const listNotices = (org: string, query: { systemId?: string; limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<NoticeRecord>>(`${orgPath(org)}/notices`, { query, signal });
/** How long a system's notices keep case details: its own retention (null: the organisation's). */
export type NoticeSettings = { systemDays: number | null; organisationDays: number; effectiveDays: number };
export const getNoticeSettings = (org: string, systemId: string, signal?: AbortSignal) => get<NoticeSettings>(`${orgPath(org)}/systems/${seg(systemId)}/notice-settings`, { signal });
export const updateNoticeSettings = async (org: string, systemId: string, noticeRetentionDays: number | null) =>
  (await send('PUT', `${orgPath(org)}/systems/${seg(systemId)}/notice-settings`, { body: { noticeRetentionDays } })) as NoticeSettings;
export const noticePreviewUrl = (org: string, systemId: string, language: NoticeLanguage, variant: NoticeVariant): string =>
  buildUrl(`${orgPath(org)}/systems/${seg(systemId)}/notices/preview`, { language, variant });

/** Produces (and records) a notice; the document comes back as a file to save. */
export async function generateNotice(org: string, systemId: string, body: NoticeInput): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(buildUrl(`${orgPath(org)}/systems/${seg(systemId)}/notices`, undefined), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrfToken && { 'x-csrf-token': csrfToken }) },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'client.network', 'Glassbox could not be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const data = await readBody(response);
    if (response.status === 401) unauthorizedHandler?.();
    const fields: Record<string, string> = {};
    if (isRecord(data) && isRecord(data['fields'])) for (const [k, v] of Object.entries(data['fields'])) if (typeof v === 'string') fields[k] = v;
    const message = isRecord(data) && typeof data['message'] === 'string' ? data['message'] : (fallbackMessages[response.status] ?? `The server answered ${response.status}.`);
    throw new ApiError(response.status, isRecord(data) && typeof data['code'] === 'string' ? data['code'] : `http.${response.status}`, message, fields);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename="([^"]+)"/.exec(disposition)?.[1];
  const filename = named ?? `notice-${body.language}${body.variant === 'easy_read' ? '-easy-read' : ''}.${body.format}`;
  return { blob: await response.blob(), filename };
}

// Public register (staff side): a system's draft entry, preview, publishing and history; the organisation's formats.

export type RegisterEntryState = 'published' | 'withdrawn';
export type RegisterEntry = {
  system: { id: string; slug: string; name: string; publicVisibility: 'public' | 'internal'; archived: boolean };
  texts: Record<string, string>;
  publicFields: string[];
  details: { links: Record<string, string | null>; policyArea: string | null; technique: string | null; useType: string | null; nextReviewDue: string | null };
  updatedAt: string | null;
  updatedBy: string | null;
  latest: { version: number; state: RegisterEntryState; publishedAt: string } | null;
};
export type RegisterPublication = {
  id: string;
  systemId: string;
  version: number;
  state: RegisterEntryState;
  changedFields: string[];
  reason: string | null;
  publishedBy: string;
  publishedAt: string;
  restricted: boolean;
};
export type RegisterSettings = {
  formats: string[];
  organisation: { country: string | null; address: string | null; contactPhone: string | null; area: string | null; registrationContact: { name: string; email: string; phone: string | null } | null };
  version: number;
  publishedAt: string | null;
  updatedAt: string | null;
  available: Array<{ id: string; requiredTexts: string[] }>;
};
export type RegisterEntryChanges = {
  texts?: Record<string, string>;
  publicFields?: string[];
  details?: { links?: Record<string, string | null>; policyArea?: string | null; technique?: string | null; useType?: string | null; nextReviewDue?: string | null };
};

const registerEntryPath = (org: string, systemId: string) => `${orgPath(org)}/systems/${seg(systemId)}/register-entry`;
export const getRegisterEntry = (org: string, systemId: string, signal?: AbortSignal) => get<RegisterEntry>(registerEntryPath(org, systemId), { signal });
export const saveRegisterEntry = async (org: string, systemId: string, body: RegisterEntryChanges): Promise<RegisterEntry> =>
  (await send('PUT', registerEntryPath(org, systemId), { body })) as RegisterEntry;
/** What publishing now would still lack: texts, and other facts (with where to set them) the chosen formats need. */
export type RegisterChecks = {
  missing: Array<{ field: string; formats: string[] }>;
  missingFacts: Array<{ source: string; label: string; where: string; needs: Array<{ format: string; field: string }> }>;
};
export const getRegisterChecks = (org: string, systemId: string, signal?: AbortSignal) => get<RegisterChecks>(`${registerEntryPath(org, systemId)}/checks`, { signal });
export const publishRegisterEntry = (org: string, systemId: string) => post<RegisterPublication>(`${registerEntryPath(org, systemId)}/publish`);
export const withdrawRegisterEntry = (org: string, systemId: string, reason: string) => post<RegisterPublication>(`${registerEntryPath(org, systemId)}/withdraw`, { reason });
export const listRegisterPublications = (org: string, systemId: string, signal?: AbortSignal) =>
  get<Page<RegisterPublication>>(`${registerEntryPath(org, systemId)}/publications`, { query: { limit: 100 }, signal });
export const registerPreviewUrl = (org: string, systemId: string, lang: 'en' | 'es' | 'fr'): string => buildUrl(`${registerEntryPath(org, systemId)}/preview`, { lang });
export const getRegisterSettings = (org: string, signal?: AbortSignal) => get<RegisterSettings>(`${orgPath(org)}/register-settings`, { signal });
export const putRegisterSettings = async (org: string, body: { formats?: string[]; organisation?: Partial<RegisterSettings['organisation']> }): Promise<RegisterSettings> =>
  (await send('PUT', `${orgPath(org)}/register-settings`, { body })) as RegisterSettings;

export type ConsultationState = 'scheduled' | 'open' | 'closed';
export type CommentStatus = 'pending' | 'approved' | 'rejected';
export type Consultation = {
  id: string;
  system: { id: string; name: string; slug: string; lifecycle: string };
  title: string;
  intro: string;
  questions: string[];
  opensAt: string;
  closesAt: string;
  state: ConsultationState;
  summary: string | null;
  summaryPublishedAt: string | null;
  comments: Record<CommentStatus, number>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  permissions: { canManage: boolean };
};
export type ConsultationComment = {
  id: string;
  name: string | null;
  showName: boolean;
  comment: string;
  answers: string[];
  locale: string;
  status: CommentStatus;
  moderationReason: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  submittedAt: string;
};
export type ConsultationDraft = { systemId: string; title: string; intro: string; questions: string[]; opensAt: string; closesAt: string };

export const listConsultations = (org: string, query: { systemId?: string; limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<Consultation>>(`${orgPath(org)}/consultations`, { query, signal });
export const getConsultation = (org: string, id: string, signal?: AbortSignal) => get<Consultation>(`${orgPath(org)}/consultations/${seg(id)}`, { signal });
export const createConsultation = (org: string, body: ConsultationDraft) => post<Consultation>(`${orgPath(org)}/consultations`, body);
export const updateConsultation = (org: string, id: string, body: Partial<Omit<ConsultationDraft, 'systemId'>>) => patch<Consultation>(`${orgPath(org)}/consultations/${seg(id)}`, body);
export const publishConsultationSummary = async (org: string, id: string, summary: string) =>
  (await send('PUT', `${orgPath(org)}/consultations/${seg(id)}/summary`, { body: { summary } })) as Consultation;
export const listConsultationComments = (org: string, id: string, query: { status?: string; limit: number; offset: number }, signal?: AbortSignal) =>
  get<Page<ConsultationComment>>(`${orgPath(org)}/consultations/${seg(id)}/comments`, { query, signal });
export const moderateConsultationComment = (org: string, id: string, commentId: string, body: { status: CommentStatus; reason?: string }) =>
  patch<ConsultationComment>(`${orgPath(org)}/consultations/${seg(id)}/comments/${seg(commentId)}`, body);

// People to choose as an owner or an assignee (admins, governance officers and system owners may list them)
export type Person = { userId: string; email: string; displayName: string; roles: Role[] };
export const listPeople = (org: string, query: { q?: string; role?: string } = {}, signal?: AbortSignal) =>
  get<{ items: Person[] }>(`${orgPath(org)}/people`, { query, signal });
