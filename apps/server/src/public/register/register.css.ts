/**
 * Styles of the register pages on top of public.css: the search form, result cards, facts,
 * pagination, notices. Served at REGISTER_CSS_PATH and linked from the pages' main content.
 * Colours keep WCAG 2.2 AA contrast; focus is always visible; form controls are at least 44px high.
 */
import { createHash } from 'node:crypto';

export const REGISTER_CSS_PATH = '/assets/register.css';

export const REGISTER_CSS = `
.register-search { border: 1px solid #b1b4b6; padding: 1rem; margin: 0 0 2rem; }
.register-search fieldset { border: 0; margin: 0; padding: 0; }
.register-search legend { font-weight: 700; font-size: 1.25rem; margin-bottom: 0.5rem; }
.register-field { margin-bottom: 1rem; }
.register-field label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.register-field .hint { display: block; color: #484f52; margin-bottom: 0.25rem; }
.register-field input, .register-field select {
  font: inherit; min-height: 2.75rem; padding: 0.25rem 0.5rem; border: 2px solid #0b0c0c; border-radius: 0;
  background: #ffffff; color: #0b0c0c; width: 100%; max-width: 30rem; box-sizing: border-box;
}
.register-filters { display: grid; gap: 0 1rem; }
.register-actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.register-button {
  font: inherit; font-weight: 700; min-height: 2.75rem; padding: 0.5rem 1rem; border: 2px solid #14532d;
  background: #166534; color: #ffffff; cursor: pointer;
}
.register-button:hover { background: #14532d; }
.register-search input:focus, .register-search select:focus, .register-button:focus {
  outline: 3px solid #fd0; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c;
}
.register-list { list-style: none; padding: 0; }
.register-list > li { border-top: 1px solid #b1b4b6; padding: 1rem 0; }
.register-list h3 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.register-list p { margin: 0 0 0.5rem; }
.register-meta { color: #484f52; display: flex; flex-wrap: wrap; gap: 0 1.5rem; list-style: none; padding: 0; margin: 0; }
.register-meta li { margin: 0; }
.register-pagination ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.register-facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0 0 1.5rem; }
.register-facts dt { font-weight: 700; }
.register-facts dd { margin: 0; }
.register-notice { border-left: 0.5rem solid #1d4ed8; background: #eff6ff; padding: 1rem; }
.register-history { padding-left: 0; list-style: none; }
.register-history h3 { font-size: 1.125rem; margin: 1rem 0 0.25rem; }
.register-back { margin-bottom: 1rem; }
.open-data dt { font-weight: 700; margin-top: 1rem; }
.open-data dd { margin: 0; }
@media (min-width: 48rem) {
  .register-filters { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media print {
  .register-search, .register-pagination, .register-back { display: none !important; }
  .register-notice { border: 1pt solid #000000; background: none; }
}
`;

export const REGISTER_CSS_ETAG = `"${createHash('sha256').update(REGISTER_CSS).digest('base64url').slice(0, 22)}"`;
