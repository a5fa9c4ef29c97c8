/**
 * Carve-outs of hospital contracts (DOMAIN.md 3.1 "carve-outs"; issue 14): codes a contract pays apart from its
 * method, e.g. implants (revenue code 0278) at a percent of charges or drugs (HCPCS J0120-J9999) at a rate per unit.
 * They take precedence over the contract's method, on an outpatient claim's lines and on an inpatient stay's revenue
 * lines alike: both price an {@link InstitutionalRevenueLine}. Which codes a carve-out matches and how it pays are
 * declared once, in mapped tables over their kinds.
 */
import { isBlankCell, percentText, readHcpcsCodeCell } from "../cellValues";
import type { Decimal } from "../decimal";
import { codeInRange, codeRangeText, codeShape } from "../contracts/carveOuts";
import type { HcpcsCode } from "../hcpcsCode";
import { dollarsOf, type Cents } from "../money";
import { fail, ok, type Result } from "../result";
import { parseRevenueCode, revenueCodeInRange, type RevenueCode } from "../revenueCode";
import type { TraceStep } from "../trace";
import type { MethodWords } from "../contracts/methods";
import type { EngineIssue } from "../issues";

/** A revenue line as a carve-out reads it: a UB-04 line of an outpatient claim or of an inpatient stay. */
export interface InstitutionalRevenueLine {
  readonly revenueCode: RevenueCode;
  readonly hcpcsCode: HcpcsCode | null;
  readonly units: Decimal;
  readonly chargeAmount: Cents | null;
}

/** The codes a carve-out covers: a revenue code range or a HCPCS code range (a single code: from = to). */
export type InstitutionalCodeMatch =
  | { readonly kind: "revenue code"; readonly from: RevenueCode; readonly to: RevenueCode }
  | { readonly kind: "hcpcs code"; readonly from: HcpcsCode; readonly to: HcpcsCode };

/** How a carve-out pays the lines it covers. */
export type InstitutionalCarveOutMethod =
  | { readonly kind: "percent of charges"; readonly percent: Decimal }
  | { readonly kind: "rate per unit"; readonly rate: Decimal };

/** One carve-out: one row of a hospital contract's carve-out table. */
export interface InstitutionalCarveOut {
  readonly match: InstitutionalCodeMatch;
  readonly method: InstitutionalCarveOutMethod;
  /** The row of the carve-out table (Excel row number), for the trace. */
  readonly sourceRowNumber: number;
}

/** A carve-out's amount for a line, exact (rounded once at the end of the line), and the steps that explain it. */
export interface CarveOutAmount {
  readonly amount: Decimal;
  readonly steps: readonly TraceStep[];
}

/** A code match kind's entry: its words, whether a line falls in it, and how specific it is. */
export interface CodeMatchEntry<M extends InstitutionalCodeMatch> extends MethodWords {
  covers(match: M, line: InstitutionalRevenueLine): boolean;
  /**
   * Precedence among carve-outs covering one line, higher first: a HCPCS code names the item itself, a revenue code
   * only the department that billed it (a drug J9035 on revenue code 0636), and a single code beats a range.
   */
  precedence(match: M): number;
  text(match: M): string;
  /**
   * The match from a carve-out row's From and To cells (To blank: the From code alone); `row` names the row in the
   * issue of a reversed range or of codes of two kinds.
   */
  fromCells(from: unknown, to: unknown, row: CarveOutRowPlace): Result<M, EngineIssue>;
}

/** Where a carve-out row is, for its issues. */
export interface CarveOutRowPlace {
  readonly contractName: string;
  readonly rowNumber: number;
}

