/**
 * The contract editor's workbook side (issue 4, item 3): lists the registry's contract versions and carve-outs as
 * editable rows with the registry reader's problems, checks a version as the user types (the declared spec and the
 * engine's overlap check), and saves or deletes rows in PayerContracts and ContractCarveOuts, which stay ordinary
 * tables the user can edit by hand (ARCHITECTURE.md 3). Saves and deletes are operations of the runner, checked
 * against the registry's own rules inside them (registryRowWriter.ts, issue 10).
 */
import { saveCheckedRow } from "./saveCheckedRow";
import { registryKey } from "../../engine";
import { CURRENT_MEDICARE_SCHEDULE } from "../../engine";
import { type Result } from "../../engine";
import { hostExcel, type ExcelGateway } from "../core/excelGateway";
import { buildRegistry } from "../registry/buildRegistry";
import { columnPositions, type ParsedRow } from "../registry/columnDictionary";
import { HOSPITAL_TABLE_SPECS } from "../registry/hospitalSpecs";
import { registryIssueMessage, registryIssueRows } from "../registry/issues";
import { readRegistryTables } from "../registry/readRegistry";
import {
  CONTRACT_CARVE_OUTS_SPEC,
  CONTRACT_MODIFIER_POLICIES_SPEC,
  FEE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  PAYER_CONTRACTS_SPEC,
  REGISTRY_TABLE_SPECS,
} from "../registry/registryTables";
import { parseTable } from "../registry/tableSpec";
import { editableRows, type EditableRow } from "./editableRows";
import type { EditorIssue } from "./editorIssues";
import { HOSPITAL_TERMS, hospitalTermsRows, termsOfContract, type HospitalTermsRows } from "./hospitalTerms";
import { checkForm, type FieldErrors, type FormCheck, type FormValues } from "./registryForm";
import { deleteRegistryRow, type LoadedRow, type SavedRow } from "./registryRowWriter";

export { editorIssueMessage, type EditorIssue } from "./editorIssues";
export type { EditableRow } from "./editableRows";

export type ContractColumns = typeof PAYER_CONTRACTS_SPEC.columns;
export type CarveOutColumns = typeof CONTRACT_CARVE_OUTS_SPEC.columns;
/** The inputs of a contract version's form (one per PayerContracts column). */
export type ContractForm = FormValues<ContractColumns>;
/** The inputs of a carve-out's form (one per ContractCarveOuts column). */
export type CarveOutForm = FormValues<CarveOutColumns>;

/** The sheet a missing registry table is created on. */
export const CONTRACTS_SHEET = "Contracts";
export const CARVE_OUTS_SHEET = "Carve-outs";

/** One contract: its versions (by start date), carve-outs, and hospital terms versions by side (by start date). */
export interface ContractEntry {
  readonly contractName: string;
  readonly payer: string;
  readonly versions: readonly EditableRow<ContractForm>[];
  readonly carveOuts: readonly EditableRow<CarveOutForm>[];
  readonly hospitalTerms: HospitalTermsRows;
}

/** Everything the Contracts panel shows and chooses from. */
export interface ContractEditorData {
  readonly contracts: readonly ContractEntry[];
  /**
   * What the registry reader says is wrong beyond single rows (a registry table without a required column, a
   * Medicare schedule a contract uses but nobody registered), in its words.
   */
  readonly problems: readonly string[];
  /** Tables a Fee Schedule can name: every table of the workbook except the registry's own and Medicare schedules. */
  readonly feeScheduleTables: readonly string[];
  /**
   * Choices of the Medicare Schedule column: "current", then the tables registered in MedicareSchedules, each
   * labelled by its locality and year for people (the value written is the table name).
   */
  readonly medicareSchedules: readonly MedicareScheduleChoice[];
}

/** A Medicare Schedule choice: the text written into the cell, and how the list shows it. */
export interface MedicareScheduleChoice {
  readonly value: string;
  readonly label: string;
}

const CURRENT_CHOICE: MedicareScheduleChoice = {
  value: CURRENT_MEDICARE_SCHEDULE,
  label: `${CURRENT_MEDICARE_SCHEDULE} (the schedule covering each date of service)`,
};

