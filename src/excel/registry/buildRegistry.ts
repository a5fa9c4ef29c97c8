/**
 * From the registry tables' cells to the engine's indexed registry: parse each table by its spec, turn rows into
 * engine types, index them (buildContractRegistry, buildFeeSchedule, buildPfsSchedule), and say which contracts a
 * problem affects. Pure: readRegistry.ts does the Excel reading.
 */
import { MEDICARE_PFS_CONVERSION_FACTORS, type ConversionFactorPeriod } from "../../engine";
import { CURRENT_MEDICARE_SCHEDULE, type CarveOut, type ContractVersion, type MedicareSchedule } from "../../engine";
import { buildContractRegistry, registryKey, type ContractRegistry } from "../../engine";
import { carveOutMethodOf, contractMethodOf, defaultRuleOf } from "../../engine";
import { Decimal } from "../../engine";
import { buildFeeSchedule, type FeeSchedule, type FeeScheduleRow } from "../../engine";
import type { LocalityGpci, LocalityKey } from "../../engine";
import type { IsoDate } from "../../engine";
import type { EngineIssue } from "../../engine";
import { buildPfsSchedule, type PfsRvuRow } from "../../engine";
import type { RegistryIssue } from "./issues";
import {
  CONTRACT_CARVE_OUTS_SPEC,
  FEE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  PAYER_CONTRACTS_SPEC,
  PAYER_CONTRACTS_TABLE,
  CONTRACT_CARVE_OUTS_TABLE,
  MEDICARE_SCHEDULES_TABLE,
} from "./registryTables";
import { parseTable, type ParsedRow, type ParsedTable, type TableData } from "./tableSpec";

/** The registry as the custom functions use it: indexed, with what is wrong with it. */
export interface RegistrySnapshot {
  readonly registry: ContractRegistry;
  /** Registered Medicare schedules by locality, sorted by start date (for PAYER.MEDICARE_RATE). */
  readonly medicareByLocality: ReadonlyMap<LocalityKey, readonly MedicareSchedule[]>;
  /** Every problem found, in table order. */
  readonly issues: readonly RegistryIssue[];
  /**
   * Problems that make a contract's amounts untrustworthy (a registry or carve-out row left out, a schedule it uses
   * with bad rows), by registry key of the contract name: its functions answer with the first one until it is fixed.
   */
  readonly issuesByContract: ReadonlyMap<string, readonly RegistryIssue[]>;
  /** The tables the registry was read from (the cache refreshes when one of them changes). */
  readonly tableNames: readonly string[];
}

/** The three registry tables every read starts with. */
export const REGISTRY_TABLE_NAMES: readonly string[] = [
  PAYER_CONTRACTS_TABLE,
  CONTRACT_CARVE_OUTS_TABLE,
  MEDICARE_SCHEDULES_TABLE,
];

type ContractRow = ParsedRow<typeof PAYER_CONTRACTS_SPEC.columns>;
type MedicareRegistration = ParsedRow<typeof MEDICARE_SCHEDULES_SPEC.columns>;
type Tables = ReadonlyMap<string, TableData>;

const tableIn = (tables: Tables, name: string): TableData | undefined => tables.get(registryKey(name));
const EMPTY = { rows: [], issues: [], rejected: [] };

/** Parses a registry table when the workbook has it (a missing registry table is an empty one). */
function parseRegistryTable<S extends Parameters<typeof parseTable>[0]>(
  spec: S,
  tables: Tables,
): ParsedTable<S["columns"]> {
  const data = tableIn(tables, spec.title);
  return data === undefined ? EMPTY : (parseTable(spec, data) as ParsedTable<S["columns"]>);
}

function isMedicarePattern(name: string): boolean {
  return registryKey(name) === CURRENT_MEDICARE_SCHEDULE || /\{year\}/i.test(name);
}

/**
 * The schedule tables the registry needs besides its own three: every fee schedule a contract names and every
 * registered Medicare schedule. readRegistry reads these in its second round trip.
 */
export function scheduleTablesNeeded(tables: Tables): string[] {
  const contracts = parseRegistryTable(PAYER_CONTRACTS_SPEC, tables).rows;
  const registered = parseRegistryTable(MEDICARE_SCHEDULES_SPEC, tables).rows;
  const names = [
    ...contracts.map((c) => c.feeSchedule).filter((n): n is string => n !== null),
    ...registered.map((r) => r.scheduleTable).filter((n): n is string => n !== null),
  ];
  return [...new Map(names.map((n) => [registryKey(n), n])).values()];
}

