export { DEMO_SEEDED_ACTION, hasDemoData } from './demo.repository.js';
export { type DemoSeed, type DemoSeedDeps, seedDemo } from './seed-demo.js';
export { DEMO_NOTE_PREFIX, type DemoActivity } from './seed-demo-activity.js';
export { DEMO_TRACKS, type DemoProgram, seedDemoProgram } from './seed-demo-program.js';
