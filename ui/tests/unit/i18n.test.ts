import { describe, expect, test } from 'vitest';
import { en, zh } from '../../src/lib/messages';
import { i18n, setLocale, systemLocale, t } from '../../src/lib/i18n.svelte';

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
    expect(t('library.count', { count: 3 })).toBe('3 articles');
    setLocale('zh');
    expect(i18n.locale).toBe('zh');
    expect(t('library.count', { count: 3 })).toBe('3 篇文章');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('dossier.locale')).toBe('zh');
  });
});
