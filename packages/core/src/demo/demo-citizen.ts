/**
 * Demo concerns and redress requests for the City of Riverton, in various states: new, being
 * investigated, answered and closed concerns; a request just received, one overdue, and decided
 * ones, so the queues, the deadlines and the public statistics have something to show.
 */
import type { Ctx, UserActor } from '../context.js';
import { submitConcern, updateConcern } from '../citizen/concern.service.js';
import { submitRedressRequest, updateRedressRequest } from '../citizen/redress.service.js';

const DAY = 86_400_000;

export async function seedDemoCitizen(tx: Ctx, organisationId: string, people: { governance: string }): Promise<void> {
  const systems = await tx.db.selectFrom('ai_system').select(['id', 'slug', 'name']).where('organisation_id', '=', organisationId).execute();
  const slug = (name: string): string => {
    const found = systems.find((s) => s.name === name);
    if (!found) throw new Error(`demo system ${name} missing`);
    return found.slug;
  };
  const officer = await tx.db.selectFrom('app_user').select(['id', 'email', 'display_name']).where('id', '=', people.governance).executeTakeFirstOrThrow();
  const actor: UserActor = { kind: 'user', userId: officer.id, email: officer.email, displayName: officer.display_name, sessionId: null, roles: ['governance_officer'], organisationId };
  const staff: Ctx = { ...tx, actor };
  const org = { organisationId, organisationName: 'City of Riverton' };
  const statusUrl = (token: string) => `/riverton/concerns/status/${token}`;
  const now = Date.now();

  /** Demo reports are dated in the past, so the queue looks lived in. */
  const backdate = async (table: 'concern' | 'redress_request', id: string, daysAgo: number) => {
    const at = new Date(now - daysAgo * DAY);
    await tx.db.updateTable(table).set({ created_at: at }).where('id', '=', id).execute();
    await tx.db
      .updateTable('citizen_case_event')
      .set({ created_at: at })
      .where(table === 'concern' ? 'concern_id' : 'redress_id', '=', id)
      .where('kind', '=', 'submitted')
      .execute();
  };

  const c1 = await submitConcern(tx, {
    ...org,
    system: slug('Benefits Eligibility Assistant'),
    locale: 'en',
    category: 'bias',
    description:
      'My mother is 81 and her application was flagged for extra checks twice. Her neighbour, who is younger, was not. I would like to know if age plays a role.',
    contactEmail: 'm.ibrahim@example.org',
    statusUrl,
  });
  await backdate('concern', c1.id, 9);
  await updateConcern(staff, { ...org, concernId: c1.id, status: 'investigating', assigneeId: officer.id, note: 'Asked the data team for flag rates by age band for the last quarter.' });

  const c2 = await submitConcern(tx, {
    ...org,
    system: slug('Ask Riverton'),
    locale: 'es',
    category: 'error',
    description: 'El asistente me dijo que la recogida de muebles es gratuita, pero en la web pone que cuesta 25 euros.',
    contactEmail: 'lucia.m@example.org',
    statusUrl,
  });
  await backdate('concern', c2.id, 15);
  await updateConcern(staff, {
    ...org,
    concernId: c2.id,
    response:
      'Gracias por avisarnos. El asistente tenía un dato antiguo: la recogida cuesta 25 euros, o nada si recibe ayudas sociales. Ya lo hemos corregido y hemos revisado las demás respuestas sobre tasas.',
  });

  const c3 = await submitConcern(tx, {
    ...org,
    system: slug('Pothole Detection'),
    locale: 'en',
    category: 'other',
    description: 'The van with the cameras drove past my house three times on Sunday. What does it record, and is it filming people?',
    statusUrl,
  });
  await backdate('concern', c3.id, 1);

  const c4 = await submitConcern(tx, {
    ...org,
    system: slug('School Admission Allocator'),
    locale: 'fr',
    category: 'accessibility',
    description: 'La lettre expliquant l’attribution des places n’existe qu’en PDF scanné ; mon lecteur d’écran ne peut pas la lire.',
    contactEmail: 'j.martin@example.org',
    statusUrl,
  });
  await backdate('concern', c4.id, 30);
  await updateConcern(staff, {
    ...org,
    concernId: c4.id,
    response:
      'Merci. La lettre est maintenant publiée en HTML accessible sur notre site, et nous l’envoyons aussi par e-mail en texte. Nous avons demandé au fournisseur de corriger ses modèles.',
  });
  await updateConcern(staff, { ...org, concernId: c4.id, status: 'closed', closedReason: 'Letter republished in accessible HTML; supplier asked to fix templates.' });

  const c5 = await submitConcern(tx, {
    ...org,
    locale: 'en',
    category: 'privacy',
    description: 'Do you use my emails to the council to train AI? I never agreed to that.',
    contactName: 'Tom',
    statusUrl,
  });
  await backdate('concern', c5.id, 3);
  await updateConcern(staff, { ...org, concernId: c5.id, status: 'triaged', assigneeId: officer.id });

  const requestUrl = (token: string) => `/riverton/requests/status/${token}`;
  await submitRedressRequest(tx, {
    ...org,
    system: slug('Benefits Eligibility Assistant'),
    locale: 'en',
    kind: 'human_review',
    decisionReference: 'HB-2026-04417',
    description: 'My housing benefit was reduced. The letter says a tool helped assess my income. Please have a person look at my file again: my hours changed in March.',
    contactName: 'Daniel Reyes',
    contactEmail: 'd.reyes@example.org',
    statusUrl: requestUrl,
    now: new Date(now - 3 * DAY),
  });

  const overdue = await submitRedressRequest(tx, {
    ...org,
    system: slug('School Admission Allocator'),
    locale: 'en',
    kind: 'appeal',
    decisionReference: 'ADM-2026-1182',
    description: 'We appeal the school place offered to our son. We live 400 metres from our first choice and his sister already goes there.',
    contactName: 'Priya Shah',
    postalAddress: '14 Mill Lane\nRiverton RV2 4QT',
    statusUrl: requestUrl,
    now: new Date(now - 70 * DAY),
  });
  await updateRedressRequest(staff, { ...org, requestId: overdue.id, status: 'in_progress', assigneeId: officer.id, note: 'Waiting for the admissions panel date.' });

  const explained = await submitRedressRequest(tx, {
    ...org,
    system: slug('Benefits Eligibility Assistant'),
    locale: 'es',
    kind: 'explanation',
    description: '¿Cómo decidió la herramienta que mi solicitud necesitaba más documentos?',
    contactName: 'Ana Torres',
    contactEmail: 'ana.torres@example.org',
    statusUrl: requestUrl,
    now: new Date(now - 20 * DAY),
  });
  await updateRedressRequest(staff, {
    ...org,
    requestId: explained.id,
    decision: {
      outcome: 'explanation_given',
      text: 'La herramienta compara los datos de su solicitud con los del registro de ingresos. Como no coincidían las fechas de su contrato, marcó la solicitud para que una persona la revisara. Un trabajador social la revisó y le pidió el contrato. La herramienta no decide: solo indica qué revisar.',
    },
  });
  await tx.db.updateTable('redress_request').set({ decided_at: new Date(now - 14 * DAY) }).where('id', '=', explained.id).execute();

  const upheld = await submitRedressRequest(tx, {
    ...org,
    system: slug('Benefit Fraud Pattern Detector'),
    locale: 'en',
    kind: 'human_review',
    decisionReference: 'FR-2026-0093',
    description: 'I was told my claim was being investigated for fraud. I have done nothing wrong and want a person to review why.',
    contactName: 'Grace Adeyemi',
    contactEmail: 'grace.a@example.org',
    statusUrl: requestUrl,
    now: new Date(now - 40 * DAY),
  });
  await updateRedressRequest(staff, {
    ...org,
    requestId: upheld.id,
    decision: {
      outcome: 'upheld',
      text: 'An investigator reviewed your file. The pattern the tool found came from a data entry error on our side. The investigation is closed, nothing is held against you, and we have corrected the record.',
    },
  });
  await tx.db.updateTable('redress_request').set({ decided_at: new Date(now - 28 * DAY) }).where('id', '=', upheld.id).execute();
}