/** A code range from its cells: each end read by `read`, To blank meaning From alone, the lower end first. */
function rangeOf<C extends string>(
  from: unknown,
  to: unknown,
  row: CarveOutRowPlace,
  read: (value: unknown) => Result<C, EngineIssue>,
  sameKind: (from: C, to: C) => boolean,
): Result<{ readonly from: C; readonly to: C }, EngineIssue> {
  const first = read(from);
  if (!first.ok) return first;
  const last = isBlankCell(to) ? first : read(to);
  if (!last.ok) return last;
  if (last.value < first.value || !sameKind(first.value, last.value))
    return fail({ code: "carveOutRangeInvalid", ...row, from: first.value, to: last.value });
  return ok({ from: first.value, to: last.value });
}

/** A carve-out method's entry: its words, the cells it needs, how it is built and its amount. */
export interface InstitutionalCarveOutMethodEntry<M extends InstitutionalCarveOutMethod> extends MethodWords {
  readonly needs: readonly ("percent" | "rate")[];
  /** Whether its amount reads the line's charge (lines alike but for their charges then differ in amount). */
  readonly readsCharges: boolean;
  fromCells(cells: { readonly percent: Decimal | null; readonly rate: Decimal | null }): M | null;
  /** The method in words for the trace and for people: "40% of charges", "125.5 per unit". */
  describe(method: M): string;
  amount(method: M, line: InstitutionalRevenueLine, contractName: string): Result<CarveOutAmount, EngineIssue>;
}

type CodeMatchTable = {
  readonly [K in InstitutionalCodeMatch["kind"]]: CodeMatchEntry<Extract<InstitutionalCodeMatch, { kind: K }>>;
};
type CarveOutMethodTable = {
  readonly [K in InstitutionalCarveOutMethod["kind"]]: InstitutionalCarveOutMethodEntry<
    Extract<InstitutionalCarveOutMethod, { kind: K }>
  >;
};

/** The code match kinds of a hospital carve-out row. */
export const INSTITUTIONAL_CODE_MATCHES: CodeMatchTable = {
  "revenue code": {
    label: "Revenue Code",
    synonyms: ["rev code", "revenue"],
    covers: (match, line) => revenueCodeInRange(line.revenueCode, match.from, match.to),
    precedence: (match) => (match.from === match.to ? 2 : 1),
    text: (match) => `revenue code ${match.from === match.to ? match.from : `${match.from}-${match.to}`}`,
    fromCells: (from, to, row) => {
      const range = rangeOf(from, to, row, parseRevenueCode, () => true);
      return range.ok ? ok({ kind: "revenue code", ...range.value }) : range;
    },
  },
  "hcpcs code": {
    label: "HCPCS Code",
    synonyms: ["hcpcs", "cpt"],
    covers: (match, line) => line.hcpcsCode !== null && codeInRange(line.hcpcsCode, match.from, match.to),
    precedence: (match) => (match.from === match.to ? 4 : 3),
    text: (match) => `HCPCS ${codeRangeText(match.from, match.to)}`,
    fromCells: (from, to, row) => {
      const range = rangeOf(from, to, row, readHcpcsCodeCell, (a, b) => codeShape(a) === codeShape(b));
      return range.ok ? ok({ kind: "hcpcs code", ...range.value }) : range;
    },
  },
};

/** The carve-out methods of a hospital carve-out row. */
export const INSTITUTIONAL_CARVE_OUT_METHODS: CarveOutMethodTable = {
  "percent of charges": {
    label: "Percent of Charges",
    synonyms: ["percent of billed", "% of charges", "% of billed"],
    needs: ["percent"],
    readsCharges: true,
    fromCells: (cells) => (cells.percent === null ? null : { kind: "percent of charges", percent: cells.percent }),
    describe: (method) => `${percentText(method.percent)} of charges`,
    amount: (method, line, contractName) => {
      if (line.chargeAmount === null)
        return fail({ code: "chargeAmountRequired", contractName, basis: "a carve-out at a percent of charges" });
      const amount = dollarsOf(line.chargeAmount).times(method.percent);
      return ok({
        amount,
        steps: [{ kind: "chargeTimesPercent", chargeAmount: line.chargeAmount, percent: method.percent, amount }],
      });
    },
  },
  "rate per unit": {
    label: "Rate per Unit",
    synonyms: ["flat rate", "per unit"],
    needs: ["rate"],
    readsCharges: false,
    fromCells: (cells) => (cells.rate === null ? null : { kind: "rate per unit", rate: cells.rate }),
    describe: (method) => `${method.rate.toString()} per unit`,
    amount: (method, line) => {
      const amount = method.rate.times(line.units);
      return ok({
        amount,
        steps: [
          { kind: "flatRate", rate: method.rate },
          { kind: "units", units: line.units, before: method.rate, amount },
        ],
      });
    },
  },
};

