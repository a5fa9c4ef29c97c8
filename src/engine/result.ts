import type { EngineIssue } from "./issues";

/** Success or an expected failure, as a value (STYLE.md "two error channels"): only bugs throw. */
export type Result<T, E = EngineIssue> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: E };

/** Wraps a value as a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps an issue as a failure. */
export function fail<E>(issue: E): { readonly ok: false; readonly issue: E } {
  return { ok: false, issue };
}
