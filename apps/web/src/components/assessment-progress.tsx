/** How far an assessment is: a progress bar with the count in words (answered of the questions the answers show). */
export function AssessmentProgress({ answered, answerable, id = 'assessment-progress' }: { answered: number; answerable: number; id?: string }) {
  const percent = answerable === 0 ? 100 : Math.round((answered / answerable) * 100);
  return (
    <div className="gb-assess-progress">
      <label htmlFor={id} className="display-block margin-bottom-1" id={`${id}-label`}>
        {answered} of {answerable} questions answered ({percent}%)
      </label>
      <progress id={id} className="gb-assess-progress__bar" max={Math.max(answerable, 1)} value={answerable === 0 ? 1 : answered}>
        {answered} of {answerable}
      </progress>
    </div>
  );
}
