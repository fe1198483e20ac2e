import { describe, expect, test } from 'vitest';
import { dismissFailure, failure, failureText, operation } from '../../src/lib/failure.svelte';
import { setLocale } from '../../src/lib/i18n.svelte';
import { orderHits } from '../../src/library/library.svelte';
import type { SearchHit } from '../../src/lib/api';

describe('operations', () => {
  test('a failed call ends the operation, is shown once, and resolves to undefined', async () => {
    dismissFailure();
    let after = false;
    const run = operation(async () => {
      await Promise.reject({ kind: 'not_found', message: 'no article with id 9' });
      after = true;
      return 1;
    });
    expect(await run()).toBeUndefined();
    expect(after).toBe(false);
    expect(failure.shown).toEqual({ kind: 'not_found', message: 'no article with id 9' });
    expect(await operation(async () => 2)()).toBe(2);
  });

  test('a view may show its failures in place instead of the banner', async () => {
    dismissFailure();
    const seen: string[] = [];
    await operation(
      () => Promise.reject(new Error('boom')),
      (e) => seen.push(`${e.kind}: ${e.message}`),
    )();
    expect(seen).toEqual(['internal: Error: boom']);
    expect(failure.shown).toBeNull();
  });

  test('a failure is said in the interface language, by its reason', () => {
    const taken = {
      kind: 'invalid_input',
      message: 'a tag named "融资" already exists',
      reason: { code: 'tag_name_taken', name: '融资' },
    } as const;
    setLocale('zh');
    expect(failureText(taken)).toEqual({ text: '已有名为“融资”的标签', detail: null });
    setLocale('en');
    expect(failureText(taken)).toEqual({ text: 'a tag named "融资" already exists', detail: null });
  });

  test('a failure without a reason is said by its kind, with the core’s words as the detail', () => {
    const failed = { kind: 'database', message: 'database error: disk I/O error', reason: null } as const;
    setLocale('zh');
    expect(failureText(failed)).toEqual({ text: '文库数据库出错。', detail: 'database error: disk I/O error' });
    setLocale('en');
    expect(failureText(failed)).toEqual({ text: 'database error: disk I/O error', detail: null });
  });
});

describe('search results in another order', () => {
  const hit = (id: number, published: string | null, title: string, outlet: string | null): SearchHit => ({
    article: { id, title, outlet, authors: [], published, language: 'zh', format: 'text', file_name: null, char_count: 1, imported_at: `2025-03-0${id}T00:00:00Z` },
    snippet: [],
    score: 1,
  });
  const hits = [hit(1, '2025-01-05', 'b', 'X'), hit(2, null, 'a', null), hit(3, '2025-02', 'c', 'A'), hit(4, '2024', 'a', 'X')];
  const ids = (order: Parameters<typeof orderHits>[1]) => orderHits(hits, order).map((h) => h.article.id);

  test('relevance keeps the core’s order; dates newest first, names in order, unknowns last', () => {
    expect(ids('relevance')).toEqual([1, 2, 3, 4]);
    expect(ids('published')).toEqual([3, 1, 4, 2]);
    expect(ids('imported')).toEqual([4, 3, 2, 1]);
    expect(ids('title')).toEqual([2, 4, 1, 3]);
    expect(ids('outlet')).toEqual([3, 1, 4, 2]);
  });
});
