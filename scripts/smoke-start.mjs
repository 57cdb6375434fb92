#!/usr/bin/env node
// The one-command start, checked end to end the way a newcomer runs it: `pnpm start` (build + serve, embedded PGlite,
// in-process jobs) in a fresh data directory. Asserts /healthz answers within 90 s, the admin console and portal load,
// the printed demo credentials sign in, the demo program holds referrals in every stage, and data written through
// the API survives a restart.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const HEALTH_DEADLINE_MS = 90_000;
const root = path.resolve(import.meta.dirname, '..');
const apiKey = `wp_smoke_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function start(env) {
  const child = spawn('pnpm', ['start'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

async function waitForHealth(base, server) {
  const started = Date.now();
  while (Date.now() - started < HEALTH_DEADLINE_MS) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.status === 200) return Date.now() - started;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`/healthz did not answer 200 within ${HEALTH_DEADLINE_MS / 1000} s:\n${server.output()}`);
}

/** Every process below `pid` (pnpm runs scripts in process groups of their own, so a group signal misses them). */
function descendants(pid) {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when the process has no children
  }
  const children = listing
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => child > 0);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function signalAll(server, signal) {
  for (const pid of [server.child.pid, ...descendants(server.child.pid)].reverse()) {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

async function stop(server) {
  // SIGTERM as a process manager sends it: the server must drain and exit on its own.
  signalAll(server, 'SIGTERM');
  // 'close' fires once every process holding the output pipes (pnpm, turbo, the server) has exited.
  await new Promise((resolve) => server.child.on('close', resolve));
  const output = server.output();
  if (!output.includes('"msg":"shutting down"') || /shutdown failed|took too long/.test(output)) {
    throw new Error(`server did not shut down cleanly:\n${output}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(`smoke: ${message}`);
  console.log(`  ok  ${message}`);
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'warmpath-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: base,
  WARMPATH_DATA_DIR: dataDir,
  WARMPATH_BOOTSTRAP_API_KEY: apiKey,
  LOG_LEVEL: 'info',
  DATABASE_URL: '',
  REDIS_URL: '',
};
const api = (url, init = {}) =>
  fetch(`${base}${url}`, {
    ...init,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...init.headers },
  });

let server;
try {
  console.log('smoke: pnpm start in a fresh data directory');
  server = start(env);
  const firstBootMs = await waitForHealth(base, server);
  check(true, `/healthz answered 200 ${(firstBootMs / 1000).toFixed(1)} s after pnpm start (limit 90 s)`);

  for (const app of ['admin', 'portal']) {
    const res = await fetch(`${base}/${app}/`);
    const html = await res.text();
    check(res.status === 200 && html.includes('<div id="root">'), `/${app}/ serves the ${app} app`);
    const asset = /src="(\/[^"]+\.js)"/.exec(html)?.[1];
    const script = asset ? await fetch(`${base}${asset}`) : undefined;
    check(script?.status === 200 && (await script.text()).length > 0, `/${app}/ script ${asset} loads`);
  }

  await new Promise((r) => setTimeout(r, 200));
  const credentials = /email\s+(\S+@\S+)\s+password\s+(\S+)/.exec(server.output());
  check(credentials, 'the first boot prints demo sign-in credentials');
  const signIn = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials[1], password: credentials[2] }),
  });
  check(
    signIn.status === 200 && /wp_staff_session=/.test(signIn.headers.get('set-cookie') ?? ''),
    'the printed credentials sign in',
  );

  const tracks = await (await api('/api/v1/tracks')).json();
  check(
    ['clients', 'partners', 'employees'].every((slug) => tracks.data.some((t) => t.slug === slug)),
    'the demo program has the Clients, Partners and Employees tracks',
  );
  const referrals = await (await api('/api/v1/referrals?limit=200')).json();
  check(
    new Set(referrals.data.map((referral) => referral.status)).size === 8,
    'the demo program holds referrals in all 8 stages',
  );
  const created = await api('/api/v1/tracks', {
    method: 'POST',
    body: JSON.stringify({
      slug: 'smoke-restart',
      name: 'Smoke',
      kind: 'custom',
      landingUrl: 'https://example.com/smoke',
    }),
  });
  await created.text();
  check(created.status === 201, 'a track created through the REST API (201)');
  await stop(server);

  server = start(env);
  const secondBootMs = await waitForHealth(base, server);
  check(true, `restarted; /healthz in ${(secondBootMs / 1000).toFixed(1)} s`);
  const kept = await api('/api/v1/tracks/smoke-restart');
  check(kept.status === 200 && (await kept.json()).name === 'Smoke', 'the track survived the restart');
  check(!/email\s+\S+@\S+\s+password\s+\S+/.test(server.output()), 'the demo password is not printed again');
  await stop(server);
  server = undefined;
  console.log('smoke: passed');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (server) signalAll(server, 'SIGKILL');
  process.exitCode = 1;
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
