import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A private, throw-away `redis-server` (no persistence) that a test can kill and restart. */
export interface RedisServerProcess {
  readonly port: number;
  readonly url: string;
  /** SIGKILLs the server (a crash, not a shutdown) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts the server again on the same port; it comes back empty. */
  restart(): Promise<void>;
  /** Stops the server if it runs; safe to call twice. */
  stop(): Promise<void>;
}

/** Whether a `redis-server` binary is on PATH. */
export function isRedisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The tests that need a private server run when `redis-server` is installed; with `CI=true` its absence is an
 * error, otherwise they are skipped with a warning.
 */
export function canStartRedisServer(): boolean {
  if (isRedisServerInstalled()) return true;
  if (process.env.CI === 'true') throw new Error('CI=true but redis-server is not on PATH');
  console.warn('[warmpath] redis-server not on PATH: skipping tests that need a private Redis');
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start on port ${port}:\n${output}`)),
      10_000,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  child.stdout?.resume();
  child.removeAllListeners('exit');
  return child;
}

async function terminate(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/** Starts a private `redis-server` on a free loopback port. Stop it in `afterAll`/`finally`. */
export async function startRedisServer(): Promise<RedisServerProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: async () => {
      await terminate(child, 'SIGKILL');
      child = undefined;
    },
    restart: async () => {
      await terminate(child, 'SIGKILL');
      child = await launch(port);
    },
    stop: async () => {
      await terminate(child, 'SIGTERM');
      child = undefined;
    },
  };
}
