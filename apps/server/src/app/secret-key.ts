import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The key that encrypts plugin secrets. Production passes WARMPATH_SECRET_KEY (shared by every pod); embedded mode
 * generates one on first boot and keeps it beside the database, so secrets survive restarts without setup.
 */
export async function resolveSecretKey(options: {
  configured: string | undefined;
  dataDir: string;
}): Promise<string> {
  if (options.configured) return options.configured;
  const file = path.resolve(options.dataDir, 'secret.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // 0600: the key decrypts every stored plugin secret.
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return (await readFile(file, 'utf8')).trim();
}
