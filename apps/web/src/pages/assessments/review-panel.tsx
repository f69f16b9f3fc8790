/** For reviewers: approve a submitted assessment (with an optional note) or return it with a comment saying what to change. */
import { useState } from 'react';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import { useNavigate } from 'react-router';
import { approveAssessment, returnAssessment, toApiError, type AssessmentDetail } from '../../api';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { TextareaField } from '../../components/textarea-field';
import { useOrganisation } from '../../session';

export function ReviewPanel({ detail, onReviewed }: { detail: AssessmentDetail; onReviewed: (detail: AssessmentDetail, message: string) => void }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);

  const act = async (action: 'approve' | 'return') => {
    if (action === 'return' && !note.trim()) {
      setErrors({ message: null, fields: { comment: 'Say what has to change before the assessment can be approved.' } });
      return;
    }
    setBusy(action);
    setErrors(noErrors);
    try {
      const updated = action === 'approve' ? await approveAssessment(org.slug, detail.id, note.trim() || undefined) : await returnAssessment(org.slug, detail.id, note.trim());
      if (action === 'approve') void navigate(`/assessments/${detail.id}/result`, { state: { notice: 'The assessment was approved.' } });
      else onReviewed(updated, 'The assessment was returned with your comment.');
    } catch (error) {
      const apiError = toApiError(error);
      setErrors({ message: apiError.message, fields: apiError.fields['note'] ? { comment: apiError.fields['note'] } : apiError.fields });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="review-heading" className="gb-panel">
      <h2 id="review-heading" className="margin-top-0">
        Approve or return
      </h2>
      <p>Read the answers below, then approve the assessment or return it to its authors with a comment. Your decision is signed with your name and role.</p>
      <Form onSubmit={(e) => e.preventDefault()} noValidate className="maxw-full">
        <ErrorSummary errors={errors} fieldIds={{ comment: 'review-comment' }} />
        <TextareaField
          id="review-comment"
          label="Comment"
          hint="Needed to return the assessment; optional when you approve it (kept as a note with your sign-off)."
          value={note}
          onChange={setNote}
          error={errors.fields['comment']}
          rows={3}
          maxLength={4000}
        />
        <ButtonGroup>
          <Button type="button" disabled={busy !== null} onClick={() => void act('approve')}>
            {busy === 'approve' ? 'Approving…' : 'Approve'}
          </Button>
          <Button type="button" secondary disabled={busy !== null} onClick={() => void act('return')}>
            {busy === 'return' ? 'Returning…' : 'Return with comment'}
          </Button>
        </ButtonGroup>
      </Form>
    </section>
  );
}