const sameDecimal = (a: Decimal | null, b: Decimal | null) => (a === null ? b === null : b !== null && a.eq(b));
const lastDayOfTime = "9999-12-31" as IsoDate;

function contractVersion(row: ContractRow): ContractVersion {
  const method = contractMethodOf(row.method!, row);
  return {
    contractName: row.contractName!,
    payer: row.payer!,
    product: row.product ?? "",
    effectiveStartDate: row.effectiveStartDate!,
    effectiveEndDate: row.effectiveEndDate ?? lastDayOfTime,
    method,
    medicareScheduleName: row.medicareSchedule,
    lesserOf: row.lesserOf ?? false,
    defaultRule: row.defaultMethod === null ? null : defaultRuleOf(row.defaultMethod, row),
    multipleProcedureRule: row.multipleProcedureRule ?? "medicare",
    termEndDate: row.termEndDate,
    renewalNoticeDate: row.renewalNoticeDate,
    autoRenew: row.autoRenew ?? false,
    sourceRowNumber: row.rowNumber,
  };
}

function carveOutsOf(parsed: ParsedTable<typeof CONTRACT_CARVE_OUTS_SPEC.columns>): CarveOut[] {
  return parsed.rows.map((row) => ({
    contractName: row.contractName!,
    hcpcsCodeFrom: row.hcpcsCodeFrom!,
    hcpcsCodeTo: row.hcpcsCodeTo ?? row.hcpcsCodeFrom!,
    method: carveOutMethodOf(row.method!, row),
    sourceRowNumber: row.rowNumber,
  }));
}

function feeScheduleOf(data: TableData, issues: RegistryIssue[]): FeeSchedule {
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
  issues.push(...built.issues.map((issue) => engineIssue(issue, data.sheet)));
  return built.schedule;
}

