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

  test('a library in trouble is said in Chinese with the paths it names', () => {
    setLocale('zh');
    const damaged = {
      kind: 'damaged',
      message: 'the library is damaged (database disk image is malformed), so it is open read-only; …',
      reason: {
        code: 'damaged_read_only',
        detail: 'database disk image is malformed',
        library: '/data/library.sqlite',
        backup: '/data/backups/library-manual.sqlite',
      },
    } as const;
    expect(failureText(damaged).text).toBe(
      '文库已损坏（database disk image is malformed），因此以只读方式打开；如要恢复最新的备份，请关闭 Dossier，' +
        '用 /data/backups/library-manual.sqlite 覆盖 /data/library.sqlite，并删除 /data/library.sqlite-wal 和 /data/library.sqlite-shm',
    );
    // A reason inside a reason (why the library is read-only) is worded in turn.
    const older = {
      kind: 'read_only',
      message: 'the library is read-only: /data/library.sqlite is not writable; its schema (1) is older …',
      reason: { code: 'older_library_read_only', why: { code: 'library_file_not_writable', path: '/data/library.sqlite' }, found: 1, known: 5 },
    } as const;
    expect(failureText(older)).toEqual({
      text: '文库为只读：/data/library.sqlite 不可写入；其结构版本（1）低于本版本（5），须以可写方式打开一次才能升级',
      detail: null,
    });
    setLocale('en');
    expect(failureText(older).text).toBe(older.message);
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
