/**
 * Demo notices and consultations (issue #5 point 10): a few "AI assisted in your case" notices
 * produced for the Benefits Eligibility Assistant (one with case details, kept for the retention
 * period), a consultation running now on the proposed Contact Centre Call Summariser with
 * moderated comments and one waiting, and a closed one on Pothole Detection with its published
 * response. Everything goes through the services, so it is validated and audited; only the closing date
 * of the past consultation is moved back afterwards (the service refuses a closing date in the past).
 */
import type { Ctx } from '../context.js';
import { createConsultation, moderateComment, publishConsultationSummary, submitConsultationComment } from '../consultations/consultation.service.js';
import { generateNotice } from '../notices/notice.service.js';

const DAY = 86_400_000;

async function systemIdByName(tx: Ctx, organisationId: string, name: string): Promise<string | null> {
  const row = await tx.db.selectFrom('ai_system').select('id').where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

export async function seedDemoEngagement(tx: Ctx, organisationId: string, publicBaseUrl = 'http://localhost:3000'): Promise<void> {
  const benefits = await systemIdByName(tx, organisationId, 'Benefits Eligibility Assistant');
  if (benefits) {
    const base = { organisationId, systemId: benefits, publicBaseUrl };
    await generateNotice(tx, { ...base, language: 'en', variant: 'standard', format: 'pdf', caseReference: 'HB-2026-01873', decisionDate: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10) });
    await generateNotice(tx, { ...base, language: 'es', variant: 'easy_read', format: 'html' });
    await generateNotice(tx, { ...base, language: 'fr', variant: 'standard', format: 'pdf' });
  }

  const summariser = await systemIdByName(tx, organisationId, 'Contact Centre Call Summariser');
  if (summariser) {
    const running = await createConsultation(tx, {
      organisationId,
      systemId: summariser,
      title: 'Should we use AI to write up your calls to the contact centre?',
      intro:
        'When you phone the council, our adviser types a note of the call afterwards. We propose a tool that listens to the call and drafts that note, so advisers can spend more time helping you.\n\n' +
        'The adviser would read and correct every note before saving it. You could say at the start of the call that you do not want the tool used. Recordings would be deleted after 30 days.\n\n' +
        'Before we decide, we want to hear what you think. We will read every comment and publish a summary of what we heard and what we decided.',
      questions: ['Would you be comfortable with a tool listening to your call?', 'What would make you trust the notes it drafts?', 'Is there anything we have not thought about?'],
      opensAt: new Date(Date.now() - 5 * DAY).toISOString(),
      closesAt: new Date(Date.now() + 25 * DAY).toISOString(),
    });
    const comments = [
      { locale: 'en' as const, name: 'Margaret Ellis', showName: 'yes', comment: 'I am happy for it to be used as long as a person checks the note. My calls are often about my late husband’s tax and I want them to be right.', answers: ['Yes, if I am told at the start.', 'Being able to ask for a copy of the note.', ''], decision: 'approved' as const },
      { locale: 'es' as const, name: null, showName: '', comment: 'Me preocupa que no entienda bien a las personas con acento. Por favor, pruébenlo con vecinos que no hablan inglés como primera lengua.', answers: ['', '', 'Las personas con acento o que hablan poco inglés.'], decision: 'approved' as const },
      { locale: 'en' as const, name: 'J. Patel', showName: '', comment: 'Who else gets to hear the recordings? The supplier should not keep them.', answers: ['Not really.', '', 'What the supplier does with the audio.'], decision: 'approved' as const },
      { locale: 'en' as const, name: null, showName: '', comment: 'Visit my website for cheap watches!!!', answers: ['', '', ''], decision: 'rejected' as const },
      { locale: 'fr' as const, name: 'Claire', showName: 'yes', comment: 'Une bonne idée si l’on peut refuser facilement. Il faudrait le dire clairement au début de chaque appel.', answers: ['Oui, si je peux refuser.', '', ''], decision: null },
    ];
    for (const c of comments) {
      const { id } = await submitConsultationComment(tx, { organisationId, consultationId: running.id, locale: c.locale, name: c.name, showName: c.showName, comment: c.comment, answers: c.answers });
      if (c.decision === 'approved') await moderateComment(tx, { organisationId, consultationId: running.id, commentId: id, decision: 'approved' });
      if (c.decision === 'rejected') await moderateComment(tx, { organisationId, consultationId: running.id, commentId: id, decision: 'rejected', reason: 'Advertising, not about the proposal.' });
    }
  }

  const potholes = await systemIdByName(tx, organisationId, 'Pothole Detection');
  if (potholes) {
    const closed = await createConsultation(tx, {
      organisationId,
      systemId: potholes,
      title: 'Cameras on bin lorries to find potholes',
      intro: 'We proposed fitting cameras to our bin lorries so a tool can spot potholes and we can repair roads sooner. Faces and number plates would be blurred before any image is stored.',
      questions: ['Are you comfortable with cameras on council vehicles?', 'How should we tell people about them?'],
      opensAt: new Date(Date.now() - 60 * DAY).toISOString(),
      closesAt: new Date(Date.now() + DAY).toISOString(),
    });
    const { id } = await submitConsultationComment(tx, {
      organisationId,
      consultationId: closed.id,
      locale: 'en',
      name: 'Riverside Cycling Club',
      showName: 'yes',
      comment: 'Good idea: potholes are dangerous for cyclists. Please publish where the cameras have been.',
      answers: ['Yes, with the blurring.', 'A sticker on each lorry and a page on the website.'],
    });
    await moderateComment(tx, { organisationId, consultationId: closed.id, commentId: id, decision: 'approved' });
    await tx.db.updateTable('consultation').set({ closes_at: new Date(Date.now() - 30 * DAY) }).where('id', '=', closed.id).execute();
    await publishConsultationSummary(tx, {
      organisationId,
      consultationId: closed.id,
      summary:
        'Thank you to the 41 people and groups who commented. Most were in favour, as long as images are blurred and people are told.\n\n' +
        'What we decided: each lorry carries a sticker explaining the camera, we publish a map of the roads filmed each month, and a highways inspector confirms every defect before a repair is ordered. Images are deleted after 30 days.',
    });
  }
}
