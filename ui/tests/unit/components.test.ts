import { afterEach, describe, expect, test } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Snippet from '../../src/library/Snippet.svelte';
import ImportPanel from '../../src/importing/ImportPanel.svelte';
import { setLocale } from '../../src/lib/i18n.svelte';
import type { ImportReport } from '../../src/lib/api';

let mounted: Record<string, any>[] = [];
afterEach(() => {
  mounted.forEach((m) => unmount(m));
  mounted = [];
  document.body.innerHTML = '';
});

function render<P extends Record<string, any>>(component: any, props: P): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted.push(mount(component, { target, props }));
  flushSync();
  return target;
}

describe('Snippet', () => {
  test('highlights hits and renders markup as text', () => {
    const el = render(Snippet, {
      parts: [
        { text: '市场规模约为', hit: false },
        { text: '1206亿元', hit: true },
        { text: '<img src=x onerror=alert(1)>', hit: false },
      ],
    });
    expect(el.querySelectorAll('mark')).toHaveLength(1);
    expect(el.querySelector('mark')!.textContent).toBe('1206亿元');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('ImportPanel', () => {
  test('shows progress while importing', () => {
    setLocale('en');
    const el = render(ImportPanel, {
      progress: { done: 1, total: 4, path: '/data/news/ai-chips.txt' },
      report: null,
      onclose: () => {},
      onopen: () => {},
    });
    expect(el.textContent).toContain('Importing 2 of 4');
    expect(el.querySelector('progress')!.getAttribute('value')).toBe('1');
    expect(el.textContent).toContain('ai-chips.txt');
  });

  test('lists every file with its outcome and the reason for failures', () => {
    setLocale('zh');
    const report: ImportReport = {
      outcomes: [
        { path: '/a/智谱.txt', status: 'imported', article_id: 1, title: '智谱AI完成融资', error: null },
        { path: '/a/dup.txt', status: 'duplicate', article_id: 1, title: '智谱AI完成融资', error: null },
        { path: '/a/empty.txt', status: 'failed', article_id: null, title: null, error: { kind: 'invalid_input', message: 'file is empty', reason: { code: 'empty_file' } } },
        {
          path: '/a/secret.txt',
          status: 'skipped',
          article_id: null,
          title: null,
          error: { kind: 'unsupported', message: 'a link to outside the folder', reason: { code: 'skipped_link_outside' } },
        },
      ],
      skipped: 2,
    };
    const opened: number[] = [];
    const el = render(ImportPanel, { progress: null, report, onclose: () => {}, onopen: (id: number) => opened.push(id) });
    expect(el.querySelector('[data-testid=import-summary]')!.textContent).toBe('导入 1 篇，已存在 1 篇，失败 1 个');
    const rows = [...el.querySelectorAll('[data-testid=import-outcome]')] as HTMLElement[];
    expect(rows.map((r) => r.dataset.status)).toEqual(['imported', 'duplicate', 'failed', 'skipped']);
    expect(rows[2].textContent).toContain('empty.txt');
    // The reason, in the interface's language.
    expect(rows[2].textContent).toContain('文件是空的');
    expect(rows[2].textContent).not.toContain('file is empty');
    expect(rows[3].textContent).toMatch(/已跳过.*secret\.txt.*链接指向文件夹之外/);
    expect(el.textContent).toContain('跳过 2 个');
    // The stored articles (new or already there) open from here; a failed file has nothing to open.
    const links = rows.map((r) => r.querySelector<HTMLButtonElement>('[data-testid=import-open]'));
    expect(links.map((l) => l !== null)).toEqual([true, true, false, false]);
    links[1]!.click();
    expect(opened).toEqual([1]);
  });
});
