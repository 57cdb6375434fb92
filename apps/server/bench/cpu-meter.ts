import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds (user + system) so far, by where they were spent. */
export interface CpuSample {
  /** The thread running the servers' event loop. */
  serverThread: number;
  /**
   * The bench process's other threads: the load generator (an autocannon worker), the click writer thread, V8's
   * garbage-collector and compiler helpers, libuv's pool.
   */
  otherThreads: number;
  /** Every Postgres process on the machine (the bench's database server). */
  postgres: number;
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux.

/** utime + stime of a /proc stat file, in ms; 0 when it cannot be read (the process ended). */
function cpuMsOf(statPath: string): number {
  try {
    const fields = readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return 0;
  }
}

function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += cpuMsOf(`/proc/${entry}/stat`);
  }
  return total;
}

/**
 * Where CPU went, read from Linux's /proc (undefined elsewhere). The event loop's busy time also counts the time
 * its thread was runnable but waiting for a core (Postgres, the load generator and the click writer share the
 * machine's cores with it); its CPU time does not.
 */
export function sampleCpu(): CpuSample | undefined {
  try {
    const serverThread = cpuMsOf(`/proc/self/task/${process.pid}/stat`);
    return {
      serverThread,
      otherThreads: cpuMsOf('/proc/self/stat') - serverThread,
      postgres: postgresCpuMs(),
    };
  } catch {
    return undefined;
  }
}

/** The CPU spent between two samples. */
export function cpuBetween(
  before: CpuSample | undefined,
  after: CpuSample | undefined,
): CpuSample | undefined {
  if (!before || !after) return undefined;
  return {
    serverThread: after.serverThread - before.serverThread,
    otherThreads: after.otherThreads - before.otherThreads,
    postgres: after.postgres - before.postgres,
  };
}
