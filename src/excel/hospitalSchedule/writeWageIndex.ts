/**
 * The hospital's wage index into the OutpatientTerms rows the user chooses (the registry reads it from the row's
 * Wage Index cell for Percent of OPPS: rate x (0.60 x wage index + 0.40)). The rows are listed for the pane first
 * ({@link listOutpatientTerms}); the write checks each chosen row still holds what was listed, then changes only its
 * Wage Index cell in the commit, each cell an observable step (rowSteps.ts), through the operation runner.
 *
 * Requests: 2 to look at the table (1 when it is gone), the runner's look and the commit.
 */
import { Decimal, fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation, type CommitStep } from "../core/operation";
import type { LoadedRow, RowPlan } from "../contracts/rowPlan";
import { rowSteps } from "../contracts/rowSteps";
import { readCell } from "../registry/cellKinds";
import { columnPositions } from "../registry/columnDictionary";
import { wageIndexCell } from "../registry/hospitalCellKinds";
import { OUTPATIENT_TERMS_SPEC, OUTPATIENT_TERMS_TABLE, PRICED_BY_OPPS } from "../registry/hospitalTermsTables";
import type { TableData } from "../registry/tableSpec";
import type { HospitalImportIssue } from "./hospitalImportIssues";

/** An OutpatientTerms row as the pane lists it: where it is, what it held, and what the user recognises it by. */
export interface TermsRow extends LoadedRow {
  readonly contractName: string;
  /** The row's Effective Start Date as the sheet shows it (a date, or the text typed). */
  readonly effectiveStartDate: string;
  readonly outpatientMethod: string;
  /** Whether its method reads the wage index (Percent of OPPS): the rows the pane offers first. */
  readonly usesWageIndex: boolean;
  /** The Wage Index the row holds now, as text ("" when blank). */
  readonly wageIndex: string;
}

const { columns } = OUTPATIENT_TERMS_SPEC;

interface LookedTable {
  readonly data: TableData;
  readonly formats: readonly (readonly string[])[];
}

/** One request: the table's header, body and body formats, or null when the workbook has none. */
async function lookAtTerms(excel: ExcelGateway): Promise<LookedTable | null> {
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(OUTPATIENT_TERMS_TABLE);
    await context.sync();
    if (table.isNullObject) return null;
    const header = table.getHeaderRowRange().load("values,rowIndex");
    const body = table.getDataBodyRange().load("values,numberFormat");
    const sheet = table.worksheet.load("name");
    await context.sync();
    const data: TableData = {
      name: OUTPATIENT_TERMS_TABLE,
      sheet: sheet.name,
      headers: header.values[0] ?? [],
      rows: body.values,
      firstRowNumber: header.rowIndex + 2,
    };
    return { data, formats: body.numberFormat };
  });
}

const shown = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

/** The rows of OutpatientTerms with a contract name, for the pane to offer (one request). */
export async function listOutpatientTerms(
  excel: ExcelGateway,
): Promise<Result<readonly TermsRow[], HospitalImportIssue>> {
  const looked = await lookAtTerms(excel);
  if (looked === null) return fail({ code: "termsTableMissing", table: OUTPATIENT_TERMS_TABLE });
  const { data } = looked;
  const at = columnPositions(columns, data.headers);
  if (!at.has("wageIndex")) return fail({ code: "wageIndexColumnMissing", table: data.name, sheetName: data.sheet });
  const cell = (values: readonly unknown[], field: keyof typeof columns) => values[at.get(field) ?? -1];
  return ok(
    data.rows.flatMap((values, index): TermsRow[] => {
      const contractName = shown(cell(values, "contractName"));
      if (contractName === "") return [];
      const start = readCell(columns.effectiveStartDate.kind, cell(values, "effectiveStartDate"));
      const method = readCell(columns.outpatientMethod.kind, cell(values, "outpatientMethod"));
      const methodKind = method.ok ? method.value : null;
      return [
        {
          table: data.name,
          sheet: data.sheet,
          index,
          rowNumber: data.firstRowNumber + index,
          values,
          contractName,
          effectiveStartDate:
            start.ok && start.value !== null ? start.value : shown(cell(values, "effectiveStartDate")),
          outpatientMethod: shown(cell(values, "outpatientMethod")),
          usesWageIndex: methodKind !== null && PRICED_BY_OPPS[methodKind],
          wageIndex: shown(cell(values, "wageIndex")),
        },
      ];
    }),
  );
}

/** What the write did: the rows whose Wage Index it set (rows that held it already are counted, not rewritten). */
export interface WrittenWageIndex {
  readonly wageIndex: Decimal;
  readonly rowNumbers: readonly number[];
  readonly sheetName: string;
}

const sameCells = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes `wageIndex` into the Wage Index cell of each chosen row. Refused, with nothing written: an index the registry
 * would not read, no row chosen, the table or its Wage Index column gone, or a row changed since it was listed.
 * @example await writeWageIndex(hostExcel(), new Decimal("0.8732"), chosenRows, { signal });
 */
export async function writeWageIndex(
  excel: ExcelGateway,
  wageIndex: Decimal,
  rows: readonly LoadedRow[],
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<WrittenWageIndex, HospitalImportIssue>> {
  const value = wageIndex.toNumber();
  if (wageIndexCell.read(value) === undefined) return fail({ code: "wageIndexInvalid", value: wageIndex.toString() });
  if (rows.length === 0) return fail({ code: "noTermsRows", table: OUTPATIENT_TERMS_TABLE });
  return runOperation(
    excel,
    { what: `writing the wage index into ${OUTPATIENT_TERMS_TABLE}`, signal: options.signal },
    async (op) => {
      const looked = await lookAtTerms(op.excel);
      if (looked === null) return fail<HospitalImportIssue>({ code: "termsTableMissing", table: OUTPATIENT_TERMS_TABLE }); // prettier-ignore
      const { data, formats } = looked;
      const column = columnPositions(columns, data.headers).get("wageIndex");
      if (column === undefined)
        return fail<HospitalImportIssue>({ code: "wageIndexColumnMissing", table: data.name, sheetName: data.sheet });
      const steps: CommitStep[] = [];
      for (const row of rows) {
        const current = data.rows[row.index];
        if (current === undefined || !sameCells(current, row.values))
          return fail<HospitalImportIssue>({ code: "termsRowChanged", table: data.name, sheetName: data.sheet, rowNumber: row.rowNumber }); // prettier-ignore
        // A cell the user formatted as text gets the index as text, which the registry reads as well.
        const asText = formats[row.index]?.[column] === "@";
        const written = asText ? wageIndex.toString() : value;
        if (current[column] === written) continue;
        const plan: RowPlan = {
          placement: { kind: "update" },
          index: row.index,
          rowNumber: row.rowNumber,
          writes: [{ header: columns.wageIndex.header, column, written, reads: written, format: null }],
          after: data,
        };
        steps.push(...rowSteps(plan, data.rows.length));
      }
      const output = { wageIndex, rowNumbers: rows.map((row) => row.rowNumber), sheetName: data.sheet };
      return ok({ output, steps });
    },
  );
}
