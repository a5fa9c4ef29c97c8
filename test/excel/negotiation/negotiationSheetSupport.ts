/**
 * A small workbook for the Negotiation sheet's specifications, with figures worked out by hand: the contracts of
 * support.ts (Acme PPO, Summit MA, Cedar EPO), a Claims table where Acme PPO earns $10,000.00 a year (99213: 100 units,
 * $6,000.00; 99214: 40 units, $4,000.00; one line written "ACME PPO", since SUMIFS matches any case) and Summit MA one
 * line, and a Benchmarks table whose p75 is $63.50 for 99213 and $95.00 for 99214 (PERCENTILE.INC of four dollar
 * rates: rank 3 x 0.75 = 2.25 between two equal rates; a percent rate of 99214 is left out).
 */
import { BENCHMARKS_SPEC } from "../../../src/excel/benchmarks/benchmarkColumns";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  DEFAULT_NEGOTIATION_INPUTS,
  type NegotiationSheetRequest,
} from "../../../src/excel/negotiation/negotiationSheetIssues";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../../src/playground/simulator";
import { aNegotiationWorkbook } from "./support";

const CLAIMS_HEADER = ["Claim ID", "Contract Name", "HCPCS Code", "Service Unit Quantity", "Allowed Amount"];

/** Acme PPO's lines (and one of Summit MA): 99213 4 x 25 units at $1,500.00; 99214 2 x 20 units at $2,000.00. */
export const CLAIM_ROWS: readonly (readonly CellInput[])[] = [
  ["C-1", "Acme PPO", "99213", 25, 1500],
  ["C-2", "Acme PPO", "99213", 25, 1500],
  ["C-3", "ACME PPO", "99213", 25, 1500],
  ["C-4", "Acme PPO", "99213", 25, 1500],
  ["C-5", "Acme PPO", "99214", 20, 2000],
  ["C-6", "Acme PPO", "99214", 20, 2000],
  ["C-7", "Summit MA", "99213", 1, 55.25],
];

const letter = (n: number) => String.fromCharCode(65 + n);

function claimsSheet(rows: readonly (readonly CellInput[])[]): SheetSnapshot {
  return {
    name: "Claims",
    cells: [CLAIMS_HEADER, ...rows.map((row) => [...row])],
    numberFormats: [{ address: `C2:C${rows.length + 1}`, format: "@" }],
    tables: [{ name: "Claims", address: `A1:${letter(CLAIMS_HEADER.length - 1)}${rows.length + 1}` }],
  };
}

/** A Benchmarks row by its code, unit and rate; the other required cells as a hospital file gives them. */
function benchmarkRow(code: string, unit: "dollars" | "percent", rate: number): Record<string, CellInput> {
  return {
    Source: "Hospital MRF",
    Publisher: "West Mercy Hospital",
    Payer: "Platform Health Insurance",
    "Billing Code": code,
    "Billing Code Type": "CPT",
    Setting: "outpatient",
    Method: unit === "dollars" ? "fee schedule" : "percent of total billed charges",
    Unit: unit,
    Rate: rate,
  };
}

const BENCHMARK_ROWS = [
  ...[50, 60, 63.5, 63.5].map((rate) => benchmarkRow("99213", "dollars", rate)),
  ...[80, 90, 95, 95].map((rate) => benchmarkRow("99214", "dollars", rate)),
  benchmarkRow("99214", "percent", 150),
];

function benchmarksSheet(): SheetSnapshot {
  const headers = Object.values(BENCHMARKS_SPEC.columns).map((column) => column.header);
  const cells = [headers, ...BENCHMARK_ROWS.map((row) => headers.map((header) => row[header] ?? null))];
  return {
    name: "Benchmark Rates",
    cells,
    numberFormats: [{ address: `G2:G${cells.length}`, format: "@" }],
    tables: [{ name: "Benchmarks", address: `A1:${letter(headers.length - 1)}${cells.length}` }],
  };
}

/** The workbook above; `benchmarks` false leaves the Benchmarks table out. */
export function aNegotiationSheetWorkbook(
  options: { benchmarks?: boolean; claims?: readonly (readonly CellInput[])[] | null } = {},
): WorkbookSnapshot {
  const base = aNegotiationWorkbook({ without: ["NegotiationLog", "ContractClauses"] });
  const claims = options.claims === null ? [] : [claimsSheet(options.claims ?? CLAIM_ROWS)];
  const benchmarks = options.benchmarks === false ? [] : [benchmarksSheet()];
  return { ...base, sheets: [...base.sheets, ...claims, ...benchmarks] };
}

/** A request for Acme PPO over table Claims, with the form's default inputs. */
export function aNegotiationRequest(overrides: Partial<NegotiationSheetRequest> = {}): NegotiationSheetRequest {
  return {
    contractName: "Acme PPO",
    tableName: "Claims",
    mapping: suggestClaimsMapping(CLAIMS_HEADER),
    inputs: DEFAULT_NEGOTIATION_INPUTS,
    replace: false,
    ...overrides,
  };
}
