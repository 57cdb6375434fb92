import { defineWarmpathVitestConfig } from '../../vitest.shared.js';

// Every test file owns its databases and no module here keeps state, so files can share a worker. Sharing it
// compiles PGlite's WebAssembly once instead of once per file, which is most of this suite's run time.
export default defineWarmpathVitestConfig({ test: { isolate: false } });
