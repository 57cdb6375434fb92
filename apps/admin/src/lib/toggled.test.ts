import { describe, expect, it } from 'vitest';
import { toggled } from './toggled.js';

describe('toggled', () => {
  it('adds a checked item once and removes an unchecked one, leaving the list given untouched', () => {
    const scopes = ['tracks:read'];
    expect(toggled(scopes, 'audit:read', true)).toEqual(['tracks:read', 'audit:read']);
    expect(toggled(scopes, 'tracks:read', true)).toEqual(['tracks:read']);
    expect(toggled(scopes, 'tracks:read', false)).toEqual([]);
    expect(scopes).toEqual(['tracks:read']);
  });
});
