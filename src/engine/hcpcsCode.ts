import type { Brand } from "./brand";
import { fail, ok, type Result } from "./result";

/** A CPT (HCPCS Level I) or HCPCS Level II code, normalised: five characters, upper case ("99213", "0001F", "J1100"). */
export type HcpcsCode = Brand<string, "HcpcsCode">;

/**
 * CPT Category I (5 digits), Category II/III, PLA and MAAA codes (4 digits + F, T, U or M), HCPCS Level II
 * (a letter + 4 digits). Source: AMA CPT code structure; CMS HCPCS Level II; the HCPCS column of PPRRVU.
 */
const HCPCS_PATTERN = /^(\d{5}|\d{4}[FTUM]|[A-Z]\d{4})$/;

/**
 * Reads a CPT/HCPCS code from an Excel cell or a file field.
 * Numbers and digit-only text of 1-4 digits are left-padded to 5, because Excel drops the leading zeros of
 * anesthesia and Category I codes (00100 becomes 100); text is trimmed and upper-cased ("j1100 " -> "J1100").
 * @example parseHcpcsCode(110) // { ok: true, value: "00110" }
 * @example parseHcpcsCode("0001f") // { ok: true, value: "0001F" }
 */
export function parseHcpcsCode(value: unknown): Result<HcpcsCode> {
  if (value === null || value === undefined) return fail({ code: "hcpcsCodeMissing" });
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1 || value > 99999)
      return fail({ code: "hcpcsCodeMalformed", value: String(value) });
    return ok(String(value).padStart(5, "0") as HcpcsCode);
  }
  if (typeof value !== "string") return fail({ code: "hcpcsCodeMalformed", value: String(value) });
  const text = value.trim().toUpperCase();
  if (text === "") return fail({ code: "hcpcsCodeMissing" });
  const padded = /^\d{1,4}$/.test(text) ? text.padStart(5, "0") : text;
  return HCPCS_PATTERN.test(padded)
    ? ok(padded as HcpcsCode)
    : fail({ code: "hcpcsCodeMalformed", value: value.trim() });
}
