/**
 * Anesthesia pricing (CMS Claims Processing Manual ch.12 s.50; DOMAIN.md 2.2 and 2.6): an anesthesia line is paid
 * (base units + time units) x an anesthesia conversion factor x the medical direction percentage, where the claim's
 * units on the line are the anesthesia minutes and a time unit is 15 minutes, kept to one decimal place. The base
 * units come from a table the user imports (CMS's anesthesia base units file or the payer's list); the conversion
 * factor from CMS's ANES file for the locality, or from the contract.
 */
import { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import type { EngineIssue } from "../issues";
import type { Modifier } from "../modifiers";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";

/** The anesthesia CPT range: 00100 to 01999 (status J in PPRRVU). */
const ANESTHESIA_CODE = /^0[01]\d{3}$/;
const FIRST_ANESTHESIA_CODE = "00100";

/** Whether a code is in the anesthesia range 00100-01999, whose claim units are minutes. */
export function isAnesthesiaCode(hcpcsCode: string): boolean {
  return ANESTHESIA_CODE.test(hcpcsCode) && hcpcsCode >= FIRST_ANESTHESIA_CODE;
}

/** Minutes in one anesthesia time unit (ch.12 s.50.G). */
const MINUTES_PER_TIME_UNIT = new Decimal(15);

/**
 * Time units from minutes: minutes / 15 to one decimal place, half up, as Medicare computes them.
 * @example anesthesiaTimeUnits(new Decimal(62)) // 4.1 (62 / 15 = 4.1333...); 68 -> 4.5; 8 -> 0.5
 */
export function anesthesiaTimeUnits(minutes: Decimal): Decimal {
  return minutes.dividedBy(MINUTES_PER_TIME_UNIT).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
}

/** The medical direction modifiers of an anesthesia line (a closed set; ch.12 s.50.C-K). */
export type MedicalDirectionModifier = "AA" | "QZ" | "QK" | "QY" | "QX" | "AD";

/** What a medical direction modifier does to the amount: a percentage, or a rule this version does not price. */
export type MedicalDirectionRule =
  | { readonly kind: "percent"; readonly percent: Decimal; readonly meaning: string }
  | { readonly kind: "notSupported"; readonly meaning: string; readonly reason: string };

const FULL = new Decimal(1);
const HALF = new Decimal("0.5");

/**
 * Each medical direction modifier and its payment: personally performed and non-directed CRNA services 100%; a
 * medically directed service (the physician's QK/QY line and the CRNA's QX line) 50% each, so the two lines of one
 * case together are 100%. AD is paid 3 base units (+1 time unit only with documented presence at induction, which a
 * claim line does not say), so it is not priced rather than guessed.
 */
export const MEDICAL_DIRECTION_RULES = {
  AA: { kind: "percent", percent: FULL, meaning: "personally performed by the anesthesiologist" },
  QZ: { kind: "percent", percent: FULL, meaning: "CRNA without medical direction" },
  QK: { kind: "percent", percent: HALF, meaning: "medical direction of 2-4 concurrent procedures" },
  QY: { kind: "percent", percent: HALF, meaning: "medical direction of one CRNA" },
  QX: { kind: "percent", percent: HALF, meaning: "CRNA with medical direction" },
  AD: {
    kind: "notSupported",
    meaning: "medical supervision of more than 4 concurrent procedures",
    reason:
      "modifier AD (supervision of more than 4 concurrent procedures: 3 base units, plus 1 time unit only with documented presence at induction, which a claim line does not tell)",
  },
} as const satisfies Record<MedicalDirectionModifier, MedicalDirectionRule>;

const DIRECTION_MODIFIERS = Object.keys(MEDICAL_DIRECTION_RULES) as MedicalDirectionModifier[];

/** The medical direction of a line: its modifier (null: none, paid as personally performed) and percentage. */
export interface MedicalDirection {
  readonly modifier: MedicalDirectionModifier | null;
  readonly percent: Decimal;
  readonly meaning: string;
}

/**
 * The medical direction of an anesthesia line from its modifiers: none is 100%; two direction modifiers on one line
 * contradict each other; AD is not priced. Other modifiers (physical status P1-P6, 59...) do not change the amount.
 */
export function medicalDirectionOf(hcpcsCode: HcpcsCode, modifiers: readonly Modifier[]): Result<MedicalDirection> {
  const found = DIRECTION_MODIFIERS.filter((m) => modifiers.includes(m as Modifier));
  if (found.length > 1)
    return fail({
      code: "pfsModifiersConflict",
      modifiers: found,
      reason: "an anesthesia line has one medical direction modifier (AA, QZ, QK, QY, QX or AD)",
    });
  const modifier = found[0];
  if (modifier === undefined) return ok({ modifier: null, percent: FULL, meaning: "no medical direction modifier" });
  const rule: MedicalDirectionRule = MEDICAL_DIRECTION_RULES[modifier];
  switch (rule.kind) {
    case "percent":
      return ok({ modifier, percent: rule.percent, meaning: rule.meaning });
    case "notSupported":
      return fail({ code: "pfsRuleNotSupported", hcpcsCode, rule: rule.reason });
  }
}

/** One row of an anesthesia base units table: a code and its base units. */
export interface AnesthesiaBaseUnitsRow {
  readonly hcpcsCode: HcpcsCode;
  readonly baseUnits: number;
  /** The row of the table (or file) it was read from, for the trace. */
  readonly sourceRowNumber: number;
}

/** An imported anesthesia base units table (CMS's file or the payer's list), indexed by code. */
export interface AnesthesiaBaseUnitsTable {
  /** Where it came from, e.g. `table AnesthesiaBaseUnits (sheet "Anesthesia Base Units")`. */
  readonly label: string;
  readonly rowsByCode: ReadonlyMap<string, AnesthesiaBaseUnitsRow>;
}

/** Indexes base units rows by code; a later row for the same code replaces an earlier one. */
export function buildAnesthesiaBaseUnits(
  label: string,
  rows: readonly AnesthesiaBaseUnitsRow[],
): AnesthesiaBaseUnitsTable {
  return { label, rowsByCode: new Map(rows.map((row) => [row.hcpcsCode, row])) };
}

/** An anesthesia conversion factor and where it comes from (the ANES file's locality, or a contract). */
export interface AnesthesiaConversionFactor {
  readonly conversionFactor: Decimal;
  /** For the trace: `ANES file, locality 04412-18` or `contract Acme PPO (registry row 3)`. */
  readonly source: string;
}

/** What an anesthesia amount is computed from. */
export interface AnesthesiaInputs {
  readonly hcpcsCode: HcpcsCode;
  readonly modifiers: readonly Modifier[];
  /** The claim line's units: the anesthesia minutes. */
  readonly minutes: Decimal;
  readonly baseUnits: AnesthesiaBaseUnitsTable | undefined;
  /** The CF, or the issue that says why there is none (not imported, not in the contract). */
  readonly conversionFactor: AnesthesiaConversionFactor | EngineIssue;
}

/**
 * The exact anesthesia amount of a line, (base units + time units) x CF x medical direction percentage, with its
 * trace step; rounding comes once, at the end of the line. Whole minutes only; the base units of the code must be in
 * the imported table and a CF must exist, else the line is not priced and the issue says why.
 */
export function anesthesiaAmount(
  inputs: AnesthesiaInputs,
): Result<{ readonly amount: Decimal; readonly step: TraceStep }> {
  const { hcpcsCode, minutes, baseUnits } = inputs;
  if (!minutes.isInteger() || minutes.lte(0))
    return fail({ code: "anesthesiaMinutesInvalid", hcpcsCode, value: minutes.toString() });
  const direction = medicalDirectionOf(hcpcsCode, inputs.modifiers);
  if (!direction.ok) return direction;
  const row = baseUnits?.rowsByCode.get(hcpcsCode);
  if (row === undefined)
    return fail({ code: "anesthesiaBaseUnitsMissing", hcpcsCode, tableLabel: baseUnits?.label ?? null });
  if ("code" in inputs.conversionFactor) return fail(inputs.conversionFactor);
  const { conversionFactor, source } = inputs.conversionFactor;
  const timeUnits = anesthesiaTimeUnits(minutes);
  const units = new Decimal(row.baseUnits).plus(timeUnits);
  const amount = units.times(conversionFactor).times(direction.value.percent);
  return ok({
    amount,
    step: {
      kind: "anesthesia",
      hcpcsCode,
      minutes,
      timeUnits,
      baseUnits: row.baseUnits,
      baseUnitsSource: `${baseUnits!.label} row ${row.sourceRowNumber}`,
      conversionFactor,
      conversionFactorSource: source,
      directionModifier: direction.value.modifier,
      directionMeaning: direction.value.meaning,
      percent: direction.value.percent,
      amount,
    },
  });
}
