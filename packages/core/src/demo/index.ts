export { DEMO_TRACKS, type DemoProgram, seedDemoProgram } from './seed-demo-program.js';
