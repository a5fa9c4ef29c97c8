/**
 * From the registry tables' cells to the engine's indexed registry: parse each table by its spec, turn rows into
 * engine types, index them (buildContractRegistry, buildFeeSchedule, buildPfsSchedule), and say which contracts a
 * problem affects. Pure: readRegistry.ts does the Excel reading.
 */
import { CURRENT_MEDICARE_SCHEDULE, type CarveOut, type ContractVersion, type MedicareSchedule } from "../../engine";
import type { ModifierPolicy } from "../../engine";
import { buildContractRegistry, registryKey, type ContractRegistry } from "../../engine";
import { carveOutMethodOf, contractMethodOf, defaultRuleOf } from "../../engine";
import { buildAnesthesiaBaseUnits, type AnesthesiaBaseUnitsTable } from "../../engine";
import type { FeeSchedule } from "../../engine";
import type { LocalityKey } from "../../engine";
import type { IsoDate } from "../../engine";
import { ContractIssues, contractKeyOfCell, type ContractIssueIndex } from "./contractIssues";
import { buildHospitalRegistry } from "./buildHospital";
import { HOSPITAL_TABLE_NAMES } from "./hospitalSpecs";
import type { RegistryIssue, TableNameProblem } from "./issues";
import {
  ANESTHESIA_BASE_UNITS_SPEC,
  ANESTHESIA_BASE_UNITS_TABLE,
  CONTRACT_CARVE_OUTS_SPEC,
  CONTRACT_MODIFIER_POLICIES_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  PAYER_CONTRACTS_SPEC,
  PAYER_CONTRACTS_TABLE,
  CONTRACT_CARVE_OUTS_TABLE,
  CONTRACT_MODIFIER_POLICIES_TABLE,
  MEDICARE_SCHEDULES_TABLE,
} from "./registryTables";
import { engineIssue, feeScheduleOf, medicareScheduleOf } from "./scheduleTables";
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
  readonly issuesByContract: ContractIssueIndex;
  /**
   * Problems that make a hospital contract's inpatient (or outpatient) amounts untrustworthy, by registry key of the
   * contract name: PAYER.INPATIENT_PAYMENT (PAYER.OUTPATIENT_PAYMENT) answers with the first one until it is fixed.
   */
  readonly inpatientIssuesByContract: ContractIssueIndex;
  readonly outpatientIssuesByContract: ContractIssueIndex;
  /** The tables the registry was read from (the cache refreshes when one of them changes). */
  readonly tableNames: readonly string[];
}

/** The registry tables every read starts with (the anesthesia base units are one per workbook, like them). */
export const REGISTRY_TABLE_NAMES: readonly string[] = [
  PAYER_CONTRACTS_TABLE,
  CONTRACT_CARVE_OUTS_TABLE,
  CONTRACT_MODIFIER_POLICIES_TABLE,
  MEDICARE_SCHEDULES_TABLE,
  ANESTHESIA_BASE_UNITS_TABLE,
  ...HOSPITAL_TABLE_NAMES,
];

type ContractRow = ParsedRow<typeof PAYER_CONTRACTS_SPEC.columns>;
type Tables = ReadonlyMap<string, TableData>;

const tableIn = (tables: Tables, name: string): TableData | undefined => tables.get(registryKey(name));
const EMPTY = { rows: [], issues: [], rejected: [], warnings: [] };

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
    anesthesiaConversionFactor: row.anesthesiaConversionFactor,
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

function modifierPoliciesOf(parsed: ParsedTable<typeof CONTRACT_MODIFIER_POLICIES_SPEC.columns>): ModifierPolicy[] {
  return parsed.rows.map((row) => ({
    contractName: row.contractName!,
    modifier: row.modifier!,
    percent: row.percent!,
    sourceRowNumber: row.rowNumber,
  }));
}

/** The table an engine issue about the registry's rows comes from. */
function tableOfIssue(code: string): string {
  if (code.startsWith("carveOut")) return CONTRACT_CARVE_OUTS_TABLE;
  return code.startsWith("modifierPolicy") ? CONTRACT_MODIFIER_POLICIES_TABLE : PAYER_CONTRACTS_TABLE;
}

/**
 * The workbook's anesthesia base units, when it has the table. Its bad rows are reported; the codes they hold are
 * then "not in the table", which is what an anesthesia line of such a code answers.
 */
