import { defineWarmpathVitestConfig } from '../../vitest.shared.js';

export default defineWarmpathVitestConfig();
