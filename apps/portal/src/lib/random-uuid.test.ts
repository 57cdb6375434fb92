import { describe, expect, it } from 'vitest';
import { randomUuid } from './random-uuid.js';

describe('submission ids', () => {
  it('are version-4 UUIDs, as the server requires, and differ each time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomUuid()));
    expect(ids.size).toBe(50);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
