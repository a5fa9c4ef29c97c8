import { Decimal } from "../decimal";
import { createCentsReader, isBlankCell, MAX_LINE_CENTS, readQuantity } from "../cellValues";
import type { HcpcsCode } from "../hcpcsCode";
import type { Cents } from "../money";
import { fail, ok, type Result } from "../result";
import type { UpliftIssue } from "./issues";
import { capAtBilled, upliftedLineCents, upliftFactor, type UpliftFactor } from "./lineAmount";
import { UPLIFT_CODES, type UpliftCode, type UpliftCodeKind, type UpliftCodeOf } from "./upliftCodes";
import { readUpliftRates, upliftFractionFor, type UpliftInput } from "./upliftRates";

/** What ranks codes for `top_n`: current revenue (the default) or volume. */
export const UPLIFT_RANK_BASES = ["revenue", "volume"] as const;
/** One of {@link UPLIFT_RANK_BASES}. */
export type UpliftRankBasis = (typeof UPLIFT_RANK_BASES)[number];

/** The columns of an uplift scenario, one entry per claim line (or utilisation row); optional columns may be null. */
export interface UpliftScenarioInput<K extends UpliftCodeKind = "hcpcs"> {
  /** Per row code of `codeKind`: text or number (HCPCS 110 -> "00110", DRG 39 -> "039", revenue code 450 -> "0450"). */
  readonly codes: readonly unknown[];
  /** What `codes` and the uplift table's codes are (default HCPCS): a stay's MS-DRG, a line's revenue code. */
  readonly codeKind?: K;
  /** Per row current reimbursement in dollars. */
  readonly amounts: readonly unknown[];
  readonly uplift: UpliftInput;
  /** How many top-ranked codes get the uplift; null for all codes. */
  readonly topN?: number | null;
  /** Defaults to "revenue". */
  readonly rankBy?: UpliftRankBasis;
  /** Per row volume (lines, units or a utilisation count); without it, volume is the number of rows. */
  readonly volumes?: readonly unknown[] | null;
  /** Per row billed charge in dollars; where given, the uplifted amount is capped at it (lesser-of). */
  readonly billed?: readonly unknown[] | null;
}

/** One code's line in a scenario, as the detail result spills it. */
export interface UpliftCodeResult<C extends UpliftCode = HcpcsCode> {
  /** 1 for the first code by `rankBy`; ties go to the lower code. */
  readonly rank: number;
  /** The code ranked: a HCPCS code unless the scenario's `codeKind` is another (then its MS-DRG or revenue code). */
  readonly hcpcsCode: C;
  /** Sum of `volumes`, or the number of rows when volumes are not given. */
  readonly volumeQuantity: number;
  readonly lineCount: number;
  readonly currentCents: Cents;
  readonly newCents: Cents;
  readonly deltaCents: Cents;
  /** The uplift this code got: 0 outside the top N or when the table gives it none. */
  readonly upliftFraction: Decimal;
  /** Lines whose uplifted amount was capped at the billed charge. */
  readonly cappedLines: number;
}

/** The revenue effect of an uplift, by code and in total, exact to the cent. */
export interface UpliftScenario<C extends UpliftCode = HcpcsCode> {
  readonly rankBy: UpliftRankBasis;
  /** How many codes, by rank, were offered the uplift: `topN` capped at the number of codes, or all of them. */
  readonly topN: number;
  /** Every code in the data, by rank. */
  readonly codes: readonly UpliftCodeResult<C>[];
  readonly currentCents: Cents;
  readonly newCents: Cents;
  readonly deltaCents: Cents;
  readonly lineCount: number;
  readonly cappedLines: number;
}

const ZERO = new Decimal(0);

/**
 * The revenue effect of a rate uplift over claim lines or a utilisation table (`PAYER.UPLIFT_SCENARIO`):
 * 1. rows are grouped by normalised code; a row with a blank code and a blank amount is skipped, a blank amount
 *    next to a code counts as 0 and a blank volume as 0 (as SUMIFS counts them, so a model sheet agrees);
 * 2. codes are ranked by current revenue (or volume), highest first, ties by code, and only the top N get the uplift
 *    (all codes when `topN` is null or exceeds the number of codes);
 * 3. each line's new amount is its current amount times (1 + uplift), rounded half-up to the cent on that line,
 *    because a payer prices and rounds each claim line on its own (ARCHITECTURE.md section 6); where a billed charge
 *    is given the new amount is capped at it (lesser-of, DOMAIN.md 7), never below the current amount.
 * Codes are normalised once per distinct cell value and amounts kept as integer cents with an exact integer factor
 * per code, so a million rows take tens of milliseconds and every figure is exact.
 * @example computeUpliftScenario({ codes: [99213, "99214"], amounts: [100, 200], uplift: { kind: "flat", fraction: 0.05 }, topN: 1 })
 *   // ok: 99214 ranks first and gains $10.00; delta 1000 cents
 */
