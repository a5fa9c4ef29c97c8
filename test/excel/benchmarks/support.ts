/** Shared by the Benchmarks table's specifications: the real hospital files, read; the sample's Medicare; the table. */
import type { LocalityKey } from "../../../src/engine";
import type { BenchmarkFile } from "../../../src/excel/benchmarks";
import { readHospitalMrf } from "../../../src/formats/priceTransparency/hospitalMrf";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { readSharedData } from "../../support/sharedData";

/** The sample workbook's registered Medicare locality (Houston, MPFS_2025). */
export const HOUSTON = "04412-18" as LocalityKey;

/** A hospital example file of ../shared/data/price-transparency/hospital-mrf, as text. */
export const hospitalFileText = (name: string): string => readSharedData(`price-transparency/hospital-mrf/${name}`);

/** A hospital file's text read by the reader into the rates the Benchmarks tab writes. */
export async function readBenchmarkFile(
  fileName: string,
  text: string = hospitalFileText(fileName),
): Promise<BenchmarkFile> {
  const read = await readHospitalMrf(text);
  if (!read.ok) throw new Error(`${fileName} not read: ${read.issue.code}`);
  return { fileName, rates: read.value.rates };
}

let sample: WorkbookSnapshot | null = null;

/**
 * Only the sample's Medicare schedule (MPFS_2025) and its registration, with extra sheets: a small workbook for
 * specifications that run an operation many times.
 */
export function medicareOnlyWorkbook(...extra: SheetSnapshot[]): WorkbookSimulator {
  sample ??= buildSampleWorkbook();
  const medicare = sample.sheets.filter((sheet) =>
    (sheet.tables ?? []).some((table) => ["MedicareSchedules", "MPFS_2025"].includes(table.name)),
  );
  return new WorkbookSimulator({ sheets: [...medicare, ...extra] });
}

/** The body rows of a table, as Excel gives them. */
export async function tableRows(simulator: WorkbookSimulator, table: string): Promise<unknown[][]> {
  return simulator.excel.run(async (context) => {
    const body = context.workbook.tables.getItem(table).getDataBodyRange().load("values");
    await context.sync();
    return body.values;
  });
}

/** The header of a table, as Excel gives it. */
export async function tableHeaders(simulator: WorkbookSimulator, table: string): Promise<unknown[]> {
  return simulator.excel.run(async (context) => {
    const header = context.workbook.tables.getItem(table).getHeaderRowRange().load("values");
    await context.sync();
    return header.values[0]!;
  });
}

/** Rows as records by header, for reading a row by its column names. */
export async function tableRecords(simulator: WorkbookSimulator, table: string): Promise<Record<string, unknown>[]> {
  const headers = (await tableHeaders(simulator, table)).map(String);
  return (await tableRows(simulator, table)).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}
