/**
 * The schedule tables the registry names, from cells to the engine's schedules: a fee schedule table (a contract's
 * Fee Schedule) and a registered Medicare schedule table (its PPRRVU rows, the locality's GPCIs on every row, and its
 * conversion factors). Problems are pushed to the caller's list, as values.
 */
import { MEDICARE_PFS_CONVERSION_FACTORS, type ConversionFactorPeriod } from "../../engine";
import type { MedicareSchedule } from "../../engine";
import { Decimal } from "../../engine";
import { buildFeeSchedule, type FeeSchedule, type FeeScheduleRow } from "../../engine";
import type { LocalityGpci } from "../../engine";
import type { IsoDate } from "../../engine";
import type { EngineIssue } from "../../engine";
import { buildPfsSchedule, type PfsRvuRow } from "../../engine";
import type { RegistryIssue, TablePlace } from "./issues";
import { oppsCapOf } from "./oppsCapColumns";
import { MEDICARE_SCHEDULES_SPEC } from "./registryTables";
import { FEE_SCHEDULE_SPEC, MEDICARE_SCHEDULE_SPEC } from "./scheduleTableSpecs";
import { parseTable, type ParsedRow, type TableData } from "./tableSpec";

type MedicareRegistration = ParsedRow<typeof MEDICARE_SCHEDULES_SPEC.columns>;

const sameDecimal = (a: Decimal | null, b: Decimal | null) => (a === null ? b === null : b !== null && a.eq(b));
/** A shared zero for blank fractions (Decimals are immutable). */
const ZERO = new Decimal(0);

export function feeScheduleOf(data: TableData, issues: RegistryIssue[]): FeeSchedule {
  const parsed = parseTable(FEE_SCHEDULE_SPEC, data);
  issues.push(...parsed.issues);
  const rows: FeeScheduleRow[] = parsed.rows.map((row) => ({
    hcpcsCode: row.hcpcsCode!,
    modifier: row.modifier,
    nonFacilityRate: row.nonFacilityRate,
    facilityRate: row.facilityRate,
    effectiveStartDate: row.effectiveStartDate,
    effectiveEndDate: row.effectiveEndDate,
    sourceRowNumber: row.rowNumber,
  }));
  const built = buildFeeSchedule(data.name, rows);
  issues.push(...built.issues.map((issue) => engineIssue(issue, { table: data.name, sheet: data.sheet })));
  return built.schedule;
}

/** An engine issue found in a table's rows, with the table and sheet it is in. */
export function engineIssue(issue: EngineIssue, place: TablePlace | null): RegistryIssue {
  return { code: "engine", issue, table: place?.table ?? null, sheet: place?.sheet ?? null };
}

/**
 * The conversion factors of a Medicare schedule table: where its Conversion Factor column holds one the engine
 * knows for the schedule's dates, the engine's periods apply (so CY2024's March 9 change and CY2026's two CFs are
 * kept); another single value is taken for the whole schedule; blank means the engine's periods.
 */
function conversionFactorsOf(
  values: readonly Decimal[],
  start: IsoDate,
  end: IsoDate,
  table: string,
): ConversionFactorPeriod[] {
  const known = MEDICARE_PFS_CONVERSION_FACTORS.filter(
    (p) => p.effectiveStartDate <= end && p.effectiveEndDate >= start,
  );
  const stated = values[0];
  if (stated === undefined || known.some((p) => p.conversionFactor.eq(stated))) return known;
  return [
    {
      effectiveStartDate: start,
      effectiveEndDate: end,
      apmStatus: "all",
      conversionFactor: stated,
      source: `Conversion Factor column of ${table}`,
    },
  ];
}

