/**
 * What the SurveyJS importer knows about SurveyJS elements: which element types map to which question
 * types, which properties it carries over for each, and why the common ones it does not are left out
 * (the reason goes into the import's `unsupported` list).
 */
import type { QuestionType } from './template.js';

export const CHOICE_ELEMENT_TYPES: Record<string, QuestionType> = {
  radiogroup: 'single_choice',
  dropdown: 'single_choice',
  checkbox: 'multiple_choice',
  tagbox: 'multiple_choice',
};
export const SCORED_ELEMENT_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox']);

const COMMON_PROPERTIES = ['type', 'name', 'title', 'description', 'help', 'visibleIf', 'isRequired'];
export const HANDLED: Record<string, string[]> = {
  radiogroup: [...COMMON_PROPERTIES, 'choices', 'choicesOrder'],
  dropdown: [...COMMON_PROPERTIES, 'choices', 'choicesOrder'],
  checkbox: [...COMMON_PROPERTIES, 'choices', 'choicesOrder'],
  tagbox: [...COMMON_PROPERTIES, 'choices', 'choicesOrder'],
  text: [...COMMON_PROPERTIES, 'inputType', 'min', 'max', 'maxLength'],
  comment: [...COMMON_PROPERTIES, 'maxLength'],
  boolean: [...COMMON_PROPERTIES, 'labelTrue', 'labelFalse'],
  html: ['type', 'name', 'html', 'visibleIf'],
  file: [...COMMON_PROPERTIES],
  panel: ['type', 'name', 'title', 'description', 'visibleIf', 'elements', 'questions'],
  page: ['name', 'title', 'description', 'visibleIf', 'elements', 'questions'],
  survey: ['pages', 'title', 'description', 'elements', 'questions'],
};

/** Why a property is not carried over, for the ones that come up often. */
export const PROPERTY_DETAILS: Record<string, string> = {
  showQuestionNumbers: 'not imported: display setting; Glassbox numbers questions its own way',
  showProgressBar: 'not imported: display setting; Glassbox shows its own progress bar',
  firstPageIsStarted: 'not imported: display setting; the first page is imported as an ordinary section',
  showPageTitles: 'not imported: display setting',
  completedHtml: 'not imported: Glassbox shows its own result page',
  locale: 'not imported: "default" texts are taken as English',
  checkErrorsMode: 'not imported: Glassbox checks answers itself',
  clearInvisibleValues: 'not imported: answers to hidden questions are kept; the template scoring decides whether they count',
  defaultValue: 'not imported: Glassbox questions start unanswered',
  enableIf: 'not imported: the question is always editable',
  requiredIf: 'not imported: only isRequired is carried over',
  validators: 'not imported: Glassbox checks answer types, number ranges and text lengths only',
  readOnly: 'not imported: the question is editable',
  placeholder: 'not imported: display only',
  rows: 'not imported: display only (Glassbox sizes text boxes itself)',
  colCount: 'not imported: display only',
  startWithNewLine: 'not imported: display only',
  width: 'not imported: display only',
  hasOther: 'not imported: no "other" choice with a free-text box',
  showOtherItem: 'not imported: no "other" choice with a free-text box',
  hasNone: 'not imported: no automatic "none" choice',
  showNoneItem: 'not imported: no automatic "none" choice',
  hasSelectAll: 'not imported: no "select all" choice',
  showSelectAllItem: 'not imported: no "select all" choice',
  choicesByUrl: 'not imported: choices must be listed in the file',
  choicesFromQuestion: 'not imported: choices must be listed in the file',
  valueTrue: 'not imported: a yes/no answer is stored as "yes" or "no"',
  valueFalse: 'not imported: a yes/no answer is stored as "yes" or "no"',
  correctAnswer: 'not imported: Glassbox does not grade quizzes',
  state: 'not imported: panels are flattened into their page',
  isRequired: 'not imported on a panel: mark its questions required instead',
};
