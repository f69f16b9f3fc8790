/**
 * Test factories: every test makes its own organisation and people, so tests never need to clean
 * up and can run side by side on one PostgreSQL database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemCtx } from '../context.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { installBuiltinTemplates } from '../assessments/templates/builtin-installer.js';
import type { DB } from '../db/schema.js';
import { createSystem, type CreateSystemInput } from '../inventory/inventory.service.js';
import type { SystemView } from '../inventory/inventory.presenter.js';
import { addMembership, createOrganisation, createUser, type OrganisationView } from '../orgs/org.service.js';
import type { Role } from '../roles.js';
import { screening, type DeepPartial } from '@glassbox/rules/testing/fixtures';
import type { EuScreeningAnswers, OmbAnswers } from '@glassbox/rules';
import type { ScreeningAnswersInput } from '../classification/classification.schemas.js';
import { recordScreening, type ScreeningOutcome } from '../classification/screening.service.js';
import type { Answers } from '@glassbox/rules';
import { getAssessment, saveAnswers, startAssessment } from '../assessments/assessment.service.js';
import { approveAssessment, returnAssessment, submitAssessment } from '../assessments/assessment-workflow.service.js';
import type { AssessmentDetail } from '../assessments/assessment.presenter.js';

export const TEST_PASSWORD = 'correct horse battery';

/** PGlite in memory by default; the PostgreSQL at TEST_DATABASE_URL when it is set. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const database = url ? await openDatabase({ url, poolSize: 5 }) : await openDatabase({ memory: true });
  await migrate(database);
  await installBuiltinTemplates(database);
  return database;
}

const unique = (): string => randomUUID().slice(0, 8);

export async function makeOrganisation(db: Kysely<DB>, name = 'Test Council'): Promise<OrganisationView> {
  return createOrganisation(systemCtx(db, 'test'), { slug: `test-${unique()}`, name, description: `${name} publishes how it uses AI.`, contactEmail: 'ai@test.example' });
}

export type TestUser = { id: string; email: string; displayName: string; password: string };

export async function makeUser(db: Kysely<DB>, opts: { organisationId?: string; roles?: Role[]; name?: string } = {}): Promise<TestUser> {
  const email = `user-${unique()}@test.example`;
  const user = await createUser(systemCtx(db, 'test'), { email, displayName: opts.name ?? 'Test Person', password: TEST_PASSWORD });
  if (opts.organisationId) await addMembership(systemCtx(db, 'test'), { organisationId: opts.organisationId, userId: user.id, roles: opts.roles ?? ['staff'] });
  return { ...user, password: TEST_PASSWORD };
}

/** An AI system in the organisation, owned by `ownerId` (a member); every other field can be overridden. */
export async function makeSystem(
  db: Kysely<DB>,
  opts: { organisationId: string; ownerId: string } & Partial<Omit<CreateSystemInput, 'organisationId' | 'ownerId'>>,
): Promise<SystemView> {
  return createSystem(systemCtx(db, 'test'), {
    name: `Test system ${unique()}`,
    purpose: 'Helps caseworkers sort incoming applications.',
    sourcing: 'in_house',
    decisionRole: 'recommends',
    personalData: true,
    ...opts,
  });
}

/**
 * Screening answers for tests: the EU AI Act answers of a public authority where nothing applies,
 * with `eu` patched in (null: the EU AI Act does not apply), no OMB screening unless given, and
 * facts about the people affected. decisionRole and personalData default to the system record.
 */
export function makeScreeningAnswers(
  opts: { eu?: DeepPartial<EuScreeningAnswers> | null; omb?: OmbAnswers | null; affectsPeople?: boolean; decisionRole?: 'informs' | 'recommends' | 'decides'; personalData?: boolean } = {},
): ScreeningAnswersInput {
  return {
    eu: opts.eu === null ? null : screening(opts.eu ?? {}),
    omb: opts.omb ?? null,
    facts: {
      affectsPeople: opts.affectsPeople ?? true,
      ...(opts.decisionRole !== undefined && { decisionRole: opts.decisionRole }),
      ...(opts.personalData !== undefined && { personalData: opts.personalData }),
    },
  };
}

/** A benefits-eligibility system of a public authority: Annex III 5(a), profiling people. */
export const BENEFITS_ELIGIBILITY: DeepPartial<EuScreeningAnswers> = {
  annexIII: { points: ['5(a)'] },
  derogation: { claimed: 'no', profilesNaturalPersons: 'yes' },
  deployer: { kind: 'public_authority' },
};

/** Records a screening of a system as the operator (no permission checks beyond the service's own). */
export async function screenTestSystem(db: Kysely<DB>, opts: { organisationId: string; systemId: string; answers?: ScreeningAnswersInput }): Promise<ScreeningOutcome> {
  return recordScreening(systemCtx(db, 'test'), { organisationId: opts.organisationId, ref: opts.systemId, answers: opts.answers ?? makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY }) });
}

/**
 * An assessment started as the operator on the template `templateKey` (a built-in or the
 * organisation's own published one) for a system, or for the organisation when systemId is null,
 * with `answers` saved; `status` moves it on (submitted, approved or returned) as the operator.
 */
export async function makeAssessment(
  db: Kysely<DB>,
  opts: { organisationId: string; systemId: string | null; templateKey: string; answers?: Answers; status?: 'draft' | 'submitted' | 'approved' | 'returned' },
): Promise<AssessmentDetail> {
  const ctx = systemCtx(db, 'test');
  const started = await startAssessment(ctx, { organisationId: opts.organisationId, systemRef: opts.systemId, templateKey: opts.templateKey });
  const ref = { organisationId: opts.organisationId, assessmentId: started.id };
  if (opts.answers && Object.keys(opts.answers).length > 0) await saveAnswers(ctx, { ...ref, revision: 0, answers: opts.answers });
  const status = opts.status ?? 'draft';
  if (status === 'draft') return getAssessment(ctx, ref);
  await submitAssessment(ctx, ref);
  if (status === 'approved') return approveAssessment(ctx, ref);
  if (status === 'returned') return returnAssessment(ctx, { ...ref, comment: 'Please say more about the people affected.' });
  return getAssessment(ctx, ref);
}
