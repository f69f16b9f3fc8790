/**
 * The comment thread under an assessment question (or on the whole assessment): the comments, who
 * wrote them and when, and a box to add one. Folded in a USWDS accordion so long forms stay short.
 */
import { useState, type FormEvent } from 'react';
import { Accordion, Button, Form } from '@trussworks/react-uswds';
import { addAssessmentComment, toApiError, type AssessmentComment } from '../api';
import { personName } from '../pages/assessments/assessment-labels';
import { useOrganisation } from '../session';
import { DateTime } from './date-time';
import { TextareaField } from './textarea-field';

type Props = {
  assessmentId: string;
  questionId: string | null;
  /** Used in labels so each thread is told apart by screen-reader users. */
  subject: string;
  comments: readonly AssessmentComment[];
  canComment: boolean;
  onAdded: (comment: AssessmentComment) => void;
  /** Open the thread from the start (the whole-assessment thread). */
  open?: boolean;
  headingLevel?: 'h2' | 'h3' | 'h4';
};

export function AssessmentComments({ assessmentId, questionId, subject, comments, canComment, onAdded, open = false, headingLevel = 'h3' }: Props) {
  const domId = `comments-${questionId ?? 'assessment'}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const title = `Comments (${comments.length})`;
  if (!canComment && comments.length === 0) return null;
  return (
    <Accordion
      bordered={false}
      className="gb-comments margin-top-1"
      items={[
        {
          id: domId,
          title: (
            <>
              {title}
              <span className="usa-sr-only"> on “{subject}”</span>
            </>
          ),
          expanded: open,
          headingLevel,
          content: <Thread domId={domId} assessmentId={assessmentId} questionId={questionId} subject={subject} comments={comments} canComment={canComment} onAdded={onAdded} />,
        },
      ]}
    />
  );
}

type ThreadProps = Omit<Props, 'open' | 'headingLevel'> & { domId: string };

function Thread({ domId, assessmentId, questionId, subject, comments, canComment, onAdded }: ThreadProps) {
  const org = useOrganisation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) {
      setError('Write the comment first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const added = await addAssessmentComment(org.slug, assessmentId, { ...(questionId ? { questionId } : {}), body: body.trim() });
      setBody('');
      onAdded(added);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {comments.length === 0 ? (
        <p className="margin-top-0">No comments yet.</p>
      ) : (
        <ol className="usa-list usa-list--unstyled gb-comment-list">
          {comments.map((c) => (
            <li key={c.id} className="gb-comment">
              <p className="margin-y-0 gb-muted">
                <span className="text-bold">{personName(c.author)}</span>, <DateTime value={c.createdAt} />
              </p>
              <p className="margin-top-05 margin-bottom-0 gb-comment__body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full">
          <TextareaField id={`${domId}-new`} label={`Add a comment on “${subject}”`} value={body} onChange={setBody} error={error} rows={2} maxLength={4000} />
          <Button type="submit" outline disabled={busy}>
            {busy ? 'Adding…' : 'Add comment'}
          </Button>
        </Form>
      )}
    </>
  );
}
