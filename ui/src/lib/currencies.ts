// Currencies to pick a fact's unit from: ISO 4217 codes as the platform knows them
// (Intl), named in the interface language, those of Chinese market news first.
import type { Locale } from './i18n.svelte';

const FIRST = ['CNY', 'USD', 'HKD', 'EUR', 'JPY', 'GBP', 'TWD'];

/**
 * Every currency code: those of Chinese market news, then the rest. `keep` (a fact's own
 * unit) leads the common ones if the platform does not know it.
 */
export function currencies(keep = ''): { common: string[]; other: string[] } {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const common = keep && !FIRST.includes(keep) && !all.includes(keep) ? [keep, ...FIRST] : FIRST;
  return { common, other: all.filter((c) => !FIRST.includes(c)) };
}

/** "CNY · 人民币", or the code alone where the platform has no name for it. */
export function currencyLabel(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale === 'zh' ? 'zh-CN' : 'en'], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}
