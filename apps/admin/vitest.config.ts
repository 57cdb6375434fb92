import { defineWarmpathVitestConfig } from '../../vitest.shared.js';

// Unit tests of pure helpers only; browser behaviour is covered by Playwright against the built app.
export default defineWarmpathVitestConfig({ test: { environment: 'node' } });
