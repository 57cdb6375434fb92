export { type PluginWriter, PluginWrites, type PluginWritesDeps, pluginActor } from './plugin-writes.js';
