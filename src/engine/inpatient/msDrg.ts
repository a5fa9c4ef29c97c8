import type { Brand } from "../brand";
import { fail, ok, type Result } from "../result";
import type { InpatientIssue } from "./issues";

/**
 * An MS-DRG (Medicare Severity Diagnosis Related Group; CMS's grouper assigns one per inpatient stay), normalised to
 * its three digits as CMS's Table 5 writes it: "470", "039". DRGs run from 001 to 999.
 */
export type MsDrg = Brand<string, "MsDrg">;

/**
 * Reads an MS-DRG from a cell or a file field: a number or digit text of 1-3 digits, left-padded to 3 because Excel
 * drops the leading zeros ("39" and 39 are DRG 039); "470.0" (a number written by another tool) reads as 470.
 * @example parseMsDrg(39) // { ok: true, value: "039" }
 * @example parseMsDrg(" 470 ") // { ok: true, value: "470" }
 */
export function parseMsDrg(value: unknown): Result<MsDrg, InpatientIssue> {
  if (value === null || value === undefined) return fail({ code: "msDrgMissing" });
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : null;
  if (text === null) return fail({ code: "msDrgMalformed", value: String(value) });
  if (text === "") return fail({ code: "msDrgMissing" });
  const match = /^(?:MS-?DRG\s*)?(\d{1,3})(?:\.0+)?$/i.exec(text);
  const digits = match?.[1];
  if (digits === undefined || Number(digits) === 0) return fail({ code: "msDrgMalformed", value: text });
  return ok(digits.padStart(3, "0") as MsDrg);
}
