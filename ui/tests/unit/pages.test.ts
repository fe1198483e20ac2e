import { describe, expect, test } from 'vitest';
import { PagedRows, visibleRange } from '../../src/library/pages';

describe('visibleRange', () => {
  test('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 640, 64, 100_000, 10)).toEqual([0, 20]);
    expect(visibleRange(64 * 1000, 640, 64, 100_000, 10)).toEqual([990, 1020]);
    expect(visibleRange(64 * 99_995, 640, 64, 100_000, 10)).toEqual([99_985, 99_999]);
  });
  test('is empty for an empty list', () => {
    expect(visibleRange(0, 640, 64, 0)).toEqual([0, -1]);
  });
});

describe('PagedRows', () => {
  test('fetches each page once, only where asked', async () => {
    const fetched: [number, number][] = [];
    let loaded = 0;
    const rows = new PagedRows<number>(
      async (offset, limit) => {
        fetched.push([offset, limit]);
        return Array.from({ length: limit }, (_, i) => offset + i);
      },
      () => loaded++,
      100,
    );
    expect(rows.get(5)).toBeUndefined();
    await Promise.all([rows.ensure(90, 130), rows.ensure(95, 105)]);
    expect(fetched).toEqual([
      [0, 100],
      [100, 100],
    ]);
    expect(loaded).toBe(2);
    expect(rows.get(130)).toBe(130);
    await rows.ensure(50_000, 50_010);
    expect(fetched.at(-1)).toEqual([50_000, 100]);
    expect(rows.loadedPages).toBe(3);
  });

  test('retries a page whose fetch failed', async () => {
    let fail = true;
    const rows = new PagedRows<number>(
      async () => {
        if (fail) throw new Error('offline');
        return [1, 2, 3];
      },
      () => {},
      3,
    );
    await expect(rows.ensure(0, 2)).rejects.toThrow('offline');
    fail = false;
    await rows.ensure(0, 2);
    expect(rows.get(1)).toBe(2);
  });
});
