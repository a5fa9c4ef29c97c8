/**
 * The committed fixtures of the sample workbook (see fixtures/SOURCES.md), parsed into typed rows. Numbers keep their
 * decimal text too, so money can be computed exactly on scaled integers.
 */
import Papa from "papaparse";
import pprrvuText from "./fixtures/pprrvu-sample.csv";
import gpciText from "./fixtures/gpci-locality.csv";
import weightsText from "./fixtures/code-weights.csv";
import mixText from "./fixtures/claim-mix.csv";

/** One CY2025 PPRRVU row (HCPCS + modifier), with the RVU and CF texts as CMS prints them. */
export interface PprrvuRow {
  hcpcsCode: string;
  modifier: string;
  description: string;
  statusCode: string;
  workRvu: string;
  nonFacilityPeRvu: string;
  facilityPeRvu: string;
  malpracticeRvu: string;
  pctcIndicator: number;
  globalDays: string;
  multipleProcedureIndicator: number;
  bilateralIndicator: number;
  assistantSurgeryIndicator: number;
  coSurgeryIndicator: number;
  conversionFactor: string;
}

/** The one Medicare locality of the sample, with its CY2025 GPCIs as printed. */
export interface SampleLocality {
  mac: string;
  state: string;
  localityNumber: string;
  localityName: string;
  workGpci: string;
  peGpci: string;
  malpracticeGpci: string;
}

/** How often the Tuva synthetic claims bill a code, and in which setting. */
export interface CodeWeight {
  hcpcsCode: string;
  lineCount: number;
  facilityLineCount: number;
  modifier26LineCount: number;
  multiUnitLineCount: number;
}

function records(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true }).data;
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`sample fixture: column "${name}" missing`);
  return value;
}

/** Parses pprrvu-sample.csv. */
export function loadPprrvu(): PprrvuRow[] {
  return records(pprrvuText).map((r) => ({
    hcpcsCode: field(r, "HCPCS"),
    modifier: field(r, "MOD"),
    description: field(r, "DESCRIPTION"),
    statusCode: field(r, "STATUS CODE"),
    workRvu: field(r, "WORK RVU"),
    nonFacilityPeRvu: field(r, "NON-FAC PE RVU"),
    facilityPeRvu: field(r, "FACILITY PE RVU"),
    malpracticeRvu: field(r, "MP RVU"),
    pctcIndicator: Number(field(r, "PCTC IND")),
    globalDays: field(r, "GLOB DAYS"),
    multipleProcedureIndicator: Number(field(r, "MULT PROC")),
    bilateralIndicator: Number(field(r, "BILAT SURG")),
    assistantSurgeryIndicator: Number(field(r, "ASST SURG")),
    coSurgeryIndicator: Number(field(r, "CO-SURG")),
    conversionFactor: field(r, "CONV FACTOR"),
  }));
}

/** Parses gpci-locality.csv (columns found by their start, since CMS puts the year in the GPCI headers). */
export function loadLocality(): SampleLocality {
  const [row] = records(gpciText);
  if (!row) throw new Error("sample fixture: gpci-locality.csv has no row");
  const byStart = (start: string) => {
    const key = Object.keys(row).find((k) => k.includes(start));
    if (!key) throw new Error(`sample fixture: gpci-locality.csv has no "${start}" column`);
    return field(row, key);
  };
  return {
    mac: byStart("(MAC)"),
    state: byStart("State"),
    localityNumber: byStart("Locality Number"),
    localityName: byStart("Locality Name"),
    workGpci: byStart("PW GPCI"),
    peGpci: byStart("PE GPCI"),
    malpracticeGpci: byStart("MP GPCI"),
  };
}

/** Parses code-weights.csv. */
export function loadCodeWeights(): CodeWeight[] {
  return records(weightsText).map((r) => ({
    hcpcsCode: field(r, "hcpcs_code"),
    lineCount: Number(field(r, "line_count")),
    facilityLineCount: Number(field(r, "facility_line_count")),
    modifier26LineCount: Number(field(r, "modifier_26_line_count")),
    multiUnitLineCount: Number(field(r, "multi_unit_line_count")),
  }));
}

/** Line counts by place of service in the Tuva claims, from claim-mix.csv. */
export function loadPlaceOfServiceMix(): [string, number][] {
  return records(mixText)
    .filter((r) => field(r, "dimension") === "place_of_service_code")
    .map((r) => [field(r, "value"), Number(field(r, "line_count"))]);
}
