import { parseHcpcsCode, type HcpcsCode } from "../hcpcsCode";
import type { Result } from "../result";

/** A whole number some exports write with a fraction: "99213.0". The fraction is no part of the code. */
const EXPORTED_WHOLE_NUMBER = /^\s*(\d+)\.0+\s*$/;

/** A code cell as the code rule reads it: "99213.0" (an export's whole number) is 99213. */
function codeOfCell(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const whole = EXPORTED_WHOLE_NUMBER.exec(value);
  return whole ? whole[1] : value;
}

/**
 * Reads a CPT/HCPCS code cell with the leading-zero rule of {@link parseHcpcsCode} (Excel drops the leading zeros
 * of a code typed as a number, so 110 is 00110, and a file re-saved by Excel writes "110"), and an export's
 * whole number "99213.0" as 99213. Codes inside an X12 file are exact text and are not read with this rule.
 * @example readHcpcsCodeCell(110) // { ok: true, value: "00110" }
 * @example readHcpcsCodeCell("99213.0") // { ok: true, value: "99213" }
 */
export function readHcpcsCodeCell(value: unknown): Result<HcpcsCode> {
  return parseHcpcsCode(codeOfCell(value));
}

/**
 * The digits of a code cell that lost its leading zeros ("110" for 110 or "110"), which {@link readHcpcsCodeCell}
 * restores; null when the cell kept them (or is no code of digits).
 * @example zerosLostFrom(110) // "110"
 * @example zerosLostFrom("99213") // null
 */
export function zerosLostFrom(value: unknown): string | null {
  const cell = codeOfCell(value);
  const digits = typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell.trim() : "";
  return /^\d{1,4}$/.test(digits) ? digits : null;
}
