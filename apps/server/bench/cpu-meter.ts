import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds (user + system) spent during a measured stretch, by where they were spent. */
export interface CpuSpent {
  /** The thread running the servers' event loop. */
  serverThread: number;
  /** Threads started during the stretch: the load generator (autocannon's worker thread, one per run). */
  loadGenerator: number;
  /**
   * The bench process's other threads, alive before and after: the click writer thread, V8's garbage-collector and
   * compiler helpers, libuv's pool.
   */
  helperThreads: number;
  /** Every Postgres process on the machine (the bench's database server). */
  postgres: number;
}

/** CPU milliseconds so far (see {@link sampleCpu}). */
export interface CpuSample {
  serverThread: number;
  /** All threads of the process, ended ones included. */
  process: number;
  /** Each live thread other than the server thread, by thread id. */
  threads: Map<string, number>;
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
 * Where CPU went so far, read from Linux's /proc (undefined elsewhere). The event loop's busy time also counts the
 * time its thread was runnable but waiting for a core (Postgres, the load generator and the click writer share the
 * machine's cores with it); its CPU time does not.
 */
export function sampleCpu(): CpuSample | undefined {
  try {
    const main = String(process.pid);
    const threads = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid !== main) threads.set(tid, cpuMsOf(`/proc/self/task/${tid}/stat`));
    }
    return {
      serverThread: cpuMsOf(`/proc/self/task/${main}/stat`),
      process: cpuMsOf('/proc/self/stat'),
      threads,
      postgres: postgresCpuMs(),
    };
  } catch {
    return undefined;
  }
}

/**
 * The CPU spent between two samples. A thread alive at both is a helper; the rest of the process's time was spent
 * by threads that started (and maybe ended) in between: the load generator, whose ended worker Linux folds into the
 * process's total.
 */
export function cpuBetween(
  before: CpuSample | undefined,
  after: CpuSample | undefined,
): CpuSpent | undefined {
  if (!before || !after) return undefined;
  let helperThreads = 0;
  for (const [tid, ms] of after.threads) {
    const earlier = before.threads.get(tid);
    if (earlier !== undefined) helperThreads += ms - earlier;
  }
  const serverThread = after.serverThread - before.serverThread;
  return {
    serverThread,
    loadGenerator: after.process - before.process - serverThread - helperThreads,
    helperThreads,
    postgres: after.postgres - before.postgres,
  };
}
