import { defineWarmpathDomVitestConfig } from '../../vitest.shared.js';

// Helpers and components: components render into happy-dom and are driven with Testing Library. Whole pages in a
// real browser are covered by the Playwright suite against the built app.
export default defineWarmpathDomVitestConfig();
