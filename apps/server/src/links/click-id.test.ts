import { describe, expect, it } from 'vitest';
import { newClickId } from './click-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('click ids', () => {
  it('are UUIDv7s carrying their time, unique across many draws (and pool refills)', () => {
    const ids = Array.from({ length: 5000 }, () => newClickId());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    const at = Date.UTC(2026, 5, 1);
    const id = newClickId(at);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('use every random digit, variant digit included', () => {
    const ids = Array.from({ length: 5000 }, () => newClickId(Date.UTC(2026, 5, 1)));
    const digitsAt = (position: number) => new Set(ids.map((id) => id.replaceAll('-', '').charAt(position)));
    expect(digitsAt(13).size).toBe(16);
    expect([...digitsAt(16)].sort()).toEqual(['8', '9', 'a', 'b']);
    for (const position of [14, 15, 17, 20, 25, 31]) expect(digitsAt(position).size).toBe(16);
  });

  it('sort by time', () => {
    expect(newClickId(1_000) < newClickId(2_000)).toBe(true);
    expect(newClickId(0xffff_ffff) < newClickId(0x1_0000_0000)).toBe(true);
  });
});
