// Failures of calls to the core. Every view calls the core the same way: through an
// operation of its state module (made with `operation`), which stops at the first failed
// call and shows the failure in the app's one banner. Components and key handlers call
// operations and never catch.
import { asCoreError, type CoreError } from './api';
import { i18n, t, tReason } from './i18n.svelte';


export const failure = $state({ shown: null as CoreError | null });

export function showFailure(e: unknown): void {
  failure.shown = asCoreError(e);
}

export function dismissFailure(): void {
  failure.shown = null;
}

/**
 * An operation of a view: `run` calls the core; a failure ends it, is shown (in the banner,
 * or by `show` where a view shows it next to what it concerns), and the operation resolves
 * to undefined. Operations call ./api, never one another.
 */
export function operation<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
  show: (failure: CoreError) => void = showFailure,
): (...args: A) => Promise<R | undefined> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (e) {
      show(asCoreError(e));
      return undefined;
    }
  };
}

/**
 * What went wrong, in the interface language: the reason the core gave, worded in that
 * language; else the core's message where the interface is English too; else (a failure
 * without a reason: a bug, SQLite) what kind of failure it was, with the core's words as
 * the detail.
 */
export function failureText(e: CoreError): { text: string; detail: string | null } {
  const said = e.reason ? tReason(e.reason) : null;
  if (said) return { text: said, detail: null };
  if (i18n.locale === 'en') return { text: e.message, detail: null };
  return { text: t(`error.kind.${e.kind}`), detail: e.message };
}
