/**
 * The Negotiation tab's workbook side (issue 17, items 3 and 5): reads the contracts' renewal dates from
 * PayerContracts and the NegotiationLog and ContractClauses rows (with the reader's problems) in the registry
 * reader's round trips; checks a log or clause form with the tables' own reader (checkForm), and saves or deletes
 * rows through the one all-or-nothing row writer, which creates the table on its own sheet when the workbook has none.
 */
import { saveCheckedRow } from "../contracts/saveCheckedRow";
import { registryKey, renewalCalendar, type IsoDate, type LogEntry, type RenewalEntry } from "../../engine";
import type { Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { editableRows, type EditableRow } from "../contracts/editableRows";
import type { EditorIssue } from "../contracts/editorIssues";
import { checkForm, type FieldErrors, type FormCheck, type FormValues } from "../contracts/registryForm";
import { deleteRegistryRow, type LoadedRow, type SavedRow } from "../contracts/registryRowWriter";
import { registryIssueMessage, registryIssueRows } from "../registry/issues";
import { readRegistryTables } from "../registry/readRegistry";
import { PAYER_CONTRACTS_SPEC } from "../registry/registryTables";
import { parseTable, type TableData } from "../registry/tableSpec";
import { CONTRACT_CLAUSES_SPEC, NEGOTIATION_LOG_SPEC } from "./negotiationTables";

/** The two tables the tab writes, each with the sheet it is created on and the row in the user's words. */
export const NEGOTIATION_TABLES = {
  log: { spec: NEGOTIATION_LOG_SPEC, sheet: "Negotiation Log", noun: "negotiation log entry" },
  clauses: { spec: CONTRACT_CLAUSES_SPEC, sheet: "Contract Clauses", noun: "clause review" },
} as const satisfies Record<string, { readonly spec: unknown; readonly sheet: string; readonly noun: string }>;

/** Which of the tab's tables. */
export type NegotiationTable = keyof typeof NEGOTIATION_TABLES;
/** The inputs of a table's form (one per column). */
export type NegotiationForm<T extends NegotiationTable> = FormValues<(typeof NEGOTIATION_TABLES)[T]["spec"]["columns"]>;

/** A NegotiationLog row as read, with its place (to pick a meeting's rows). */
export type LoggedEntry = LogEntry & { readonly rowNumber: number };

/** Everything the Negotiation tab shows. */
export interface NegotiationData {
  /** The contracts of PayerContracts, by name, in the table's order. */
  readonly contractNames: readonly string[];
  /** Every contract on the renewal calendar of `asOf`, soonest term end first. */
  readonly calendar: readonly RenewalEntry[];
  readonly asOf: IsoDate;
  /** The rows of each table, as forms with the reader's problems. */
  readonly rows: { readonly [T in NegotiationTable]: readonly EditableRow<NegotiationForm<T>>[] };
  /** The NegotiationLog rows that read, for the follow-up texts. */
  readonly entries: readonly LoggedEntry[];
  /** What the reader says is wrong with a table as a whole (a required column missing), in its words. */
  readonly problems: readonly string[];
}

const tableOf = (tables: ReadonlyMap<string, TableData>, title: string) => tables.get(registryKey(title));

/** Each contract's renewal dates: those of its latest version (by start date), as the performance scorecard takes. */
function renewalDatesOf(data: TableData | undefined) {
  if (data === undefined) return [];
  const latest = new Map<string, (typeof rows)[number]>();
  const rows = parseTable(PAYER_CONTRACTS_SPEC, data).rows;
  for (const row of rows) {
    const key = registryKey(row.contractName);
    const known = latest.get(key);
    if (known === undefined || known.effectiveStartDate <= row.effectiveStartDate) latest.set(key, row);
  }
  return [...latest.values()].map(({ contractName, termEndDate, renewalNoticeDate }) => ({
    contractName,
    termEndDate,
    renewalNoticeDate,
  }));
}

/** The NegotiationLog rows that read, as the follow-up takes them (rows with a problem are left out). */
function logEntriesOf(data: TableData | undefined): LoggedEntry[] {
  return data === undefined ? [] : [...parseTable(NEGOTIATION_LOG_SPEC, data).rows];
}

/**
 * Reads what the Negotiation tab shows, in the registry reader's round trips: the contracts and their renewal
 * calendar on `asOf`, and the NegotiationLog and ContractClauses rows with the reader's problems.
 */
export async function loadNegotiation(excel: ExcelGateway, asOf: IsoDate): Promise<NegotiationData> {
  const { tables } = await readRegistryTables(excel, () => [NEGOTIATION_LOG_SPEC.title, CONTRACT_CLAUSES_SPEC.title]);
  const contracts = tableOf(tables, PAYER_CONTRACTS_SPEC.title);
  const parsed = Object.fromEntries(
    Object.entries(NEGOTIATION_TABLES).map(([table, { spec }]) => {
      const data = tableOf(tables, spec.title);
      return [table, data === undefined ? null : parseTable(spec as never, data)];
    }),
  ) as Record<NegotiationTable, ReturnType<typeof parseTable> | null>;
  const rowsOf = <T extends NegotiationTable>(table: T) => {
    const { spec } = NEGOTIATION_TABLES[table];
    const issues = parsed[table]?.issues ?? [];
    return editableRows(spec as never, tableOf(tables, spec.title), issues) as EditableRow<NegotiationForm<T>>[];
  };
  const names = contracts === undefined ? [] : parseTable(PAYER_CONTRACTS_SPEC, contracts).rows.map((r) => r.contractName); // prettier-ignore
  const problems = Object.values(parsed).flatMap((table) =>
    (table?.issues ?? []).filter((issue) => registryIssueRows(issue).length === 0).map(registryIssueMessage),
  );
  return {
    contractNames: [...new Map(names.map((name) => [registryKey(name), name])).values()],
    calendar: renewalCalendar(renewalDatesOf(contracts), asOf),
    asOf,
    rows: { log: rowsOf("log"), clauses: rowsOf("clauses") },
    entries: logEntriesOf(tableOf(tables, NEGOTIATION_LOG_SPEC.title)),
    problems,
  };
}

/** What a form is checked against: the contracts it may name, the table's other rows, the row it edits. */
export interface RowContext<T extends NegotiationTable> {
  readonly contractNames: readonly string[];
  readonly others: readonly EditableRow<NegotiationForm<T>>[];
  readonly editing: LoadedRow | null;
}

const text = (input: unknown) => (typeof input === "string" ? input.trim() : "");

/**
 * Checks a form as the table's reader reads its row, with a Contract Name from PayerContracts, and for a clause
 * review, no second row for a clause the contract already has one for.
 */
export function checkNegotiationRow<T extends NegotiationTable>(
  table: T,
  form: NegotiationForm<T>,
  context: RowContext<T>,
): FormCheck<(typeof NEGOTIATION_TABLES)[T]["spec"]["columns"]> {
  const { spec } = NEGOTIATION_TABLES[table];
  const checked = checkForm(spec as never, form as never) as FormCheck<(typeof NEGOTIATION_TABLES)[T]["spec"]["columns"]>; // prettier-ignore
  const errors: Record<string, string> = {};
  const name = text(form.contractName);
  if (name !== "" && !context.contractNames.some((n) => registryKey(n) === registryKey(name)))
    errors.contractName = "Choose a contract of the PayerContracts table.";
  const clause = text((form as Readonly<Record<string, unknown>>).clause).toLowerCase();
  const twin =
    table !== "clauses" || clause === ""
      ? undefined
      : context.others.find(
          (other) =>
            other.loaded.rowNumber !== context.editing?.rowNumber &&
            registryKey(text(other.form.contractName)) === registryKey(name) &&
            text((other.form as Readonly<Record<string, unknown>>).clause).toLowerCase() === clause,
        );
  if (twin !== undefined)
    errors.clause = `Row ${twin.loaded.rowNumber} already reviews this clause of the contract: edit that row.`;
  return Object.keys(errors).length === 0
    ? checked
    : { errors: { ...errors, ...checked.errors } as FieldErrors<never>, row: null };
}

/** Input of {@link saveNegotiationRow}: the table, the form, and what it is checked against. */
export type SaveNegotiationInput<T extends NegotiationTable> = RowContext<T> & {
  readonly table: T;
  readonly form: NegotiationForm<T>;
};

/**
 * Adds or updates one NegotiationLog or ContractClauses row once it checks; refuses when the row changed in the
 * sheet since it was loaded. Creates the table on its own sheet when the workbook has none. All or nothing.
 */
export async function saveNegotiationRow<T extends NegotiationTable>(
  excel: ExcelGateway,
  input: SaveNegotiationInput<T>,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<SavedRow, EditorIssue>> {
  const { spec, sheet, noun } = NEGOTIATION_TABLES[input.table];
  const checked = checkNegotiationRow(input.table, input.form, input);
  return saveCheckedRow(
    excel,
    { spec: spec as never, editing: input.editing, newSheetName: sheet },
    checked as never,
    (row) => {
      const { contractName } = row as unknown as { readonly contractName: string };
      return { what: `saving the ${noun} of contract "${contractName}"`, contractName };
    },
    options,
  );
}

/** Deletes a loaded NegotiationLog or ContractClauses row, unless it changed in the sheet since it was loaded. */
export function deleteNegotiationRow(
  excel: ExcelGateway,
  row: LoadedRow,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<{ readonly rowNumber: number }, EditorIssue>> {
  return deleteRegistryRow(excel, row, { what: `deleting row ${row.rowNumber} of ${row.table}`, signal: options.signal }); // prettier-ignore
}
