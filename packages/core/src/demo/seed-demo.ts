/**
 * The demo: a fictional city council with one person per role, and a smaller housing authority so
 * the organisation switcher has something to switch to. Runs only on an empty database (or when
 * asked by `glassbox seed-demo`): the tool catalogue (catalogue/demo.ts) and the inventory of AI
 * systems with screenings and obligations (demo-systems.ts); later capabilities add theirs here.
 */
import { seedDemoCitizen } from './demo-citizen.js';
import type { Kysely } from 'kysely';
import { seedDemoCatalogue } from '../catalogue/demo.js';
import type { Ctx } from '../context.js';
import { systemCtx } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { seedDemoSystems } from './demo-systems.js';
import { seedDemoAssessments } from '../assessments/assessment-demo.js';
import { seedDemoConnectedAssessments } from './demo-assessments.js';
import { seedDemoRegister } from './demo-register.js';
import { addMembership, createOrganisation, createUnit, createUser, getOrganisationBySlug } from '../orgs/org.service.js';
import type { Role } from '../roles.js';
import { seedDemoEngagement } from './demo-engagement.js';

export const DEMO_ORG_SLUG = 'riverton';
export const DEMO_PASSWORD = 'glassbox-demo';

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; roles: Role[] }> = [
  { email: 'admin@riverton.example', name: 'Amara Okafor', roles: ['admin'] },
  { email: 'governance@riverton.example', name: 'Gabriel Santos', roles: ['governance_officer'] },
  { email: 'owner@riverton.example', name: 'Olivia Chen', roles: ['system_owner'] },
  { email: 'reviewer@riverton.example', name: 'Rafael Dubois', roles: ['reviewer'] },
  { email: 'caseworker@riverton.example', name: 'Carmen López', roles: ['caseworker'] },
  { email: 'auditor@riverton.example', name: 'Aisha Rahman', roles: ['auditor'] },
  { email: 'staff@riverton.example', name: 'Sam Murphy', roles: ['staff'] },
];

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemo(db: Kysely<DB>): Promise<{ created: boolean }> {
  if (await getOrganisationBySlug(db, DEMO_ORG_SLUG)) return { created: false };
  const ctx: Ctx = systemCtx(db, 'demo-seed');
  await inTransaction(ctx, async (tx) => {
    const city = await createOrganisation(tx, {
      slug: DEMO_ORG_SLUG,
      name: 'City of Riverton',
      description:
        'Riverton City Council uses a small number of AI tools to help staff answer residents and handle applications. ' +
        'Here we tell you which tools we use, what they do, how people stay in charge of every decision, and how you can ask questions or complain.',
      contactEmail: 'ai-register@riverton.example',
      contactUrl: 'https://riverton.example/contact',
    });
    const housing = await createOrganisation(tx, {
      slug: 'riverton-housing',
      name: 'Riverton Housing Authority',
      description: 'The housing authority publishes here how it uses AI in allocating social housing and handling repairs.',
      contactEmail: 'contact@housing.riverton.example',
    });
    for (const unit of ['Benefits and Revenues', 'Housing Services', 'Digital and IT', 'Customer Contact Centre']) {
      await createUnit(tx, { organisationId: city.id, name: unit });
    }
    const people = { owner: '', governance: '' };
    for (const account of DEMO_ACCOUNTS) {
      const user = await createUser(tx, { email: account.email, displayName: account.name, password: DEMO_PASSWORD });
      await addMembership(tx, { organisationId: city.id, userId: user.id, roles: account.roles });
      if (account.roles.includes('system_owner')) people.owner = user.id;
      if (account.roles.includes('governance_officer')) people.governance = user.id;
      if (account.roles.includes('admin') || account.roles.includes('governance_officer')) {
        await addMembership(tx, { organisationId: housing.id, userId: user.id, roles: account.roles });
      }
    }
    await seedDemoCatalogue(tx, city.id);
    await seedDemoSystems(tx, city.id, people);
    await seedDemoRegister(tx, city.id);
    await seedDemoCitizen(tx, city.id, people);
    await seedDemoAssessments(tx, city.id, people);
    await seedDemoConnectedAssessments(tx, city.id, people);
    await seedDemoEngagement(tx, city.id);
  });
  return { created: true };
}

export const demoSignInText = (baseUrl: string): string =>
  [
    `Demo organisation: City of Riverton (${baseUrl}/${DEMO_ORG_SLUG})`,
    `Staff app: ${baseUrl}/app — every demo account uses the password "${DEMO_PASSWORD}"`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(32)} ${a.roles.join(', ')}`),
  ].join('\n');