export function medicareScheduleOf(
  registration: MedicareRegistration,
  data: TableData,
  issues: RegistryIssue[],
): MedicareSchedule | null {
  const parsed = parseTable(MEDICARE_SCHEDULE_SPEC, data);
  issues.push(...parsed.issues);
  const first = parsed.rows[0];
  if (first === undefined) return null;
  const place = { table: data.name, sheet: data.sheet };
  const key = registration.locality!;
  const oppsCap = oppsCapOf(data, parsed.rows, key, issues);
  const rows: PfsRvuRow[] = [];
  const cfs: Decimal[] = [];
  for (const row of parsed.rows) {
    if (oppsCap.leftOut.has(row.rowNumber)) continue;
    const differing = (
      ["workGpci", "peGpci", "malpracticeGpci", "conversionFactor", "anesthesiaConversionFactor"] as const
    ).find((field) => !sameDecimal(row[field], first[field]));
    if (differing !== undefined) {
      const header = MEDICARE_SCHEDULE_SPEC.columns[differing].header;
      issues.push({
        code: "cellInconsistent",
        ...place,
        rowNumber: row.rowNumber,
        column: header,
        value: row[differing]?.toString() ?? "",
        expected: `every row of a Medicare schedule table has the same ${header} (row ${first.rowNumber} has ${first[differing]?.toString() ?? "none"})`,
      });
      continue;
    }
    if (row.conversionFactor !== null && cfs.length === 0) cfs.push(row.conversionFactor);
    rows.push({
      hcpcsCode: row.hcpcsCode!,
      modifier: row.modifier,
      statusCode: row.statusCode!,
      workRvu: row.workRvu!,
      nonFacilityPeRvu: row.nonFacilityPeRvu!,
      nonFacilityNaIndicator: row.nonFacilityNaIndicator ?? false,
      facilityPeRvu: row.facilityPeRvu!,
      facilityNaIndicator: row.facilityNaIndicator ?? false,
      malpracticeRvu: row.malpracticeRvu!,
      pctcIndicator: row.pctcIndicator ?? "9",
      globalDays: row.globalDays ?? "XXX",
      preOperativeFraction: row.preOperativeFraction ?? ZERO,
      intraOperativeFraction: row.intraOperativeFraction ?? ZERO,
      postOperativeFraction: row.postOperativeFraction ?? ZERO,
      multipleProcedureIndicator: row.multipleProcedureIndicator ?? "9",
      bilateralIndicator: row.bilateralIndicator ?? "9",
      assistantSurgeryIndicator: row.assistantSurgeryIndicator ?? "9",
      coSurgeryIndicator: row.coSurgeryIndicator ?? "9",
      teamSurgeryIndicator: row.teamSurgeryIndicator ?? "9",
      pricingIndicator: null,
      endoscopicBaseCode: row.endoscopicBaseCode,
      conversionFactor: row.conversionFactor,
      diagnosticImagingFamilyIndicator: "",
      sourceRowNumber: row.rowNumber,
    });
  }
  const year = registration.year!;
  const start = registration.effectiveStartDate ?? (`${year}-01-01` as IsoDate);
  const end = registration.effectiveEndDate ?? (`${year}-12-31` as IsoDate);
  const locality: LocalityGpci = {
    localityKey: key,
    macCode: key.slice(0, 5),
    localityNumber: key.slice(6),
    stateCode: null,
    localityName: registration.localityName ?? "",
    workGpci: first.workGpci!,
    workGpciWithoutFloor: null,
    peGpci: first.peGpci!,
    malpracticeGpci: first.malpracticeGpci!,
  };
  return {
    name: data.name,
    pfs: buildPfsSchedule(`${data.name} (CY${year} PFS, sheet ${data.sheet})`, rows, oppsCap.table),
    locality,
    conversionFactors: conversionFactorsOf(cfs, start, end, data.name),
    // Every row has the same (checked above): the first row's, blank when the schedule was imported without ANES.
    anesthesiaConversionFactor: first.anesthesiaConversionFactor,
    effectiveStartDate: start,
    effectiveEndDate: end,
  };
}
