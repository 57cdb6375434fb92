import { readFile, writeFile } from 'node:fs/promises';
import { injectConfigTable } from './config-docs.js';

/** `pnpm --filter @warmpath/server docs:config` regenerates the table in docs/configuration.md and README.md. */
for (const file of ['../../docs/configuration.md', '../../README.md']) {
  const url = new URL(`../../${file}`, import.meta.url);
  const before = await readFile(url, 'utf8');
  await writeFile(url, injectConfigTable(before));
  process.stdout.write(`updated ${file}\n`);
}
