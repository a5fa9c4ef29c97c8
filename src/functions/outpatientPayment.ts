/**
 * `PAYER.OUTPATIENT_PAYMENT` (issue 14): the expected payment of each line of hospital outpatient claims, claim-aware.
 * Lines are grouped by contract and claim id, and each claim is priced as a whole by the engine (OPPS packaging,
 * J1 comprehensive APCs and T discounting read every line of the claim) under the OutpatientTerms version in effect
 * on the claim's first date of service, with the workbook's Addendum B (OppsRates); the claims of one version go
 * through the batch pricer (`priceOutpatientLines`), which computes claims alike once. One amount per line, as a spilled column; a line that cannot be priced answers its own error, and
 * a claim with a line that cannot be read is not priced at all (its amounts would depend on that line).
 */
import { Decimal, isBlankCell, parseModifiers, parseRevenueCode, priceOutpatientLines } from "../engine";
import { readHcpcsCodeCell, readQuantity, registryKey } from "../engine";
import { fail, ok, type Result } from "../engine";
import type { HcpcsCode, IsoDate, OutpatientLine, OutpatientTermsVersion } from "../engine";
import type { RegistrySnapshot } from "../excel/registry";
import { perLineFunction } from "./adapters";
import { ARGUMENT_LIMITS } from "./argumentLimits";
import { MODIFIERS_ARGUMENT } from "./claimLineArgs";
import { argumentIssueError, engineIssueError, hospitalIssueError } from "./errors";
import { rowIssues, type ArgSpecTable, type ReadArguments } from "./excelArgs";
import { contractReader, hospitalOf, readDollarCell, requiredDate, termsOn } from "./hospitalLines";

/** The arguments of `PAYER.OUTPATIENT_PAYMENT` in Excel order; the metadata test checks declarations.ts against them. */
export const OUTPATIENT_PAYMENT_ARGUMENTS = {
  contract: {
    kind: "column",
    optional: false,
    description: "a contract name from the PayerContracts table, with its terms in OutpatientTerms.",
  },
  claim_ids: {
    kind: "column",
    optional: false,
    description: "per line the claim id: the lines of one claim are priced together.",
  },
  revenue_codes: { kind: "column", optional: false, description: "per line the UB-04 revenue code (278 reads as 0278)." }, // prettier-ignore
  hcpcs_codes: { kind: "column", optional: false, description: "per line the HCPCS code; blank on revenue-code-only lines." }, // prettier-ignore
  units: {
    kind: "column",
    optional: false,
    description: "per line the units of service; blank = 1.",
    limit: ARGUMENT_LIMITS.lineUnits,
  },
  charges: {
    kind: "column",
    optional: false,
    description: "per line the charge in dollars, for lesser-of and percents of charges.",
    limit: ARGUMENT_LIMITS.lineCharge,
  },
  service_dates: {
    kind: "column",
    optional: false,
    description: "per line the date of service; a claim's first date chooses the contract version.",
  },
  modifiers: MODIFIERS_ARGUMENT,
} as const satisfies ArgSpecTable;

type Read = ReadArguments<typeof OUTPATIENT_PAYMENT_ARGUMENTS>;
type Answer = number | CustomFunctions.Error;
type LineCells = Omit<OutpatientLine, "claimLineNumber">;

const engineRead = <T>(result: Result<T>): Result<T, CustomFunctions.Error> =>
  result.ok ? result : fail(engineIssueError(result.issue));

/** Reads the line at row `i` (0-based) of claim `claimId`, or the error of its first bad cell. */
function lineReader(read: Read) {
  const { values } = read;
  const serviceDate = requiredDate("service_dates", "the date of service, like 2025-03-10");
  return (i: number, claimId: string): Result<LineCells, CustomFunctions.Error> => {
    const revenueCode = engineRead(parseRevenueCode(values.revenue_codes[i]));
    if (!revenueCode.ok) return revenueCode;
    const hcpcsCell = values.hcpcs_codes[i];
    const hcpcsCode: Result<HcpcsCode | null, CustomFunctions.Error> = isBlankCell(hcpcsCell) ? ok(null) : engineRead(readHcpcsCodeCell(hcpcsCell)); // prettier-ignore
    if (!hcpcsCode.ok) return hcpcsCode;
    const modifierCells = values.modifiers?.[i] ?? [];
    const modifiers = engineRead(parseModifiers(...modifierCells.map((c) => (isBlankCell(c) ? null : c))));
    if (!modifiers.ok) return modifiers;
    const units = readQuantity(values.units[i]);
    if (units === "malformed") return fail(engineIssueError({ code: "unitsInvalid", value: String(values.units[i]) }));
    const charge = readDollarCell("charges", OUTPATIENT_PAYMENT_ARGUMENTS.charges.description, values.charges[i]);
    if (!charge.ok) return charge;
    const date = serviceDate(values.service_dates[i], i + 1);
    if (!date.ok) return date;
    return ok({
      claimId,
      revenueCode: revenueCode.value,
      hcpcsCode: hcpcsCode.value,
      modifiers: modifiers.value,
      units: new Decimal(units === "blank" ? 1 : units),
      chargeAmount: charge.value,
      serviceDate: date.value,
    });
  };
}

