/**
 * A small workbook for the Objections sheet's specifications: the Negotiation sheet's workbook (PayerContracts and a
 * Benchmarks table whose dollar rates are 50, 60, 63.50, 63.50 for 99213 and 80, 90, 95, 95 for 99214, so their
 * PERCENTILE.INC p50 is $61.75 and $92.50, and no rate for 99215) with a claims table the variance review has
 * flagged: six lines of Acme PPO (one written "ACME PPO": COUNTIFS matches any case) and two of Summit MA.
 */
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import type { ObjectionSheetRequest } from "../../../src/excel/negotiation/objectionSheetIssues";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../../src/playground/simulator";
import { aNegotiationSheetWorkbook } from "./negotiationSheetSupport";

const HEADER = ["Claim ID", "Contract Name", "HCPCS Code", "Service Unit Quantity", "Allowed Amount", "Variance Flag"];

/** A claim line: contract, code, units, allowed amount and the review's flag. */
export interface ClaimLine {
  readonly contract: string;
  readonly code: string;
  readonly units: number;
  readonly allowed: number;
  readonly flag: string;
}

export const CLAIM_LINES: readonly ClaimLine[] = [
  { contract: "Acme PPO", code: "99213", units: 10, allowed: 550, flag: "OK" },
  { contract: "Acme PPO", code: "99213", units: 10, allowed: 550, flag: "Underpaid" },
  { contract: "ACME PPO", code: "99213", units: 10, allowed: 0, flag: "Denied" },
  { contract: "Acme PPO", code: "99214", units: 20, allowed: 2000, flag: "OK" },
  { contract: "Acme PPO", code: "99215", units: 5, allowed: 1000, flag: "No contract rate" },
  { contract: "Acme PPO", code: "99214", units: 0, allowed: 0, flag: "Reversed" },
  { contract: "Summit MA", code: "99213", units: 1, allowed: 55.25, flag: "OK" },
  { contract: "Summit MA", code: "99214", units: 1, allowed: 0, flag: "Denied" },
];

/** The market's p50 of each code's dollar rates, worked out by hand (see the module comment). */
export const MARKET_P50: Readonly<Record<string, number>> = { "99213": 61.75, "99214": 92.5 };

function claimsSheet(withFlags: boolean): SheetSnapshot {
  const header = withFlags ? HEADER : HEADER.slice(0, -1);
  const rows: CellInput[][] = CLAIM_LINES.map((line, i) =>
    [`C-${i + 1}`, line.contract, line.code, line.units, line.allowed, line.flag].slice(0, header.length),
  );
  return {
    name: "Claims",
    cells: [header, ...rows],
    numberFormats: [{ address: `C2:C${rows.length + 1}`, format: "@" }],
    tables: [{ name: "Claims", address: `A1:${String.fromCharCode(64 + header.length)}${rows.length + 1}` }],
  };
}

/** The workbook above; `benchmarks` false leaves the Benchmarks table out, `flags` false the Variance Flag column. */
export function anObjectionWorkbook(options: { benchmarks?: boolean; flags?: boolean } = {}): WorkbookSnapshot {
  const base = aNegotiationSheetWorkbook({ claims: null, benchmarks: options.benchmarks });
  return { ...base, sheets: [...base.sheets, claimsSheet(options.flags !== false)] };
}

/** A request for Acme PPO over table Claims. */
export function anObjectionRequest(overrides: Partial<ObjectionSheetRequest> = {}): ObjectionSheetRequest {
  return {
    contractName: "Acme PPO",
    tableName: "Claims",
    mapping: suggestClaimsMapping(HEADER),
    replace: false,
    ...overrides,
  };
}
