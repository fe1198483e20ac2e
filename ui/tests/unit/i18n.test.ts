import { describe, expect, test } from 'vitest';
import { en, zh } from '../../src/lib/messages';
import { i18n, setLocale, systemLocale, t, tCount } from '../../src/lib/i18n.svelte';

describe('i18n', () => {
  test('follows the first Chinese or English OS language', () => {
    expect(systemLocale(['zh-CN', 'en-US'])).toBe('zh');
    expect(systemLocale(['zh-Hans'])).toBe('zh');
    expect(systemLocale(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(systemLocale(['de-DE'])).toBe('en');
  });

  test('every message has both languages with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(zh[key], key).toBeTruthy();
      expect(names(zh[key]), key).toEqual(names(en[key]));
    }
  });

  test('fills placeholders and switches language', () => {
    setLocale('en');
    expect(t('search.results.other', { count: 3, query: '芯片' })).toBe('3 results for “芯片”');
    setLocale('zh');
    expect(i18n.locale).toBe('zh');
    expect(t('search.results.other', { count: 3, query: '芯片' })).toBe('“芯片”共 3 条结果');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('dossier.locale')).toBe('zh');
  });

  test('counts take the singular for exactly one and write numbers as the language does', () => {
    setLocale('en');
    expect(tCount('library.count', 1)).toBe('1 article');
    expect(tCount('library.count', 0)).toBe('0 articles');
    expect(tCount('library.count', 100000)).toBe('100,000 articles');
    expect(tCount('search.results', 1, { query: 'DeepSeek' })).toBe('1 result for “DeepSeek”');
    setLocale('zh');
    expect(tCount('library.count', 1)).toBe('1 篇文章');
  });

  test('one word for one thing: a collection is 文集 wherever either language names it', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    const naming = keys.filter((k) => /collection/i.test(en[k]));
    expect(naming.length).toBeGreaterThan(3);
    for (const key of naming) expect(zh[key], key).toMatch(/文集/);
    for (const key of keys) expect(zh[key], key).not.toMatch(/收藏夹|合集|专辑/);
  });

  test('the outlet menu and the collection list name what they hold', () => {
    expect(zh['library.allOutlets']).not.toBe(zh['library.all']);
    expect(en['library.allOutlets']).toMatch(/outlets/);
  });
});
