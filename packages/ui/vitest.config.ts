import { defineWarmpathDomVitestConfig } from '../../vitest.shared.js';

// Helpers and components: components render into happy-dom and are driven with Testing Library (clipboard,
// focus); layout in a real browser is covered by the Playwright suite against the built apps.
export default defineWarmpathDomVitestConfig();
