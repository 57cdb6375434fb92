/**
 * A Node script that loads a built plugin the way the server does: `createPluginHost` from the packed SDK, with
 * the in-memory ports of `@warmpath/plugin-sdk/testing`, then `resolveAll()`. It prints each plugin's id and instances
 * (status and implementation keys) as JSON.
 */
export function loadCheckScript(settings: Record<string, unknown>): string {
  return `import { createPluginHost } from '@warmpath/plugin-sdk';
import {
  FakeClock,
  InMemoryCoreServices,
  InMemoryCredentialVault,
  InMemoryJobQueue,
  InMemoryKvStoreProvider,
  loopbackOnlyFetch,
  RecordingLogger,
} from '@warmpath/plugin-sdk/testing';
import plugin from './dist/index.js';

const clock = new FakeClock();
const host = createPluginHost({
  ports: {
    logger: new RecordingLogger(),
    http: loopbackOnlyFetch,
    clock,
    kv: new InMemoryKvStoreProvider(clock),
    credentials: new InMemoryCredentialVault(),
    jobs: new InMemoryJobQueue(clock, 1),
    settings: { get: () => (${JSON.stringify(settings)}) },
    services: new InMemoryCoreServices(),
  },
  plugins: [{ plugin }],
});
host.resolveAll();
console.log(JSON.stringify(host.plugins().map(({ id, instances }) => ({ id, instances }))));
`;
}
