import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Runtime } from '../app/runtime.js';

/**
 * Plugin health on `/metrics` (docs/plugins-engines-and-health.md "Metrics"): calls by outcome and their latency
 * per plugin, instance and extension point, answers the host refused, and each instance's state. Returns the
 * function that stops feeding the registry (call it when the app closes).
 */
export function registerPluginHealthMetrics(registry: Registry, runtime: Runtime): () => void {
  const calls = new Counter({
    name: 'warmpath_plugin_calls_total',
    help: 'Calls into plugin implementations by plugin, instance, extension point and outcome (ok or error)',
    labelNames: ['plugin', 'instance', 'point', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'warmpath_plugin_call_duration_seconds',
    help: 'Duration of calls into plugin implementations by plugin, instance and extension point',
    labelNames: ['plugin', 'instance', 'point'] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 1, 2.5, 10, 30],
    registers: [registry],
  });
  const rejections = new Counter({
    name: 'warmpath_plugin_rejected_answers_total',
    help: 'Plugin answers the host refused although the call returned (junk output, timeouts)',
    labelNames: ['plugin', 'instance', 'point'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'warmpath_plugin_instance_state',
    help: 'Each plugin instance state: 1 for the state it is in (ok, failing or disabled), 0 for the others',
    labelNames: ['plugin', 'instance', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const instance of runtime.pluginHealth.instances(runtime.pluginHost)) {
        for (const state of ['ok', 'failing', 'disabled'] as const) {
          this.set(
            { plugin: instance.plugin, instance: instance.instance, state },
            state === instance.state ? 1 : 0,
          );
        }
      }
    },
  });
  return runtime.pluginHealth.subscribe({
    call: ({ plugin, instance, point, outcome, durationSeconds }) => {
      calls.inc({ plugin, instance, point, outcome });
      duration.observe({ plugin, instance, point }, durationSeconds);
    },
    rejection: ({ plugin, instance, point }) => rejections.inc({ plugin, instance, point }),
  });
}
