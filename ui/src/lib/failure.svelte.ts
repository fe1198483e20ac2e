// Failures of calls to the core. Every view calls the core the same way: through an
// operation of its state module (made with `operation`), which stops at the first failed
// call and shows the failure in the app's one banner. Components and key handlers call
// operations and never catch.
import { asCoreError, type CoreError } from './api';


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

/** What went wrong, for the user. */
export function failureText(e: CoreError): string {
  return e.message;
}
