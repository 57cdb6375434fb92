import { defineWarmpathVitestConfig } from '../../vitest.shared.js';

// Pure helpers and components rendered to static HTML (react-dom/server): no DOM needed. Behaviour in a browser
// (focus, clipboard, navigation) is covered by the Playwright suite against the built app.
export default defineWarmpathVitestConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