function engineIssue(issue: EngineIssue, sheet: string | null): RegistryIssue {
  return { code: "engine", issue, sheet };
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

function medicareScheduleOf(
  registration: MedicareRegistration,
  data: TableData,
  issues: RegistryIssue[],
): MedicareSchedule | null {
  const parsed = parseTable(MEDICARE_SCHEDULE_SPEC, data);
  issues.push(...parsed.issues);
  const first = parsed.rows[0];
  if (first === undefined) return null;
  const place = { table: data.name, sheet: data.sheet };
  const rows: PfsRvuRow[] = [];
  const cfs: Decimal[] = [];
  for (const row of parsed.rows) {
    const differing = (["workGpci", "peGpci", "malpracticeGpci", "conversionFactor"] as const).find(
      (field) => !sameDecimal(row[field], first[field]),
    );
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
  const key = registration.locality!;
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
    pfs: buildPfsSchedule(`${data.name} (CY${year} PFS, sheet ${data.sheet})`, rows),
    locality,
    conversionFactors: conversionFactorsOf(cfs, start, end, data.name),
    effectiveStartDate: start,
    effectiveEndDate: end,
  };
}

/** Groups issues under the contracts they make untrustworthy. */
class ContractIssues {
  readonly byContract = new Map<string, RegistryIssue[]>();
  add(contractName: unknown, issue: RegistryIssue): void {
    if (typeof contractName !== "string" && typeof contractName !== "number") return;
    const key = registryKey(String(contractName));
    this.byContract.set(key, [...(this.byContract.get(key) ?? []), issue]);
  }
}

/** A shared zero for blank fractions (Decimals are immutable). */
const ZERO = new Decimal(0);

/**
 * Builds the registry from table cells keyed by lower-case table name: the three registry tables and the schedule
 * tables {@link scheduleTablesNeeded} names. Every problem is reported; rows with problems are left out, and the
 * contracts they concern answer with the problem (see {@link RegistrySnapshot.issuesByContract}).
 */
export function buildRegistry(tables: Tables): RegistrySnapshot {
  const issues: RegistryIssue[] = [];
  const blocking = new ContractIssues();
  const contracts = parseRegistryTable(PAYER_CONTRACTS_SPEC, tables);
  const carveOutTable = parseRegistryTable(CONTRACT_CARVE_OUTS_SPEC, tables);
  const registrations = parseRegistryTable(MEDICARE_SCHEDULES_SPEC, tables);
  for (const parsed of [contracts, carveOutTable, registrations]) issues.push(...parsed.issues);
  const issueOfRow = (parsed: ParsedTable<never>, rowNumber: number) =>
    parsed.issues.find((i) => "rowNumber" in i && i.rowNumber === rowNumber);
  for (const parsed of [contracts, carveOutTable] as ParsedTable<never>[]) {
    for (const rejected of parsed.rejected)
      blocking.add(rejected.cells.contractName, issueOfRow(parsed, rejected.rowNumber)!);
  }

  const versions = contracts.rows.map(contractVersion);
  const usersOf = (table: string, medicare: boolean) =>
    versions.filter((v) =>
      medicare
        ? v.medicareScheduleName !== null &&
          (isMedicarePattern(v.medicareScheduleName) || registryKey(v.medicareScheduleName) === registryKey(table))
        : v.method.kind === "fee schedule" && registryKey(v.method.feeScheduleName) === registryKey(table),
    );

  const feeSchedules: FeeSchedule[] = [];
  const namedFeeSchedules = new Map<string, ContractVersion>();
  for (const version of versions)
    if (version.method.kind === "fee schedule")
      namedFeeSchedules.set(registryKey(version.method.feeScheduleName), version);
  for (const [key, version] of namedFeeSchedules) {
    const data = tableIn(tables, key);
    if (data === undefined) {
      const name = version.method.kind === "fee schedule" ? version.method.feeScheduleName : key;
      issues.push({
        code: "scheduleTableMissing",
        table: name,
        namedBy: `Contract "${version.contractName}" (${PAYER_CONTRACTS_TABLE} row ${version.sourceRowNumber})`,
      });
      continue;
    }
    const scheduleIssues: RegistryIssue[] = [];
    feeSchedules.push(feeScheduleOf(data, scheduleIssues));
    issues.push(...scheduleIssues);
    // A duplicate row is answered code by code by the engine; rows left out would silently change amounts.
    const leftOut = scheduleIssues.filter((i) => i.code !== "engine" || i.issue.code !== "feeScheduleDuplicateRow");
    for (const user of usersOf(data.name, false)) for (const issue of leftOut) blocking.add(user.contractName, issue);
  }

  const medicareSchedules: MedicareSchedule[] = [];
  for (const registration of registrations.rows) {
    const name = registration.scheduleTable!;
    const data = tableIn(tables, name);
    const scheduleIssues: RegistryIssue[] = [];
    const schedule = data === undefined ? null : medicareScheduleOf(registration, data, scheduleIssues);
    if (data === undefined)
      scheduleIssues.push({
        code: "scheduleTableMissing",
        table: name,
        namedBy: `${MEDICARE_SCHEDULES_TABLE} row ${registration.rowNumber}`,
      });
    if (schedule !== null) medicareSchedules.push(schedule);
    issues.push(...scheduleIssues);
    for (const user of usersOf(name, true)) for (const issue of scheduleIssues) blocking.add(user.contractName, issue);
  }
  const registered = new Set(medicareSchedules.map((s) => registryKey(s.name)));
  for (const version of versions) {
    const named = version.medicareScheduleName;
    if (named === null || isMedicarePattern(named) || registered.has(registryKey(named))) continue;
    const issue: RegistryIssue = {
      code: "medicareScheduleNotRegistered",
      table: named,
      contractName: version.contractName,
    };
    issues.push(issue);
    blocking.add(version.contractName, issue);
  }

  const built = buildContractRegistry({
    versions,
    carveOuts: carveOutsOf(carveOutTable),
    feeSchedules,
    medicareSchedules,
  });
  for (const issue of built.issues) {
    const sheet = tableIn(
      tables,
      issue.code.startsWith("carveOut") ? CONTRACT_CARVE_OUTS_TABLE : PAYER_CONTRACTS_TABLE,
    );
    const wrapped = engineIssue(issue, sheet?.sheet ?? null);
    issues.push(wrapped);
    if ("contractName" in issue) blocking.add(issue.contractName, wrapped);
  }

  const medicareByLocality = new Map<LocalityKey, MedicareSchedule[]>();
  for (const schedule of medicareSchedules) {
    const list = medicareByLocality.get(schedule.locality.localityKey) ?? [];
    list.push(schedule);
    list.sort((a, b) => (a.effectiveStartDate < b.effectiveStartDate ? -1 : 1));
    medicareByLocality.set(schedule.locality.localityKey, list);
  }
  return {
    registry: built.registry,
    medicareByLocality,
    issues,
    issuesByContract: blocking.byContract,
    tableNames: [...tables.values()].map((t) => t.name),
  };
}
