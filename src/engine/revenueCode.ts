import type { Brand } from "./brand";
import { fail, ok, type Result } from "./result";

/**
 * A UB-04 revenue code (NUBC; form locator 42), normalised to its four digits: "0278" (implants), "0450" (emergency
 * room), "0124" (psychiatric room and board). Hospital contracts price by it (per diems by level of care, revenue-code
 * rates, carve-outs; DOMAIN.md 3.1).
 */
export type RevenueCode = Brand<string, "RevenueCode">;

const REVENUE_CODE_PATTERN = /^\d{4}$/;

/** Why a cell or field is not a revenue code. */
export type RevenueCodeIssue =
  { readonly code: "revenueCodeMissing" } | { readonly code: "revenueCodeMalformed"; readonly value: string };

/**
 * Reads a revenue code from an Excel cell or a file field. Numbers and digit-only text of 1-3 digits are left-padded
 * to 4, because Excel drops the leading zero every revenue code below 1000 has (0278 becomes 278); text is trimmed.
 * @example parseRevenueCode(278) // { ok: true, value: "0278" }
 * @example parseRevenueCode(" 0450 ") // { ok: true, value: "0450" }
 */
export function parseRevenueCode(value: unknown): Result<RevenueCode, RevenueCodeIssue> {
  if (value === null || value === undefined) return fail({ code: "revenueCodeMissing" });
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1 || value > 9999)
      return fail({ code: "revenueCodeMalformed", value: String(value) });
    return ok(String(value).padStart(4, "0") as RevenueCode);
  }
  if (typeof value !== "string") return fail({ code: "revenueCodeMalformed", value: String(value) });
  const text = value.trim();
  if (text === "") return fail({ code: "revenueCodeMissing" });
  const padded = /^\d{1,3}$/.test(text) ? text.padStart(4, "0") : text;
  return REVENUE_CODE_PATTERN.test(padded) && padded !== "0000"
    ? ok(padded as RevenueCode)
    : fail({ code: "revenueCodeMalformed", value: text });
}

/** Whether `code` lies in the inclusive range `from`-`to` (four digits each, so text order is numeric order). */
export function revenueCodeInRange(code: RevenueCode, from: RevenueCode, to: RevenueCode): boolean {
  return code >= from && code <= to;
}