/** One claim of the call: its contract, its rows (0-based) and their lines, and the rows that could not be read. */
interface Claim {
  readonly contractName: string;
  readonly claimId: string;
  readonly rows: number[];
  readonly lines: LineCells[];
  readonly unreadable: number[];
}

/** A wage index that a method other than percent of OPPS never reads. */
const UNUSED_WAGE_INDEX = new Decimal(1);

/** Each line's expected payment in dollars, or the error that answers it. */
export function outpatientPayments(snapshot: RegistrySnapshot, read: Read): Answer[] {
  const hospital = hospitalOf(snapshot);
  const refused = rowIssues(OUTPATIENT_PAYMENT_ARGUMENTS, read);
  const contractOf = contractReader(snapshot, "outpatient", OUTPATIENT_PAYMENT_ARGUMENTS.contract.description);
  const lineAt = lineReader(read);
  const answers: Answer[] = new Array(read.rows);
  const claims = new Map<string, Claim>();
  for (let i = 0; i < read.rows; i++) {
    const contract = contractOf(read.values.contract[i]);
    if (!contract.ok) {
      answers[i] = contract.issue;
      continue;
    }
    const claimCell = read.values.claim_ids[i];
    if (isBlankCell(claimCell)) {
      answers[i] = hospitalIssueError({ code: "cellEmpty", argument: "claim_ids", row: i + 1, expected: "the line's claim id" }); // prettier-ignore
      continue;
    }
    const claimId = String(claimCell).trim();
    const key = `${registryKey(contract.value)}\u0000${claimId}`;
    let claim = claims.get(key);
    if (claim === undefined) {
      claim = { contractName: contract.value, claimId, rows: [], lines: [], unreadable: [] };
      claims.set(key, claim);
    }
    const refusal = refused.get(i);
    const line = refusal === undefined ? lineAt(i, claimId) : fail(argumentIssueError(refusal));
    if (!line.ok) {
      answers[i] = line.issue;
      claim.unreadable.push(i + 1);
      continue;
    }
    claim.rows.push(i);
    claim.lines.push(line.value);
  }
  // Claims under the same terms version are priced together, so that claims alike are computed once.
  const byVersion = new Map<OutpatientTermsVersion, { lines: OutpatientLine[]; rows: number[] }>();
  for (const claim of claims.values()) {
    const answer = (error: CustomFunctions.Error) => claim.rows.forEach((row) => (answers[row] = error));
    if (claim.unreadable.length > 0) {
      answer(hospitalIssueError({ code: "claimLineUnreadable", claimId: claim.claimId, rows: claim.unreadable }));
      continue;
    }
    const firstDate = claim.lines.reduce<IsoDate>((first, l) => (l.serviceDate < first ? l.serviceDate : first), claim.lines[0]!.serviceDate); // prettier-ignore
    const version = termsOn(snapshot, hospital.outpatientByName, "outpatient", claim.contractName, firstDate);
    if (!version.ok) {
      answer(version.issue);
      continue;
    }
    let group = byVersion.get(version.value);
    if (group === undefined) byVersion.set(version.value, (group = { lines: [], rows: [] }));
    claim.lines.forEach((line, n) => group.lines.push({ ...line, claimLineNumber: n + 1 }));
    group.rows.push(...claim.rows);
  }
  for (const [version, group] of byVersion) {
    const opps = { tables: hospital.oppsTables, wageIndex: version.wageIndex ?? UNUSED_WAGE_INDEX };
    const priced = priceOutpatientLines(group.lines, version.terms, opps);
    group.rows.forEach((row, k) => {
      const issue = priced.issues.get(k);
      answers[row] = issue === undefined ? priced.allowedAmount[k]! / 100 : engineIssueError(issue);
    });
  }
  return answers;
}

/**
 * `PAYER.OUTPATIENT_PAYMENT` for Excel arguments (contract, claim_ids, revenue_codes, hcpcs_codes, units, charges,
 * service_dates, [modifiers]): a column of dollar amounts, one per line, or the error of a single line.
 */
export const outpatientPaymentResult = perLineFunction(OUTPATIENT_PAYMENT_ARGUMENTS, outpatientPayments);
