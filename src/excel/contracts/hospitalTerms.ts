/**
 * The contract editor's hospital terms (issue 14): the InpatientTerms and OutpatientTerms rows of each contract, as
 * editable rows with the reader's problems, checked as the user types with the reader's own rules (the spec's row
 * checks, and its version overlap check across one contract's terms) and saved or deleted through the one
 * all-or-nothing row writer, which creates the table on its own sheet when the workbook has none.
 */
import { saveCheckedRow } from "./saveCheckedRow";
import { registryKey, type IsoDate, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { overlappingVersions } from "../registry/hospitalRows";
import { INPATIENT_TERMS_SPEC, OUTPATIENT_TERMS_SPEC } from "../registry/hospitalTermsTables";
import type { RegistryIssue } from "../registry/issues";
import type { TableData } from "../registry/tableSpec";
import { editableRows, type EditableRow } from "./editableRows";
import type { EditorIssue } from "./editorIssues";
import { checkForm, type FieldErrors, type FormCheck, type FormValues } from "./registryForm";
import { type LoadedRow, type SavedRow } from "./registryRowWriter";

/** The two sides of a hospital contract's terms. */
export type HospitalSide = "inpatient" | "outpatient";

/** Each side's table spec and the sheet its table is created on when the workbook has none. */
export const HOSPITAL_TERMS = {
  inpatient: { spec: INPATIENT_TERMS_SPEC, sheet: "Inpatient Terms", noun: "inpatient terms" },
  outpatient: { spec: OUTPATIENT_TERMS_SPEC, sheet: "Outpatient Terms", noun: "outpatient terms" },
} as const satisfies Record<HospitalSide, { readonly spec: unknown; readonly sheet: string; readonly noun: string }>;

/** The columns of a side's terms table. */
export type TermsColumns<S extends HospitalSide> = (typeof HOSPITAL_TERMS)[S]["spec"]["columns"];
/** The inputs of a side's terms form (one per column of its table). */
export type TermsForm<S extends HospitalSide> = FormValues<TermsColumns<S>>;
/** A contract's terms rows, by side, each version by start date. */
export type HospitalTermsRows = { readonly [S in HospitalSide]: readonly EditableRow<TermsForm<S>>[] };

const text = (input: unknown) => (typeof input === "string" ? input.trim() : "");
const startOf = (row: EditableRow<{ readonly effectiveStartDate: unknown }>) => text(row.form.effectiveStartDate);

/** Every terms row of the workbook, by side, with the reader's problems (blank rows left out). */
export function hospitalTermsRows(
  tableOf: (title: string) => TableData | undefined,
  issues: readonly RegistryIssue[],
): HospitalTermsRows {
  const rows = <S extends HospitalSide>(side: S) => {
    const { spec } = HOSPITAL_TERMS[side];
    return editableRows(spec, tableOf(spec.title), issues) as EditableRow<TermsForm<S>>[];
  };
  return { inpatient: rows("inpatient"), outpatient: rows("outpatient") };
}

/** The rows of one contract, versions by start date. */
export function termsOfContract(all: HospitalTermsRows, contractKey: string): HospitalTermsRows {
  const mine = <F extends { readonly contractName: unknown; readonly effectiveStartDate: unknown }>(
    rows: readonly EditableRow<F>[],
  ) =>
    rows
      .filter((row) => registryKey(text(row.form.contractName)) === contractKey)
      .sort((a, b) => (startOf(a) < startOf(b) ? -1 : 1));
  return { inpatient: mine(all.inpatient), outpatient: mine(all.outpatient) };
}

/** What a terms form is checked against: the other versions of its side, the row it edits, the contracts to name. */
export interface TermsContext<S extends HospitalSide> {
  /** Every row of the side as loaded (the contract's own are picked by name). */
  readonly others: readonly EditableRow<TermsForm<S>>[];
  /** The row being edited (left out of the others), or null for a new one. */
  readonly editing: LoadedRow | null;
  /** The names of PayerContracts' contracts: the Contract Name must be one. */
  readonly contractNames: readonly string[];
}

/** What the editor lists of a contract, as far as a terms form is checked against it. */
interface ListedContract {
  readonly contractName: string;
  /** Its PayerContracts rows: none when only other tables name it. */
  readonly versions: readonly unknown[];
  readonly hospitalTerms: HospitalTermsRows;
}

/**
 * The context a side's terms form is checked in, from the contracts the editor listed: every row of the side, and the
 * contracts PayerContracts has (the reader refuses terms of any other).
 */
export function termsContextOf<S extends HospitalSide>(
  contracts: readonly ListedContract[],
  side: S,
  editing: LoadedRow | null,
): TermsContext<S> {
  return {
    others: contracts.flatMap((c) => c.hospitalTerms[side] as readonly EditableRow<TermsForm<S>>[]),
    editing,
    contractNames: contracts.filter((c) => c.versions.length > 0).map((c) => c.contractName),
  };
}

type Dated = { readonly contractName: string; readonly effectiveStartDate: IsoDate; readonly effectiveEndDate: IsoDate | null }; // prettier-ignore

/**
 * Checks a terms form as the reader checks its row: each cell, the spec's row checks (a method's needed cells,
 * stop-loss and outlier pairs, dates in order), a Contract Name from PayerContracts, and the reader's version overlap
 * rule against each other version of the contract's terms on the same side.
 */
export function checkHospitalTerms<S extends HospitalSide>(
  side: S,
  form: TermsForm<S>,
  context: TermsContext<S>,
): FormCheck<TermsColumns<S>> {
  const { spec } = HOSPITAL_TERMS[side];
  const checked = checkForm(spec, form as never) as FormCheck<TermsColumns<S>>;
  const errors: Record<string, string> = {};
  const name = text(form.contractName);
  const known = context.contractNames.some((n) => registryKey(n) === registryKey(name));
  if (name !== "" && !known) errors.contractName = "Choose a contract of the PayerContracts table.";
  const mine = datesOf(spec, form);
  if (mine !== null) {
    for (const other of context.others) {
      const { loaded } = other;
      const same = context.editing !== null && loaded.table === context.editing.table && loaded.rowNumber === context.editing.rowNumber; // prettier-ignore
      const theirs = same ? null : datesOf(spec, other.form);
      if (theirs === null || registryKey(theirs.contractName) !== registryKey(mine.contractName)) continue;
      // The reader's own rule, on the two rows: it reports whichever starts later.
      const found = overlappingVersions([{ ...theirs, rowNumber: 1 }, { ...mine, rowNumber: 2 }], { table: spec.title, sheet: "" }); // prettier-ignore
      if (found.size === 0) continue;
      const to = theirs.effectiveEndDate ?? "no end";
      errors.effectiveStartDate ??= `Overlaps the ${HOSPITAL_TERMS[side].noun} ${theirs.effectiveStartDate} to ${to} (row ${loaded.rowNumber}): versions of one contract may not share a day.`; // prettier-ignore
    }
  }
  return Object.keys(errors).length === 0
    ? checked
    : { errors: { ...errors, ...checked.errors } as FieldErrors<TermsColumns<S>>, row: null };
}

/** A form's contract and dates as the reader parses them, or null while they do not read. */
function datesOf(
  spec: (typeof HOSPITAL_TERMS)[HospitalSide]["spec"],
  form: Readonly<Record<string, unknown>>,
): Dated | null {
  const { contractName, effectiveStartDate, effectiveEndDate } = spec.columns;
  const dates = { contractName, effectiveStartDate, effectiveEndDate };
  const checked = checkForm(
    { title: spec.title, purpose: "", columns: dates },
    {
      contractName: form.contractName as string,
      effectiveStartDate: form.effectiveStartDate as string,
      effectiveEndDate: form.effectiveEndDate as string,
    },
  );
  return checked.row === null ? null : (checked.row as Dated);
}

/** Input of {@link saveHospitalTerms}: the side, the form, and what it is checked against. */
export type SaveTermsInput<S extends HospitalSide> = TermsContext<S> & {
  readonly side: S;
  readonly form: TermsForm<S>;
};

/**
 * Adds or updates one InpatientTerms or OutpatientTerms row after checking it as the user typed it and as the
 * registry would read it once saved; refuses when the row changed in the sheet since it was loaded. Creates the table
 * on an "Inpatient Terms" ("Outpatient Terms") sheet when the workbook has none. All or nothing.
 */
export async function saveHospitalTerms<S extends HospitalSide>(
  excel: ExcelGateway,
  input: SaveTermsInput<S>,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<SavedRow, EditorIssue>> {
  const { spec, sheet, noun } = HOSPITAL_TERMS[input.side];
  const checked = checkHospitalTerms(input.side, input.form, input);
  return saveCheckedRow(
    excel,
    { spec: spec as never, editing: input.editing, newSheetName: sheet },
    checked as never,
    (parsed) => {
      const row = parsed as unknown as { readonly contractName: string; readonly effectiveStartDate: IsoDate };
      return { what: `saving the ${noun} of contract "${row.contractName}" from ${row.effectiveStartDate}`, contractName: row.contractName }; // prettier-ignore
    },
    options,
  );
}
