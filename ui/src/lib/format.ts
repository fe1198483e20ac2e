import type { ArticleSummary } from './api';
import { formatCount, t } from './i18n.svelte';

export function languageName(code: string): string {
  return code === 'zh' ? t('lang.zh') : code === 'en' ? t('lang.en') : t('lang.und');
}

/** "Outlet · 2025-02-14 · Chinese · 1,234 characters", skipping what is unknown. */
export function articleMeta(a: ArticleSummary): string {
  return [a.outlet, a.published ?? t('article.undated'), languageName(a.language), t('article.chars', { count: formatCount(a.char_count) })]
    .filter(Boolean)
    .join(' · ');
}

/** The file name of a path, whichever separator the OS uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
