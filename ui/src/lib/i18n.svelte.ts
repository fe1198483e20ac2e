// The interface language: follows the OS (navigator.languages) until the user picks one.
import type { Reason } from './bindings/Reason';
import { en, zh, zhReasons, type MessageKey } from './messages';

export type Locale = 'en' | 'zh';
const STORAGE_KEY = 'dossier.locale';
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, zh };

export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  const first = languages.find((l) => /^(zh|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function initial(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'zh' ? saved : systemLocale();
}

export const i18n = $state({ locale: initial() });

export function setLocale(locale: Locale) {
  i18n.locale = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(catalogs[i18n.locale][key], params);
}

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}

/** The core says its failures in English (their message); other languages word them by reason. */
const reasons: Partial<Record<Locale, Record<Reason['code'], string>>> = { zh: zhReasons };

/** What a failure of the core was, in the interface language, filled in with the reason's
    values; null where the core's own message says it. */
export function tReason(reason: Reason): string | null {
  const template = reasons[i18n.locale]?.[reason.code];
  if (!template) return null;
  // A value that is itself a reason (why a library is read-only) is worded in turn.
  const isReason = (v: unknown): v is Reason => typeof v === 'object' && v !== null && 'code' in v;
  const values = Object.entries(reason).map(([name, v]) => [name, isReason(v) ? tReason(v) : v]);
  return fill(template, Object.fromEntries(values));
}

/** Keys that come in a `.one` and an `.other` form, by their common stem. */
type Counted = MessageKey extends infer K ? (K extends `${infer Stem}.one` ? Stem : never) : never;

/** The message for `n` things: `stem.one` for exactly one, else `stem.other`, with `{count}`
    set to `n` as the language writes numbers and any other placeholders from `params`. */
export function tCount(stem: Counted, n: number, params: Record<string, string | number> = {}): string {
  return t(`${stem}.${n === 1 ? 'one' : 'other'}` as MessageKey, { ...params, count: formatCount(n) });
}

export function formatCount(n: number): string {
  return n.toLocaleString(i18n.locale === 'zh' ? 'zh-CN' : 'en');
}