/** A registered schedule as people know it: "HOUSTON, TX 2025 (MPFS_2025_0441218)"; the locality number without a name. */
function medicareScheduleChoice(row: ParsedRow<typeof MEDICARE_SCHEDULES_SPEC.columns>): MedicareScheduleChoice {
  const place = row.localityName?.trim() || `locality ${row.locality}`;
  return { value: row.scheduleTable, label: `${place} ${row.year} (${row.scheduleTable})` };
}

const text = (input: unknown) => (typeof input === "string" ? input.trim() : "");

/**
 * Reads the registry for the editor as the registry reader does (three round trips; the same tables, the same build,
 * so the editor shows the reader's problems), plus two for the fee schedule choices: contracts grouped by name
 * (versions sorted by start date, with their carve-outs), the fee schedule tables to choose from, and the registered
 * Medicare schedules.
 */
export async function listContracts(excel: ExcelGateway = hostExcel()): Promise<ContractEditorData> {
  const { tables, tableNames } = await readRegistryTables(excel);
  const { issues } = buildRegistry(tables);
  const tableOf = (spec: { readonly title: string }) => tables.get(registryKey(spec.title));
  const versions = editableRows(PAYER_CONTRACTS_SPEC, tableOf(PAYER_CONTRACTS_SPEC), issues);
  const carveOuts = editableRows(CONTRACT_CARVE_OUTS_SPEC, tableOf(CONTRACT_CARVE_OUTS_SPEC), issues);
  const medicare = tableOf(MEDICARE_SCHEDULES_SPEC);
  const registered = medicare === undefined ? [] : parseTable(MEDICARE_SCHEDULES_SPEC, medicare).rows;
  const medicareSchedules = registered.filter((r) => r.scheduleTable !== "").map(medicareScheduleChoice);

  const groups = new Map<string, { contractName: string; payer: string; versions: EditableRow<ContractForm>[] }>();
  for (const version of versions) {
    const name = text(version.form.contractName);
    const key = registryKey(name);
    const group = groups.get(key) ?? { contractName: name, payer: text(version.form.payer), versions: [] };
    group.versions.push(version);
    groups.set(key, group);
  }
  const terms = hospitalTermsRows((title) => tables.get(registryKey(title)), issues);
  // Rows naming a contract PayerContracts lacks are listed under that name, with the reader's problem to fix.
  for (const row of [...carveOuts, ...terms.inpatient, ...terms.outpatient]) {
    const name = text(row.form.contractName);
    if (!groups.has(registryKey(name))) groups.set(registryKey(name), { contractName: name, payer: "", versions: [] });
  }
  const contracts = [...groups.entries()]
    .map(([key, group]) => ({
      ...group,
      versions: [...group.versions].sort((a, b) =>
        text(a.form.effectiveStartDate) < text(b.form.effectiveStartDate) ? -1 : 1,
      ),
      carveOuts: carveOuts.filter((c) => registryKey(text(c.form.contractName)) === key),
      hospitalTerms: termsOfContract(terms, key),
    }))
    .sort((a, b) => a.contractName.localeCompare(b.contractName));

  // The tables whose rows the editor has no form for: their row problems are shown with the registry's own.
  const withoutForm = new Set(
    [CONTRACT_MODIFIER_POLICIES_SPEC, ...HOSPITAL_TABLE_SPECS]
      .filter((spec) => !Object.values(HOSPITAL_TERMS).some((side) => side.spec === spec))
      .map((spec) => registryKey(spec.title)),
  );
  const notSchedules = new Set([
    ...REGISTRY_TABLE_SPECS.map((spec) => registryKey(spec.title)),
    ...medicareSchedules.map((choice) => registryKey(choice.value)),
  ]);
  return {
    contracts,
    problems: issues
      .filter((issue) => {
        const rows = registryIssueRows(issue);
        return rows.length === 0 || rows.some((r) => withoutForm.has(registryKey(r.table)));
      })
      .map(registryIssueMessage),
    feeScheduleTables: await feeScheduleTables(
      excel,
      tableNames.filter((name) => !notSchedules.has(registryKey(name))),
    ),
    medicareSchedules: [CURRENT_CHOICE, ...medicareSchedules],
  };
}

