/**
 * What every hospital MRF reader (CSV tall, CSV wide, JSON) does with one payer's charge once it has found its
 * cells: check them, apply the filter, and keep rates or count why none was kept. One place, so that the three
 * layouts count and word the same things the same way.
 */
import { Decimal } from "../../../engine";
import type { BillingClass, CareSetting, MarketRate, MarketRateFilter } from "../marketRate";
import type { HospitalMrfRowIssue, MrfPosition } from "./issues";
import { billingClassOf, codeTypeKind, isNumberText, methodOf, PLACEHOLDER_VALUE, settingOf } from "./vocabulary";

/** Why a payer's charge gave no rate. */
export const SKIP_REASONS = [
  /** Its codes, setting or billing class are not among those asked for. */
  "filteredOut",
  /** Only a contractual algorithm: no number to compare. */
  "algorithmOnly",
  /** Neither a dollar amount, a percentage nor an algorithm. */
  "noNegotiatedCharge",
  /** 999999999, the v2 "insufficient data" value. */
  "placeholder",
  /** Zero or negative: the templates require positive numbers. */
  "notPositive",
  /** A row for a modifier alone (its payment adjustment), with no item code to compare. */
  "modifierAdjustment",
  /** Only CDM or LOCAL codes, which mean nothing outside the hospital. */
  "hospitalCodeOnly",
  /** A cell the template does not allow (reported as a positioned issue). */
  "invalidValue",
  /** A row with fewer cells than the header (reported as a positioned issue). */
  "rowMalformed",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** What was kept and what was not: `kept` counts rates, `skipped` counts payer charges that gave none. */
export interface HospitalMrfSummary {
  readonly kept: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  /** Item rows (CSV) or standard_charge_information items (JSON) read. */
  readonly rowsRead: number;
}

/** A code of an item that becomes a rate: trimmed, upper case. */
export interface ItemCode {
  readonly code: string;
  readonly type: string;
}

/** The fields of a charge a positioned issue can be about. */
export type ChargeField = "code" | "setting" | "billingClass" | "dollar" | "percentage" | "methodology" | "payer";

/** One payer's charge for an item, as the file gives it; numbers are text (CSV) or numbers (JSON). */
export interface ChargeCells {
  readonly payer: string;
  readonly plan: string;
  readonly setting: string;
  /** Undefined when the file has no billing class for it. */
  readonly billingClass: string | undefined;
  readonly modifiers: readonly string[];
  readonly dollar: string | number | undefined;
  readonly percentage: string | number | undefined;
  readonly algorithm: string | undefined;
  readonly methodology: string | undefined;
}

/** The most positioned issues listed; past it they are only counted, so a broken 500 MB file stays readable. */
export const MAX_LISTED_ISSUES = 1000;

/** Codes that are not already trimmed upper case (most are digits, so the test spares a copy per row). */
const CODE_NEEDS_NORMALISING = /^\s|\s$|[a-z]/;

type DraftRate = Omit<MarketRate, "publisher" | "provider">;

/** A billing-class or setting filter keeps "both" whichever it asks for: such a rate applies in either. */
function passes<T extends string>(wanted: ReadonlySet<T> | undefined, value: T | null): boolean {
  if (wanted === undefined) return true;
  if (value === null) return false;
  return value === "both" || wanted.has(value);
}

/** Collects the rates and counts of one file as its reader walks it. */
export class RateCollector {
  readonly drafts: DraftRate[] = [];
  readonly issues: HospitalMrfRowIssue[] = [];
  issuesNotListed = 0;
  rowsRead = 0;
  private readonly skipped: Record<SkipReason, number>;
  /** Each distinct text kept in a rate, copied once (see {@link intern}). */
  private readonly interned = new Map<string, string>();
  /** Each code type cell as written, with its normalised form and kind: a file has a handful of them. */
  private readonly typeKinds = new Map<string, { type: string; kind: ReturnType<typeof codeTypeKind> }>();
  private readonly codes: ReadonlySet<string> | undefined;

  constructor(private readonly filter: MarketRateFilter) {
    this.skipped = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>;
    this.codes =
      filter.codes === undefined ? undefined : new Set([...filter.codes].map((code) => code.trim().toUpperCase()));
  }

  /** Counts `count` charges skipped for `reason`. */
  skip(reason: SkipReason, count = 1): void {
    this.skipped[reason] += count;
  }

  /**
   * Counts the payers of a modifier's payment adjustment (JSON modifier_information): no item code to compare, and
   * with codes asked for, filtered out like every item without one of them (as a CSV modifier row is).
   */
  skipModifierAdjustment(payers: number): void {
    this.skip(this.codes === undefined ? "modifierAdjustment" : "filteredOut", payers);
  }

  /** Lists a positioned issue (or only counts it past {@link MAX_LISTED_ISSUES}). */
  report(issue: HospitalMrfRowIssue): void {
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(issue);
    else this.issuesNotListed++;
  }

  /**
   * The codes of an item that become rates, filtered; else why none does. Called once per item (a wide row has
   * several payers) and before any number is read, so that rows of other codes cost a set lookup.
   */
  selectCodes(
    pairs: readonly (readonly [code: string, type: string])[],
    hasModifiers: boolean,
    where: (field: ChargeField) => MrfPosition,
  ): ItemCode[] | SkipReason {
    const selected: ItemCode[] = [];
    let anyCode = false;
    let anyBenchmarkable = false;
    let unknownType: string | null = null;
    for (const [rawCode, rawType] of pairs) {
      const code = CODE_NEEDS_NORMALISING.test(rawCode) ? rawCode.trim().toUpperCase() : rawCode;
      if (code === "") continue;
      anyCode = true;
      const { type, kind } = this.typeKindOf(rawType);
      if (kind === "unknown") unknownType ??= rawType;
      if (kind !== "benchmarkable") continue;
      anyBenchmarkable = true;
      if (this.codes === undefined || this.codes.has(code)) selected.push({ code: this.intern(code), type });
    }
    // With codes asked for, an item without one of them is filtered out whatever else is wrong with it: only the
    // items asked for are checked (and a skimmed tall file never parses the others, see csvSkim.ts).
    if (selected.length === 0 && this.codes !== undefined) return "filteredOut";
    if (unknownType !== null)
      this.report({
        code: "valueInvalid",
        at: where("code"),
        value: unknownType,
        expected: "a code type of the template",
      });
    if (selected.length > 0) return selected;
    if (!anyCode && hasModifiers) return "modifierAdjustment";
    if (!anyCode) {
      this.report({
        code: "valueMissing",
        at: where("code"),
        expected: "the item's code (a CPT, HCPCS, MS-DRG... code)",
      });
      return "invalidValue";
    }
    return anyBenchmarkable ? "filteredOut" : "hospitalCodeOnly";
  }

  /** Checks one payer's charge for the selected codes of its item and keeps its rates, or counts why not. */
  addCharge(codes: readonly ItemCode[], cells: ChargeCells, at: string, where: (field: ChargeField) => MrfPosition) {
    const setting = settingOf(cells.setting);
    if (setting === null) return this.invalid(where("setting"), cells.setting, "inpatient, outpatient or both");
    const billingClass =
      cells.billingClass === undefined || cells.billingClass.trim() === "" ? null : billingClassOf(cells.billingClass);
    if (billingClass === null && cells.billingClass !== undefined && cells.billingClass.trim() !== "")
      return this.invalid(where("billingClass"), cells.billingClass, "professional, facility or both");
    if (!passes<CareSetting>(this.filter.settings, setting)) return this.skip("filteredOut");
    if (!passes<BillingClass>(this.filter.billingClasses, billingClass)) return this.skip("filteredOut");
    const dollar = this.number(cells.dollar, where, "dollar");
    const percentage = this.number(cells.percentage, where, "percentage");
    if (dollar === false || percentage === false) return this.skip("invalidValue");
    const value = dollar ?? percentage;
    if (value === null) {
      const algorithm = cells.algorithm?.trim() ?? "";
      return this.skip(algorithm === "" ? "noNegotiatedCharge" : "algorithmOnly");
    }
    if (value.eq(PLACEHOLDER_VALUE)) return this.skip("placeholder");
    if (value.lte(0)) return this.skip("notPositive");
    if (cells.payer.trim() === "") {
      this.report({ code: "valueMissing", at: where("payer"), expected: "the payer's name" });
      return this.skip("invalidValue");
    }
    const methodText = cells.methodology?.trim() ?? "";
    if (methodText === "") {
      this.report({
        code: "valueMissing",
        at: where("methodology"),
        expected: "a methodology (case rate, fee schedule...)",
      });
      return this.skip("invalidValue");
    }
    const method = methodOf(methodText);
    if (method === null)
      return this.invalid(
        where("methodology"),
        methodText,
        "a methodology: case rate, fee schedule, percent of total billed charges, per diem or other",
      );
    for (const { code, type } of codes)
      this.drafts.push({
        source: "hospitalMrf",
        payer: this.intern(cells.payer.trim()),
        plan: this.intern(cells.plan.trim()),
        code,
        codeType: type,
        modifiers: cells.modifiers.map((modifier) => this.intern(modifier)),
        setting,
        billingClass,
        method,
        unit: dollar === null ? "percent" : "dollars",
        rate: value,
        at,
      });
  }

  /** The summary so far. */
  summary(): HospitalMrfSummary {
    return { kept: this.drafts.length, skipped: { ...this.skipped }, rowsRead: this.rowsRead };
  }

  /**
   * The one copy of a text kept in rates. A cell's text is a slice of the megabyte of file text it was parsed from,
   * and a kept slice keeps that whole chunk alive: without a copy, a file's kept rates would pin the file in memory.
   */
  private intern(text: string): string {
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    const copy = text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
    this.interned.set(copy, copy);
    return copy;
  }

  private typeKindOf(rawType: string): { type: string; kind: ReturnType<typeof codeTypeKind> } {
    let known = this.typeKinds.get(rawType);
    if (known === undefined) {
      const type = this.intern(rawType.trim().toUpperCase());
      known = { type, kind: codeTypeKind(type) };
      this.typeKinds.set(this.intern(rawType), known);
    }
    return known;
  }

  /** A cell read as a number: null when blank, false (after reporting) when it is text. */
  private number(
    value: string | number | undefined,
    where: (field: ChargeField) => MrfPosition,
    field: "dollar" | "percentage",
  ): Decimal | null | false {
    if (value === undefined) return null;
    if (typeof value === "number") {
      if (Number.isFinite(value)) return new Decimal(String(value));
      this.report({ code: "valueInvalid", at: where(field), value: String(value), expected: "a number" });
      return false;
    }
    const text = value.trim();
    if (text === "") return null;
    if (isNumberText(text)) return new Decimal(text);
    this.report({
      code: "valueInvalid",
      at: where(field),
      value: text,
      expected: field === "dollar" ? "a number of dollars" : "a whole-number percent such as 70.5",
    });
    return false;
  }

  private invalid(at: MrfPosition, value: string, expected: string): void {
    this.report(
      value.trim() === "" ? { code: "valueMissing", at, expected } : { code: "valueInvalid", at, value, expected },
    );
    this.skip("invalidValue");
  }
}
