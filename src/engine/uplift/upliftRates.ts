import { isBlankCell, percentText, readFraction } from "../cellValues";
import type { Decimal } from "../decimal";
import { fail, ok, type Result } from "../result";
import type { UpliftIssue } from "./issues";
import { UPLIFT_CODES, type UpliftCode, type UpliftCodeKind } from "./upliftCodes";

/**
 * The `uplift` of a scenario as the user gave it: one fraction for every code, or table rows of (code, fraction)
 * where a `*` code is the default for codes the table does not list.
 */
export type UpliftInput =
  | { readonly kind: "flat"; readonly fraction: unknown }
  | { readonly kind: "byCode"; readonly rows: readonly (readonly unknown[])[] };

/** Uplift fractions by code, read and checked; a code absent from `byCode` takes `defaultFraction`. */
export interface UpliftRates {
  readonly byCode: ReadonlyMap<UpliftCode, Decimal>;
  /** The `*` row, or the single fraction; null when codes outside the table get no uplift. */
  readonly defaultFraction: Decimal | null;
}

/** The code that marks the default row of an uplift table. */
export const DEFAULT_UPLIFT_CODE = "*";

/**
 * Reads an uplift: a fraction (5% = 0.05; "5%" text too) of -1 or more, or a table of (code, fraction) rows with an
 * optional `*` row as the default. Blank table rows are skipped; codes are read as `kind` (HCPCS by default) and
 * normalised like the claims' codes (99213, "99213", 110 -> "00110"; DRG 39 -> "039"); a code listed twice with the same fraction is harmless, with different fractions
 * it is an issue naming both rows.
 * @example readUpliftRates({ kind: "byCode", rows: [[99213, 0.05], ["*", 0.03]] })
 */
export function readUpliftRates(input: UpliftInput, kind: UpliftCodeKind = "hcpcs"): Result<UpliftRates, UpliftIssue> {
  if (input.kind === "flat") {
    const fraction = checkedFraction(input.fraction, null, null);
    return fraction.ok ? ok({ byCode: new Map(), defaultFraction: fraction.value }) : fraction;
  }
  const byCode = new Map<UpliftCode, Decimal>();
  const readCode = UPLIFT_CODES[kind].read;
  const rowOf = new Map<string, number>();
  let defaultFraction: Decimal | null = null;
  for (let index = 0; index < input.rows.length; index++) {
    const row = index + 1;
    const [rawCode, rawFraction] = input.rows[index] ?? [];
    if (isBlankCell(rawCode) && isBlankCell(rawFraction)) continue;
    const isDefault = typeof rawCode === "string" && rawCode.trim() === DEFAULT_UPLIFT_CODE;
    let key: string = DEFAULT_UPLIFT_CODE;
    if (!isDefault) {
      const code = readCode(rawCode);
      if (!code.ok) return fail({ code: "upliftTableCodeMalformed", row, value: String(rawCode ?? "").trim(), kind });
      key = code.value;
    }
    const fraction = checkedFraction(rawFraction, row, key);
    if (!fraction.ok) return fraction;
    const earlier = key === DEFAULT_UPLIFT_CODE ? defaultFraction : (byCode.get(key as UpliftCode) ?? null);
    if (earlier !== null) {
      if (!earlier.equals(fraction.value)) {
        return fail({
          code: "upliftTableDuplicate",
          hcpcsCode: key,
          firstRow: rowOf.get(key) ?? 0,
          secondRow: row,
          firstFraction: percentText(earlier),
          secondFraction: percentText(fraction.value),
        });
      }
      continue;
    }
    rowOf.set(key, row);
    if (key === DEFAULT_UPLIFT_CODE) defaultFraction = fraction.value;
    else byCode.set(key as UpliftCode, fraction.value);
  }
  return ok({ byCode, defaultFraction });
}

/** The fraction a code gets under these rates, or null when it gets no uplift. */
export function upliftFractionFor(rates: UpliftRates, code: UpliftCode): Decimal | null {
  return rates.byCode.get(code) ?? rates.defaultFraction;
}

function checkedFraction(value: unknown, row: number | null, hcpcsCode: string | null): Result<Decimal, UpliftIssue> {
  const fraction = readFraction(value);
  if (fraction === "blank") return fail({ code: "upliftFractionMissing", row, hcpcsCode });
  if (fraction === "malformed") return fail({ code: "upliftFractionMalformed", row, value: String(value) });
  if (fraction.lessThan(-1)) return fail({ code: "upliftFractionBelowMinus100", row, value: String(value) });
  return ok(fraction);
}