const coversLine = (carveOut: InstitutionalCarveOut, line: InstitutionalRevenueLine): boolean =>
  (INSTITUTIONAL_CODE_MATCHES[carveOut.match.kind] as CodeMatchEntry<InstitutionalCodeMatch>).covers(
    carveOut.match,
    line,
  );
const precedenceOf = (carveOut: InstitutionalCarveOut): number =>
  (INSTITUTIONAL_CODE_MATCHES[carveOut.match.kind] as CodeMatchEntry<InstitutionalCodeMatch>).precedence(
    carveOut.match,
  );

/** The words of a carve-out's codes, for the trace: "revenue code 0278", "HCPCS J0120-J9999". */
export function carveOutCodesText(match: InstitutionalCodeMatch): string {
  return (INSTITUTIONAL_CODE_MATCHES[match.kind] as CodeMatchEntry<InstitutionalCodeMatch>).text(match);
}

const carveOutMethodEntry = (method: InstitutionalCarveOutMethod) =>
  INSTITUTIONAL_CARVE_OUT_METHODS[method.kind] as InstitutionalCarveOutMethodEntry<InstitutionalCarveOutMethod>;

/** Whether a carve-out's amount reads the line's charge. */
export function carveOutReadsCharges(carveOut: InstitutionalCarveOut): boolean {
  return carveOutMethodEntry(carveOut.method).readsCharges;
}

/** A carve-out method in words: "40% of charges". */
export function carveOutMethodText(method: InstitutionalCarveOutMethod): string {
  return carveOutMethodEntry(method).describe(method);
}

/**
 * The carve-out that prices a line, if any: the most specific one covering it (a single HCPCS code, then a HCPCS
 * range, then a single revenue code, then a revenue code range), and among equals the first row.
 */
export function findInstitutionalCarveOut(
  carveOuts: readonly InstitutionalCarveOut[],
  line: InstitutionalRevenueLine,
): InstitutionalCarveOut | null {
  let best: InstitutionalCarveOut | null = null;
  for (const carveOut of carveOuts)
    if (coversLine(carveOut, line) && (best === null || precedenceOf(carveOut) > precedenceOf(best))) best = carveOut;
  return best;
}

/**
 * A line's amount under a carve-out, with the trace: the carve-out row, then its method's arithmetic (exact; the
 * caller applies lesser-of and the one rounding).
 */
export function institutionalCarveOutAmount(
  carveOut: InstitutionalCarveOut,
  line: InstitutionalRevenueLine,
  contractName: string,
): Result<CarveOutAmount, EngineIssue> {
  const entry = INSTITUTIONAL_CARVE_OUT_METHODS[carveOut.method.kind] as InstitutionalCarveOutMethodEntry<InstitutionalCarveOutMethod>; // prettier-ignore
  const priced = entry.amount(carveOut.method, line, contractName);
  if (!priced.ok) return priced;
  const head: TraceStep = {
    kind: "institutionalCarveOut",
    match: carveOut.match,
    method: carveOut.method,
    source: { kind: "carve-out row", rowNumber: carveOut.sourceRowNumber },
  };
  return ok({ amount: priced.value.amount, steps: [head, ...priced.value.steps] });
}
