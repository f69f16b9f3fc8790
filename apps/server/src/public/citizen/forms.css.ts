/**
 * Styles of the public forms and status pages (added to the public stylesheet by public.css.ts).
 * Colours: error #b10e1e on #ffffff 7.0:1; success border #00703c; inputs have a 2px #0b0c0c border
 * (contrast 19.6:1 against white, WCAG 1.4.11). Targets are at least 44px high (WCAG 2.5.8).
 */
export const FORMS_CSS = `
.field { margin: 0 0 1.5rem; }
.field--error { border-left: 5px solid #b10e1e; padding-left: 0.75rem; }
.field__label { display: block; font-weight: 700; margin: 0 0 0.25rem; }
.field__hint { color: #484f52; margin: 0 0 0.5rem; }
.field__error { color: #b10e1e; font-weight: 700; margin: 0 0 0.5rem; }
.fieldset { border: 0; margin: 0 0 1.5rem; padding: 0; min-width: 0; }
.fieldset > legend { padding: 0; }
.input, .textarea, .select {
  display: block;
  width: 100%;
  max-width: 36rem;
  min-height: 2.75rem;
  font: inherit;
  padding: 0.375rem 0.5rem;
  border: 2px solid #0b0c0c;
  border-radius: 0;
  background: #ffffff;
  color: #0b0c0c;
}
.field--error .input, .field--error .textarea, .field--error .select { border-color: #b10e1e; }
.radio { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 0.5rem; margin: 0 0 0.5rem; min-height: 2.75rem; }
.radio input { width: 1.5rem; height: 1.5rem; margin: 0.25rem 0 0; flex: none; }
.radio label { flex: 1; padding-top: 0.125rem; }
.radio__hint { flex-basis: 100%; margin-left: 2rem; }
.button {
  display: inline-block;
  min-height: 2.75rem;
  padding: 0.5rem 1.25rem;
  font: inherit;
  font-weight: 700;
  color: #ffffff;
  background: #00703c;
  border: 2px solid transparent;
  border-bottom: 3px solid #002d18;
  cursor: pointer;
}
.button:hover { background: #005a30; }
.button:focus { outline: 3px solid #0b0c0c; background: #ffdd00; color: #0b0c0c; }
.input:focus, .textarea:focus, .select:focus, .radio input:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
.error-summary { border: 5px solid #b10e1e; padding: 1rem; margin: 0 0 2rem; }
.error-summary h2 { margin-top: 0; font-size: 1.375rem; }
.error-summary ul { margin-bottom: 0; padding-left: 1.25rem; }
.error-summary a, .error-summary a:visited { color: #b10e1e; font-weight: 700; }
.error-summary:focus { outline: 3px solid #ffdd00; }
.honeypot { position: absolute !important; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }
.notice { border-left: 5px solid #1d4ed8; padding: 0.5rem 1rem; background: #f3f2f1; }
.notice--success { border-left-color: #00703c; }
.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.history { padding-left: 1.25rem; }
.preserve-lines { white-space: pre-line; }
.action-list { padding-left: 1.25rem; }
.action-list li { margin-bottom: 0.5rem; }
@media print {
  .honeypot, form .button { display: none !important; }
}
`;
