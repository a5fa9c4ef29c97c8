// Builders for outpatient pricing tests: claim lines and contract terms with defaults, and the real Addendum B
// tables of ../shared/data/cms-opps read once by the reader under test in test/formats/cmsOpps.
import { readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../../src/engine/decimal";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { IsoDate } from "../../../src/engine/isoDate";
import type { Modifier } from "../../../src/engine/modifiers";
import type { Cents } from "../../../src/engine/money";
import type { OppsTable } from "../../../src/engine/outpatient/oppsTable";
import type { OppsPricingData, OutpatientLine, OutpatientTerms } from "../../../src/engine/outpatient/types";
import type { RevenueCode } from "../../../src/engine/revenueCode";
import { parseAddendumBCsv } from "../../../src/formats/cmsOpps/addendumB";
import { SHARED_DATA } from "../../support/sharedData";

/** A claim line as a test writes it: codes and dollars as text, everything else defaulted. */
export interface LineSketch {
  readonly claimId?: string;
  readonly revenueCode?: string;
  readonly hcpcsCode?: string | null;
  readonly modifiers?: readonly string[];
  readonly units?: number;
  /** Dollars, e.g. "1234.56"; null for no charge. */
  readonly charge?: string | null;
  readonly serviceDate?: string;
}

/** Claim lines numbered 1, 2, ... in the order given (claim C1, date 2025-03-10, 1 unit, revenue code 0360). */
export function claimLines(...sketches: readonly LineSketch[]): OutpatientLine[] {
  return sketches.map((s, index) => ({
    claimId: s.claimId ?? "C1",
    claimLineNumber: index + 1,
    revenueCode: (s.revenueCode ?? "0360") as RevenueCode,
    hcpcsCode: s.hcpcsCode === undefined ? null : (s.hcpcsCode as HcpcsCode | null),
    modifiers: (s.modifiers ?? []) as Modifier[],
    units: new Decimal(s.units ?? 1),
    chargeAmount: s.charge === undefined || s.charge === null ? null : (new Decimal(s.charge).times(100).toNumber() as Cents), // prettier-ignore
    serviceDate: (s.serviceDate ?? "2025-03-10") as IsoDate,
  }));
}

/** Outpatient terms at 100% of OPPS without lesser-of, carve-outs or rate rows, unless overridden. */
export function outpatientTerms(overrides: Partial<OutpatientTerms> = {}): OutpatientTerms {
  return {
    contractName: "Mercy Hospital PPO",
    method: { kind: "percent of opps", percent: new Decimal(1) },
    lesserOf: false,
    revenueCodeRates: [],
    carveOuts: [],
    sourceRowNumber: 2,
    ...overrides,
  };
}

const FILES = {
  january: { file: "opps_addendum_b_2025-01_section508.csv", start: "2025-01-01" },
  october: { file: "opps_addendum_b_2025-10_section508.csv", start: "2025-10-01" },
} as const;

const loaded = new Map<keyof typeof FILES, OppsTable>();

/** A real Addendum B of 2025 (January or October), read from its Windows-1252 bytes by the Addendum B reader. */
export function addendumB(quarter: keyof typeof FILES): OppsTable {
  const cached = loaded.get(quarter);
  if (cached) return cached;
  if (SHARED_DATA === null) throw new Error("shared data folder not found");
  const { file, start } = FILES[quarter];
  const bytes = new Uint8Array(readFileSync(path.join(SHARED_DATA, "cms-opps", file)));
  const parsed = parseAddendumBCsv(bytes, { label: `Addendum B ${start.slice(0, 7)}`, effectiveStartDate: start as IsoDate }); // prettier-ignore
  if (!parsed.ok) throw new Error(`${file} was refused: ${parsed.issue.code}`);
  loaded.set(quarter, parsed.value.table);
  return parsed.value.table;
}

/** Both 2025 Addendum B tables and a wage index (1 unless given). */
export function opps2025(wageIndex = "1"): OppsPricingData {
  return { tables: [addendumB("january"), addendumB("october")], wageIndex: new Decimal(wageIndex) };
}
