-- The organisation's own rules for which assessments a system needs (issue #4 point 6). No row
-- means Glassbox's defaults (@glassbox/rules DEFAULT_ASSESSMENT_RULES). A row holds the whole
-- replacement list, checked by the service (shape, validateAssessmentRules, known template keys);
-- deleting it goes back to the defaults. Changes are audit-logged (`assessment_rules.*`).

create table organisation_assessment_rules (
  organisation_id uuid primary key references organisation(id),
  rules jsonb not null check (jsonb_typeof(rules) = 'array'),
  updated_by uuid,
  updated_at timestamptz not null default now()
);
