import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, isWarmpathPlugin } from './define-plugin.js';

describe('definePlugin', () => {
  it('types ctx.config and ctx.settings from the schemas', () => {
    const plugin = definePlugin({
      id: 'typed',
      version: '1.0.0',
      sdk: '^1',
      configSchema: z.object({ region: z.enum(['eu', 'us']).default('eu') }),
      settingsSchema: z.object({ threshold: z.number().default(3), labels: z.array(z.string()).default([]) }),
      register(ctx) {
        expectTypeOf(ctx.config.region).toEqualTypeOf<'eu' | 'us'>();
        expectTypeOf(ctx.settings.threshold).toEqualTypeOf<number>();
        expectTypeOf(ctx.settings.labels).toEqualTypeOf<string[]>();
        // @ts-expect-error: settings have no such field.
        ctx.settings.missing;
      },
    });
    expect(plugin.displayName).toBe('typed');
  });

  it('marks the plugin so hosts recognise module default exports, and freezes it', () => {
    const plugin = definePlugin({
      id: 'marked',
      version: '1.0.0',
      sdk: '^1',
      configSchema: z.object({}),
      settingsSchema: z.object({}),
      register() {},
    });
    expect(isWarmpathPlugin(plugin)).toBe(true);
    expect(isWarmpathPlugin({ ...plugin })).toBe(true);
    expect(isWarmpathPlugin({ id: 'marked', register() {} })).toBe(false);
    expect(isWarmpathPlugin(null)).toBe(false);
    expect(Object.isFrozen(plugin)).toBe(true);
  });
});