/**
 * The tables among `names` that hold rates (a code column and a non-facility or facility rate column, as the fee
 * schedule spec reads them), sorted: a claims or remittance table is never offered as a fee schedule. Two requests.
 */
async function feeScheduleTables(excel: ExcelGateway, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  // A table deleted since the registry was read is left out rather than failing the whole list.
  const headers = await excel.run(async (context) => {
    const tables = names.map((name) => context.workbook.tables.getItemOrNullObject(name));
    await context.sync();
    const ranges = tables.map((table) => (table.isNullObject ? null : table.getHeaderRowRange().load("values")));
    await context.sync();
    return ranges.map((range) => range?.values[0] ?? []);
  });
  const { hcpcsCode, nonFacilityRate, facilityRate } = FEE_SCHEDULE_SPEC.columns;
  return names
    .filter((_, i) => {
      const found = columnPositions({ hcpcsCode, nonFacilityRate, facilityRate }, headers[i]!);
      return found.has("hcpcsCode") && (found.has("nonFacilityRate") || found.has("facilityRate"));
    })
    .sort();
}

/** ISO date `days` days before `date`. */
function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/**
 * The Renewal Notice Date for "N days before term end": the date, or a message when N or the term end is missing
 * or not a date. Blank N means the form's own Renewal Notice Date applies.
 */
export function renewalNoticeFromDays(
  form: ContractForm,
  days: string,
): { readonly ok: true; readonly date: string | null } | { readonly ok: false; readonly message: string } {
  if (days.trim() === "") return { ok: true, date: null };
  const n = Number(days.trim());
  if (!Number.isInteger(n) || n < 0 || n > 3650)
    return { ok: false, message: "Expected a whole number of days, like 90." };
  const termEnd = checkForm(PAYER_CONTRACTS_SPEC, form).row?.termEndDate ?? null;
  if (termEnd === null) return { ok: false, message: "Enter the Term End Date first: the notice is counted from it." };
  return { ok: true, date: daysBefore(termEnd, n) };
}

/**
 * Checks a contract version as the sheet's reader would (cells, required columns, the spec's cross-column rules),
 * then against the contract's other versions in the registry with the engine's checks: an end before the start, or
 * dates overlapping another version of the same contract. `editing` is the row being edited (left out of the others).
 */
export function checkContractVersion(
  form: ContractForm,
  others: readonly EditableRow<ContractForm>[],
  editing: LoadedRow | null = null,
): FormCheck<ContractColumns> {
  const checked = checkForm(PAYER_CONTRACTS_SPEC, form);
  // Only the dates matter to the engine's version checks: each version is asked about as a minimal valid row, so
  // an overlap shows as soon as the name and dates are typed, before the rest of the form is complete.
  const datesOf = (f: ContractForm) => [
    text(f.contractName) === "" ? "(new contract)" : f.contractName,
    "-",
    f.effectiveStartDate,
    f.effectiveEndDate,
    "Percent of Billed",
    "100%",
  ];
  const columns = PAYER_CONTRACTS_SPEC.columns;
  const headers = [
    columns.contractName,
    columns.payer,
    columns.effectiveStartDate,
    columns.effectiveEndDate,
    columns.method,
    columns.percent,
  ].map((c) => c.header);
  if (checked.errors.effectiveStartDate !== undefined || checked.errors.effectiveEndDate !== undefined) return checked;
  const siblings = others.filter(
    (o) =>
      registryKey(text(o.form.contractName)) === registryKey(text(form.contractName)) &&
      (editing === null || o.loaded.rowNumber !== editing.rowNumber || o.loaded.table !== editing.table),
  );
  const rows = [...siblings.map((o) => datesOf(o.form)), datesOf(form)];
  const firstRowNumber = 2;
  const formRowNumber = firstRowNumber + siblings.length;
  const snapshot = buildRegistry(
    new Map([
      [
        registryKey(PAYER_CONTRACTS_SPEC.title),
        { name: PAYER_CONTRACTS_SPEC.title, sheet: "", headers, rows, firstRowNumber },
      ],
    ]),
  );
  const errors: Record<string, string> = {};
  for (const wrapped of snapshot.issues) {
    if (wrapped.code !== "engine") continue;
    const issue = wrapped.issue;
    if (issue.code === "contractVersionDatesReversed" && issue.rowNumber === formRowNumber)
      errors.effectiveEndDate ??= "The end date is before the start date.";
    if (
      issue.code === "contractVersionsOverlap" &&
      (issue.firstRowNumber === formRowNumber || issue.secondRowNumber === formRowNumber)
    ) {
      const other =
        siblings[
          (issue.firstRowNumber === formRowNumber ? issue.secondRowNumber : issue.firstRowNumber) - firstRowNumber
        ];
      const from = text(other?.form.effectiveStartDate);
      const to = text(other?.form.effectiveEndDate) || "no end";
      errors.effectiveStartDate ??= `Overlaps the version ${from} to ${to} (row ${other?.loaded.rowNumber ?? "?"}): versions of one contract may not share a day.`;
    }
  }
  return Object.keys(errors).length === 0
    ? checked
    : { errors: { ...errors, ...checked.errors } as FieldErrors<ContractColumns>, row: null };
}

