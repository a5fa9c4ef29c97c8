/**
 * The claims or remittance table a variance review reads, opened once for both of its readers (professional lines in
 * `readReviewLines`, hospital claims in `readInstitutionalLines`): the mapping checked against the headers, the cells
 * of every mapped column, each line's allowed amount (Allowed, else Paid + Patient Responsibility), its contract (its
 * Contract column, else its payer's contract from the panel's mapping), and the one way an unreadable cell stops the
 * review, naming the row.
 */
import { createCentsReader, fail, MAX_LINE_CENTS, ok } from "../../engine";
import type { Cents, Result } from "../../engine";
import { checkClaimsMapping, type ClaimsField, type ClaimsMapping } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { readEachTime, type TableCells, type TableColumnsReader } from "../claims/tableColumnsRead";
import type { VarianceReviewIssue } from "./issues";

/** Where the allowed amount comes from, as the summary's formulas need it too. */
export type AllowedSource =
  | { readonly kind: "allowed"; readonly column: string }
  | { readonly kind: "paid"; readonly paidColumn: string; readonly patientColumn: string | null };

/** The allowed amount's columns under a mapping: Allowed, else Paid (+ Patient Responsibility), else Amount. */
export function allowedSource(mapping: ClaimsMapping): AllowedSource | null {
  if (mapping.allowedAmount !== null) return { kind: "allowed", column: mapping.allowedAmount };
  if (mapping.paidAmount !== null)
    return { kind: "paid", paidColumn: mapping.paidAmount, patientColumn: mapping.patientResponsibilityAmount };
  if (mapping.amount !== null) return { kind: "allowed", column: mapping.amount };
  return null;
}

/** What a reader asks for: the table, its mapping, the panel's payer-to-contract mapping. */
export interface ReviewTableRequest {
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  readonly payerContracts: Readonly<Record<string, string>>;
  /** How the table is read; default: from Excel. */
  readonly read?: TableColumnsReader;
}

/** An opened review table: its cells and the readings both readers make of a row. */
export interface ReviewTable {
  readonly cells: TableCells;
  /** A mapped field's column; null when the field is not mapped. */
  column(field: ClaimsField): unknown[] | null;
  /** A mapped field's cell at a 0-based body index; null when the field is not mapped. */
  at(field: ClaimsField, index: number): unknown;
  /** The review stops on the cell at a 0-based body index of `columnName`: what it holds and what was `expected`. */
  invalid(
    index: number,
    columnName: string,
    value: unknown,
    expected: string,
  ): { readonly ok: false; readonly issue: VarianceReviewIssue };
  /** A dollar cell of `cells` read as signed cents (blank: null), or the issue naming the row and `columnName`. */
  amount(
    columnName: string,
    cells: readonly unknown[] | null,
    index: number,
    expected: string,
  ): Result<Cents | null, VarianceReviewIssue>;
  /** The line's allowed amount before patient responsibility (Allowed, or Paid); blank: null. */
  baseAllowed(index: number): Result<Cents | null, VarianceReviewIssue>;
  /** The patient responsibility added to Paid (0 when the allowed amount is its own column or the cell is blank). */
  patientShare(index: number): Result<Cents, VarianceReviewIssue>;
  /** The row's payer and contract (its Contract cell, else its payer's contract; "" when neither gives one). */
  contractOf(index: number): { readonly payer: string; readonly contractName: string };
}

/** A cell as trimmed text ("" for none). */
export const cellText = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/**
 * Reads the mapped columns (and `extraColumns`) of the table and checks the mapping, with `required` fields that must
 * be mapped (the payer too when no Contract column is mapped).
 */
export async function openReviewTable(
  excel: ExcelGateway,
  request: ReviewTableRequest,
  required: readonly ClaimsField[],
  extraColumns: readonly string[] = [],
): Promise<Result<ReviewTable, VarianceReviewIssue>> {
  const { tableName, mapping } = request;
  const source = allowedSource(mapping);
  if (source === null) return fail({ code: "allowedNotMapped", tableName });
  const requiredFields = mapping.contractName === null ? [...required, "payer" as const] : required;
  const mapped = Object.values(mapping).filter((c): c is string => c !== null);
  const cells = await (request.read ?? readEachTime(excel))(tableName, [...mapped, ...extraColumns]);
  if (cells === null) return fail({ code: "tableNotFound", tableName });
  const checked = checkClaimsMapping(tableName, mapping, cells.headers, requiredFields);
  if (!checked.ok) return fail({ code: "mapping", issue: checked.issue });

  const byName = (name: string | null) => (name === null ? null : (cells.columns.get(name.toLowerCase()) ?? null));
  const column = (field: ClaimsField) => byName(mapping[field]);
  const baseColumn = source.kind === "allowed" ? source.column : source.paidColumn;
  const baseCells = byName(baseColumn);
  const patientColumn = source.kind === "paid" ? source.patientColumn : null;
  const patientCells = byName(patientColumn);
  const payerContracts = new Map(Object.entries(request.payerContracts).map(([p, c]) => [p.trim().toLowerCase(), c]));
  // Claims and remittance tables carry reversals as negative lines, for every amount of a line.
  const readAmount = createCentsReader({ sign: "signed", most: MAX_LINE_CENTS });
  const invalid: ReviewTable["invalid"] = (index, columnName, value, expected) =>
    fail({
      code: "cellInvalid",
      tableName,
      row: index + 1,
      column: columnName,
      value: cellText(value).slice(0, 60),
      expected,
    });
  const amount: ReviewTable["amount"] = (columnName, cellsOf, index, expected) => {
    const read = readAmount(cellsOf?.[index] ?? null);
    if (read === "blank") return ok(null);
    if (typeof read === "number") return ok(read as Cents);
    return invalid(index, columnName, cellsOf?.[index], expected);
  };
  return ok({
    cells,
    column,
    invalid,
    at: (field, index) => column(field)?.[index] ?? null,
    amount,
    baseAllowed: (index) => amount(baseColumn, baseCells, index, "an amount in dollars like 92.50"),
    patientShare: (index) => {
      if (patientColumn === null) return ok(0 as Cents);
      const read = amount(patientColumn, patientCells, index, "an amount in dollars like 20.00");
      return read.ok ? ok((read.value ?? 0) as Cents) : read;
    },
    contractOf: (index) => {
      const payer = cellText(column("payer")?.[index]);
      const contractCell = cellText(column("contractName")?.[index]);
      const contractName = contractCell !== "" ? contractCell : (payerContracts.get(payer.toLowerCase()) ?? "");
      return { payer, contractName };
    },
  });
}

/** The lines of a review table as a review reads them, one entry per table row (null: an empty row, left blank). */
export interface ReviewTableLines<Line> {
  readonly lines: readonly (Line | null)[];
  readonly headers: readonly string[];
  /** Every column's body values by header (lower case), as read: the review's own columns among them. */
  readonly columns: ReadonlyMap<string, unknown[]>;
  /** 0-based sheet column of the table's first column (the review's conditional formats are in A1 terms). */
  readonly firstColumn: number;
  /** 0-based sheet row of the table's first data row. */
  readonly firstRow: number;
}

/** The lines read from `table`, or the issue that it has none (every row empty). */
export function reviewTableLines<Line>(
  table: ReviewTable,
  tableName: string,
  lines: readonly (Line | null)[],
): Result<ReviewTableLines<Line>, VarianceReviewIssue> {
  if (lines.every((l) => l === null)) return fail({ code: "noLines", tableName });
  const { headers, columns, firstColumn, firstRow } = table.cells;
  return ok({ lines, headers, columns, firstColumn, firstRow });
}