function anesthesiaBaseUnitsOf(tables: Tables, issues: RegistryIssue[]): AnesthesiaBaseUnitsTable | undefined {
  const data = tableIn(tables, ANESTHESIA_BASE_UNITS_TABLE);
  if (data === undefined) return undefined;
  const parsed = parseTable(ANESTHESIA_BASE_UNITS_SPEC, data);
  issues.push(...parsed.issues);
  const rows = parsed.rows.map((row) => ({ hcpcsCode: row.hcpcsCode, baseUnits: row.baseUnits, sourceRowNumber: row.rowNumber })); // prettier-ignore
  return buildAnesthesiaBaseUnits(`${data.name} (sheet "${data.sheet}")`, rows);
}

/** A table of the registry that cannot be read as a whole (a required column missing), or null. */
const unreadable = (parsed: ParsedTable<never>): RegistryIssue | null =>
  parsed.issues.find((issue) => issue.code === "columnMissing") ?? null;

/** Where a registry table is, for the issues its rows raise (a table the workbook lacks has no rows to blame). */
const placeOf = (tables: Tables, name: string) => {
  const data = tableIn(tables, name);
  return { table: data?.name ?? name, sheet: data?.sheet ?? "" };
};

/**
 * What is wrong with a table named in a registry cell, or null: the registry's own tables and the registered
 * Medicare schedules are never fee schedules, and the workbook must have the table.
 */
