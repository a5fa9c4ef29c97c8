/**
 * The committed CMS rows of the sample's hospital contracts (see fixtures/SOURCES.md): the MS-DRG weights of FY2025
 * and FY2026 and the OPPS Addendum B rows of January and October 2025 for the DRGs and codes the hospital claims use,
 * so that PAYER.INPATIENT_PAYMENT and PAYER.OUTPATIENT_PAYMENT answer in the sample. Numbers keep their decimal text.
 */
import Papa from "papaparse";
import drgText from "./fixtures/ms-drg-weights.csv";
import oppsText from "./fixtures/opps-rates.csv";

/** One MS-DRG row of a fiscal year's weights table (CMS's IPPS pricer file). */
export interface DrgWeightFixtureRow {
  fiscalYear: number;
  msDrg: string;
  weight: string;
  gmlos: string;
  amlos: string;
  postAcute: boolean;
  specialPay: boolean;
  description: string;
}

/** One Addendum B row of a quarter, as the Addendum B reader reads it (money without "$" and thousands commas). */
export interface OppsRateFixtureRow {
  effectiveStartDate: string;
  hcpcsCode: string;
  statusIndicator: string;
  apc: string | null;
  relativeWeight: string | null;
  paymentRate: string | null;
}

function records(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true }).data;
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`sample fixture: column "${name}" missing`);
  return value;
}

const orNull = (text: string): string | null => (text === "" ? null : text);

/** Parses ms-drg-weights.csv. */
export function loadDrgWeights(): DrgWeightFixtureRow[] {
  return records(drgText).map((r) => ({
    fiscalYear: Number(field(r, "fiscal_year")),
    msDrg: field(r, "ms_drg"),
    weight: field(r, "weight"),
    gmlos: field(r, "gmlos"),
    amlos: field(r, "amlos"),
    postAcute: field(r, "post_acute") === "Y",
    specialPay: field(r, "special_pay") === "Y",
    description: field(r, "description"),
  }));
}

/** Parses opps-rates.csv. */
export function loadOppsRates(): OppsRateFixtureRow[] {
  return records(oppsText).map((r) => ({
    effectiveStartDate: field(r, "effective_start_date"),
    hcpcsCode: field(r, "hcpcs_code"),
    statusIndicator: field(r, "status_indicator"),
    apc: orNull(field(r, "apc")),
    relativeWeight: orNull(field(r, "relative_weight")),
    paymentRate: orNull(field(r, "payment_rate")),
  }));
}