export function computeUpliftScenario<K extends UpliftCodeKind = "hcpcs">(
  input: UpliftScenarioInput<K>,
): Result<UpliftScenario<UpliftCodeOf[K]>, UpliftIssue> {
  const { codes, amounts } = input;
  const kind: UpliftCodeKind = input.codeKind ?? "hcpcs";
  const volumes = input.volumes ?? null;
  const billed = input.billed ?? null;
  const rankBy = input.rankBy ?? "revenue";
  const rows = codes.length;
  for (const [argument, column] of [
    ["amounts", amounts],
    ["volumes", volumes],
    ["billed", billed],
  ] as const) {
    if (column !== null && column.length !== rows) {
      return fail({ code: "upliftLengthMismatch", argument, rows: column.length, codeRows: rows });
    }
  }
  const topN = input.topN ?? null;
  if (topN !== null && !(Number.isInteger(topN) && topN >= 1)) {
    return fail({ code: "upliftTopNMalformed", value: String(topN) });
  }
  const rates = readUpliftRates(input.uplift, kind);
  if (!rates.ok) return rates;

  const grouped = groupLines(kind, codes, amounts, volumes, billed);
  if (!grouped.ok) return grouped;
  const lines = grouped.value;
  const slots = lines.codes.length;
  if (slots === 0) return fail({ code: "upliftNoRows" });

  const order = rankSlots(lines, rankBy === "volume" ? lines.volumes : lines.currentCents);
  const cutOff = topN === null ? slots : Math.min(topN, slots);
  const factors: (UpliftFactor | null)[] = new Array<UpliftFactor | null>(slots).fill(null);
  for (let rank = 0; rank < cutOff; rank++) {
    const slot = order[rank] as number;
    const fraction = upliftFractionFor(rates.value, lines.codes[slot]!);
    if (fraction !== null && !fraction.isZero()) factors[slot] = upliftFactor(fraction);
  }

  const newCents = new Array<number>(slots).fill(0);
  const cappedLines = new Array<number>(slots).fill(0);
  const { slotOfLine, centsOfLine, billedOfLine } = lines;
  for (let line = 0; line < slotOfLine.length; line++) {
    const slot = slotOfLine[line] as number;
    const cents = centsOfLine[line] as number;
    const factor = factors[slot];
    if (factor === null || factor === undefined) {
      newCents[slot] = (newCents[slot] as number) + cents;
      continue;
    }
    let lineCents = upliftedLineCents(cents, factor);
    const billedCents = billedOfLine === null ? NaN : (billedOfLine[line] as number);
    if (!Number.isNaN(billedCents)) {
      const capped = capAtBilled(cents, lineCents, billedCents);
      if (capped !== lineCents) {
        cappedLines[slot] = (cappedLines[slot] as number) + 1;
        lineCents = capped;
      }
    }
    newCents[slot] = (newCents[slot] as number) + lineCents;
  }

  let currentTotal = 0;
  let newTotal = 0;
  let cappedTotal = 0;
  const results: UpliftCodeResult<UpliftCodeOf[K]>[] = order.map((slot, rank) => {
    const current = lines.currentCents[slot] as number;
    const uplifted = newCents[slot] as number;
    currentTotal += current;
    newTotal += uplifted;
    cappedTotal += cappedLines[slot] as number;
    return {
      rank: rank + 1,
      // The codes were read by the reader of `codeKind`, which is K's.
      hcpcsCode: lines.codes[slot] as UpliftCodeOf[K],
      volumeQuantity: lines.volumes[slot] as number,
      lineCount: lines.lineCounts[slot] as number,
      currentCents: current as Cents,
      newCents: uplifted as Cents,
      deltaCents: (uplifted - current) as Cents,
      upliftFraction: factors[slot]?.fraction ?? ZERO,
      cappedLines: cappedLines[slot] as number,
    };
  });
  // New amounts are at most (1 + uplift) times the current ones; a sum that leaves the safe range is not exact.
  if (!Number.isSafeInteger(newTotal) || results.some((r) => !Number.isSafeInteger(r.newCents))) {
    return fail({ code: "upliftTotalTooLarge" });
  }
  return ok({
    rankBy,
    topN: cutOff,
    codes: results,
    currentCents: currentTotal as Cents,
    newCents: newTotal as Cents,
    deltaCents: (newTotal - currentTotal) as Cents,
    lineCount: slotOfLine.length,
    cappedLines: cappedTotal,
  });
}

/** The change in percent of the current amount (a fraction: 0.031 for 3.1%), or an issue when it is 0. */
export function upliftPercentChange(scenario: UpliftScenario<UpliftCode>): Result<number, UpliftIssue> {
  if (scenario.currentCents === 0) return fail({ code: "upliftNoCurrentAmount" });
  return ok(scenario.deltaCents / scenario.currentCents);
}

/** Lines grouped by code: one slot per distinct normalised code, and each line's slot, cents and billed cents. */
interface GroupedLines {
  readonly codes: UpliftCode[];
  readonly currentCents: number[];
  readonly volumes: number[];
  readonly lineCounts: number[];
  readonly slotOfLine: Int32Array;
  readonly centsOfLine: Float64Array;
  /** NaN where the billed charge is blank; null when billed charges are not given. */
  readonly billedOfLine: Float64Array | null;
}

