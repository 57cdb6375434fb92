/**
 * Runs `step` and prints how long it took, so a slow end-to-end run says where its time went (the cost of this
 * test is part of every CI run).
 */
export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    console.log(`[create-plugin e2e] ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