function tableNameProblem(tables: Tables, name: string, medicare: ReadonlySet<string>): TableNameProblem | null {
  const key = registryKey(name);
  if (REGISTRY_TABLE_NAMES.some((table) => registryKey(table) === key)) return "registryTable";
  if (medicare.has(key)) return "medicareTable";
  return tableIn(tables, key) === undefined ? "missing" : null;
}

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
  const policyTable = parseRegistryTable(CONTRACT_MODIFIER_POLICIES_SPEC, tables);
  const registrations = parseRegistryTable(MEDICARE_SCHEDULES_SPEC, tables);
  for (const parsed of [contracts, carveOutTable, policyTable, registrations]) issues.push(...parsed.issues);
  // An unreadable contract, carve-out or policy table leaves every contract's amounts unknown: every contract's problem.
  const contractsUnreadable = unreadable(contracts as ParsedTable<never>);
  const medicareUnreadable = unreadable(registrations as ParsedTable<never>);
  const contractTables = [contracts, carveOutTable, policyTable] as ParsedTable<never>[];
  for (const parsed of contractTables) {
    const problem = unreadable(parsed);
    if (problem !== null) blocking.addForEvery(problem);
  }
  const issueOfRow = (parsed: ParsedTable<never>, rowNumber: number) =>
    parsed.issues.find((i) => "rowNumber" in i && i.rowNumber === rowNumber);
  for (const parsed of contractTables) {
    for (const rejected of parsed.rejected)
      blocking.add(rejected.cells.contractName, issueOfRow(parsed, rejected.rowNumber)!);
  }

  const rejectedContracts = new Set(contracts.rejected.map(({ cells }) => contractKeyOfCell(cells.contractName)));
  const versions = contracts.rows.map(contractVersion);
  const usesMedicare = (v: ContractVersion, table: string) =>
    v.medicareScheduleName !== null &&
    (isMedicarePattern(v.medicareScheduleName) || registryKey(v.medicareScheduleName) === registryKey(table));
  if (medicareUnreadable !== null)
    for (const version of versions)
      if (version.medicareScheduleName !== null) blocking.add(version.contractName, medicareUnreadable);

  const medicareTables = new Set(registrations.rows.map((r) => registryKey(r.scheduleTable!)));
  const contractsPlace = placeOf(tables, PAYER_CONTRACTS_TABLE);
  const feeSchedules: FeeSchedule[] = [];
  const usable = new Map<string, string>();
  for (const version of versions) {
    if (version.method.kind !== "fee schedule") continue;
    const name = version.method.feeScheduleName;
    const problem = tableNameProblem(tables, name, medicareTables);
    if (problem === null) {
      usable.set(registryKey(name), name);
      continue;
    }
    const issue: RegistryIssue = {
      code: "tableNameInvalid",
      ...contractsPlace,
      rowNumber: version.sourceRowNumber,
      column: PAYER_CONTRACTS_SPEC.columns.feeSchedule.header,
      value: name,
      problem,
      expected: "the name of a fee schedule table",
    };
    issues.push(issue);
    blocking.add(version.contractName, issue);
  }
  for (const key of usable.keys()) {
    const data = tableIn(tables, key)!;
    const scheduleIssues: RegistryIssue[] = [];
    feeSchedules.push(feeScheduleOf(data, scheduleIssues));
    issues.push(...scheduleIssues);
    // A duplicate row is answered code by code by the engine; rows left out would silently change amounts.
    const leftOut = scheduleIssues.filter((i) => i.code !== "engine" || i.issue.code !== "feeScheduleDuplicateRow");
    for (const user of versions)
      if (user.method.kind === "fee schedule" && registryKey(user.method.feeScheduleName) === key)
        for (const issue of leftOut) blocking.add(user.contractName, issue);
  }

  const medicarePlace = placeOf(tables, MEDICARE_SCHEDULES_TABLE);
  const medicareSchedules: MedicareSchedule[] = [];
  for (const registration of registrations.rows) {
    const name = registration.scheduleTable!;
    const problem = tableNameProblem(tables, name, new Set());
    const scheduleIssues: RegistryIssue[] = [];
    const data = problem === null ? tableIn(tables, name)! : null;
    const schedule = data === null ? null : medicareScheduleOf(registration, data, scheduleIssues);
    if (problem !== null)
      scheduleIssues.push({
        code: "tableNameInvalid",
        ...medicarePlace,
        rowNumber: registration.rowNumber,
        column: MEDICARE_SCHEDULES_SPEC.columns.scheduleTable.header,
        value: name,
        problem,
        expected: "the name of a Medicare schedule table",
      });
    if (schedule !== null) medicareSchedules.push(schedule);
    issues.push(...scheduleIssues);
    for (const user of versions.filter((v) => usesMedicare(v, name)))
      for (const issue of scheduleIssues) blocking.add(user.contractName, issue);
  }
  const registered = new Set(medicareSchedules.map((s) => registryKey(s.name)));
  // A registration row left out for a bad cell (a year "twenty25") still names its table: "not registered, add a
  // row" would point the user the wrong way, so the contracts using that table answer with the row's own problem.
  const rejectedRegistrations = new Map<string, RegistryIssue>();
  for (const { rowNumber, cells } of registrations.rejected) {
    const issue = issueOfRow(registrations as ParsedTable<never>, rowNumber);
    if (typeof cells.scheduleTable === "string" && issue !== undefined)
      rejectedRegistrations.set(registryKey(cells.scheduleTable), issue);
  }
  for (const version of versions) {
    const named = version.medicareScheduleName;
    if (named === null || isMedicarePattern(named) || registered.has(registryKey(named))) continue;
    // With MedicareSchedules unreadable, "not registered" is not known: its own problem says what to fix.
    if (medicareUnreadable !== null) continue;
    const rejected = rejectedRegistrations.get(registryKey(named));
    if (rejected !== undefined) {
      blocking.add(version.contractName, rejected);
      continue;
    }
    const issue: RegistryIssue = {
      code: "medicareScheduleNotRegistered",
      table: named,
      contractName: version.contractName,
    };
    issues.push(issue);
    blocking.add(version.contractName, issue);
  }

  const anesthesiaBaseUnits = anesthesiaBaseUnitsOf(tables, issues);
  const knownContracts = new Set([
    ...versions.map((v) => registryKey(v.contractName)),
    ...[...rejectedContracts].filter((key): key is string => key !== null),
  ]);
  const hospital = buildHospitalRegistry(tables, { keys: knownContracts, unreadable: contractsUnreadable }, issues);
  const withTerms = hospital.contractsWithTerms;
  for (const version of withTerms === null ? [] : versions)
    if (version.method.kind === "none" && !withTerms!.has(registryKey(version.contractName)))
      issues.push({ code: "hospitalTermsMissing", ...contractsPlace, rowNumber: version.sourceRowNumber, contractName: version.contractName }); // prettier-ignore
  const built = buildContractRegistry({
    hospital: hospital.hospital,
    versions,
    carveOuts: carveOutsOf(carveOutTable),
    modifierPolicies: modifierPoliciesOf(policyTable),
    feeSchedules,
    medicareSchedules,
    ...(anesthesiaBaseUnits === undefined ? {} : { anesthesiaBaseUnits }),
  });
  for (const issue of built.issues) {
    // A carve-out or policy does not name a contract "not in the registry" when the registry cannot be read, or when
    // the contract's rows were left out for a problem of their own (reported, and blocking the contract already).
    const unknown = issue.code === "carveOutContractUnknown" || issue.code === "modifierPolicyContractUnknown";
    if (unknown && (contractsUnreadable !== null || rejectedContracts.has(registryKey(issue.contractName)))) continue;
    const wrapped = engineIssue(issue, placeOf(tables, tableOfIssue(issue.code)));
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
    issuesByContract: blocking,
    inpatientIssuesByContract: hospital.inpatientIssues,
    outpatientIssuesByContract: hospital.outpatientIssues,
    tableNames: [...tables.values()].map((t) => t.name),
  };
}