function groupLines(
  kind: UpliftCodeKind,
  codes: readonly unknown[],
  amounts: readonly unknown[],
  volumes: readonly unknown[] | null,
  billed: readonly unknown[] | null,
): Result<GroupedLines, UpliftIssue> {
  const rows = codes.length;
  const readCode = UPLIFT_CODES[kind].read;
  const distinctCodes: UpliftCode[] = [];
  const currentCents: number[] = [];
  const volumeSums: number[] = [];
  const lineCounts: number[] = [];
  const slotOfLine = new Int32Array(rows);
  const centsOfLine = new Float64Array(rows);
  const billedOfLine = billed === null ? null : new Float64Array(rows);
  const slotByRaw = new Map<unknown, number>();
  const slotByCode = new Map<string, number>();
  // Reversals are negative lines that net against what they reverse, for amounts and billed charges alike.
  const readAmount = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  const readBilled = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  let lines = 0;
  let absoluteCents = 0;
  // Claims exports list a code's lines together often enough that the previous row's code is worth checking first.
  let lastRaw: unknown = undefined;
  let lastSlot = -1;

  for (let index = 0; index < rows; index++) {
    const raw = codes[index];
    const row = index + 1;
    const amount = readAmount(amounts[index]);
    let slot = lastSlot;
    if (raw !== lastRaw || slot < 0) {
      slot = slotByRaw.get(raw) ?? -1;
      if (slot < 0) {
        if (isBlankCell(raw)) {
          if (amount === "blank") continue;
          return fail({ code: "upliftCodeMissing", row, amount: String(amounts[index]) });
        }
        const code = readCode(raw);
        if (!code.ok) return fail({ code: "upliftCodeMalformed", row, value: String(raw).trim(), kind });
        slot = slotByCode.get(code.value) ?? -1;
        if (slot < 0) {
          slot = distinctCodes.length;
          slotByCode.set(code.value, slot);
          distinctCodes.push(code.value);
          currentCents.push(0);
          volumeSums.push(0);
          lineCounts.push(0);
        }
        // Objects (Excel's rich values) are not cached by identity; they fail to parse above anyway.
        slotByRaw.set(raw, slot);
      }
      lastRaw = raw;
      lastSlot = slot;
    }

    if (typeof amount !== "number" && amount !== "blank") {
      return fail(
        amount === "tooLarge"
          ? { code: "upliftAmountTooLarge", argument: "amounts", row, value: String(amounts[index]) }
          : { code: "upliftCellMalformed", argument: "amounts", row, value: String(amounts[index]) },
      );
    }
    const cents = amount === "blank" ? 0 : amount;
    let volume = 1;
    if (volumes !== null) {
      const read = readQuantity(volumes[index]);
      if (read === "malformed") {
        return fail({ code: "upliftCellMalformed", argument: "volumes", row, value: String(volumes[index]) });
      }
      volume = read === "blank" ? 0 : read;
    }
    if (billed !== null && billedOfLine !== null) {
      const read = readBilled(billed[index]);
      if (typeof read !== "number" && read !== "blank") {
        const value = String(billed[index]);
        return fail(
          read === "tooLarge"
            ? { code: "upliftAmountTooLarge", argument: "billed", row, value }
            : { code: "upliftCellMalformed", argument: "billed", row, value },
        );
      }
      billedOfLine[lines] = read === "blank" ? NaN : read;
    }
    slotOfLine[lines] = slot;
    centsOfLine[lines] = cents;
    lines++;
    currentCents[slot] = (currentCents[slot] as number) + cents;
    volumeSums[slot] = (volumeSums[slot] as number) + volume;
    lineCounts[slot] = (lineCounts[slot] as number) + 1;
    absoluteCents += cents < 0 ? -cents : cents;
  }
  // Every partial sum is at most the sum of magnitudes, so this one check keeps all the sums exact.
  if (!Number.isSafeInteger(absoluteCents)) return fail({ code: "upliftTotalTooLarge" });
  return ok({
    codes: distinctCodes,
    currentCents,
    volumes: volumes === null ? lineCounts : volumeSums,
    lineCounts,
    slotOfLine: slotOfLine.subarray(0, lines),
    centsOfLine: centsOfLine.subarray(0, lines),
    billedOfLine: billedOfLine === null ? null : billedOfLine.subarray(0, lines),
  });
}

/** Slots by descending metric, ties by ascending code (a code is unique, so the order is total and repeatable). */
function rankSlots(lines: GroupedLines, metric: readonly number[]): number[] {
  const order = Array.from({ length: lines.codes.length }, (_, slot) => slot);
  const codes = lines.codes;
  return order.sort((a, b) => {
    const difference = (metric[b] as number) - (metric[a] as number);
    if (difference !== 0) return difference;
    const codeA = codes[a] as string;
    const codeB = codes[b] as string;
    return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
  });
}
