import { execFile } from 'node:child_process';

/** The environment of a child process: this one's, minus what would leak the parent run into it. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VITEST*: a nested Vitest would think it runs inside this worker. npm_*: the settings of the pnpm run that
    // started this test (its directory, its package) must not steer a pnpm run in another folder.
    if (key.startsWith('VITEST') || key.startsWith('npm_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command to completion; a failure throws with everything it printed, so the test report shows why. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: childEnv(options.env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const shown = [command, ...args].join(' ');
          reject(new Error(`${shown} failed in ${options.cwd}:\n${stdout}\n${stderr}`, { cause: error }));
        } else {
          resolve(`${stdout}${stderr}`);
        }
      },
    );
  });
}