/** Input of {@link saveContractVersion}: the form, the row it edits (null adds one), and the registry as loaded. */
export interface SaveContractInput {
  readonly form: ContractForm;
  readonly editing: LoadedRow | null;
  /** Every version as loaded (for the overlap check). */
  readonly versions: readonly EditableRow<ContractForm>[];
}

/** The user's Cancel, for the editor's operations. */
export interface EditorOptions {
  readonly signal?: AbortSignal;
}

/**
 * Adds or updates one PayerContracts row after checking it as the user typed it and as the registry would read it
 * once saved (registryCheck.ts); refuses when the row changed in the sheet since it was loaded. Creates the table on
 * a "Contracts" sheet when the workbook has none. All or nothing, through the operation runner.
 */
export async function saveContractVersion(
  excel: ExcelGateway,
  input: SaveContractInput,
  options: EditorOptions = {},
): Promise<Result<SavedRow, EditorIssue>> {
  const target = { spec: PAYER_CONTRACTS_SPEC, editing: input.editing, newSheetName: CONTRACTS_SHEET };
  const checked = checkContractVersion(input.form, input.versions, input.editing);
  return saveCheckedRow(
    excel,
    target,
    checked,
    ({ contractName, effectiveStartDate }) => ({
      what: `saving the version of contract "${contractName!}" from ${effectiveStartDate!}`,
      contractName: contractName!,
    }),
    options,
  );
}

/** Adds or updates one ContractCarveOuts row after checking it (same rules as {@link saveContractVersion}). */
export async function saveCarveOut(
  excel: ExcelGateway,
  input: { readonly form: CarveOutForm; readonly editing: LoadedRow | null },
  options: EditorOptions = {},
): Promise<Result<SavedRow, EditorIssue>> {
  const target = { spec: CONTRACT_CARVE_OUTS_SPEC, editing: input.editing, newSheetName: CARVE_OUTS_SHEET };
  return saveCheckedRow(
    excel,
    target,
    checkForm(CONTRACT_CARVE_OUTS_SPEC, input.form),
    (row) => {
      const { contractName, hcpcsCodeFrom, hcpcsCodeTo } = row;
      const codes =
        hcpcsCodeTo === null || hcpcsCodeTo === hcpcsCodeFrom ? hcpcsCodeFrom! : `${hcpcsCodeFrom!}-${hcpcsCodeTo}`;
      return { what: `saving the carve-out ${codes} of contract "${contractName!}"`, contractName: contractName! };
    },
    options,
  );
}

/**
 * Deletes a loaded row of any registry table the editor lists (a contract version, a carve-out, hospital terms),
 * unless it changed in the sheet since it was loaded.
 */
export async function deleteLoadedRow(
  excel: ExcelGateway,
  row: LoadedRow,
  options: EditorOptions = {},
): Promise<Result<{ readonly rowNumber: number }, EditorIssue>> {
  return deleteRegistryRow(excel, row, {
    what: `deleting row ${row.rowNumber} of ${row.table}`,
    signal: options.signal,
  });
}

/** Deletes a loaded contract version row, unless it changed in the sheet since it was loaded. */
export const deleteContractVersion = deleteLoadedRow;

/** Deletes a loaded carve-out row, unless it changed in the sheet since it was loaded. */
export const deleteCarveOut = deleteLoadedRow;
