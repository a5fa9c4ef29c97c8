// The README documents every table the add-in writes, as it writes it: each writer is run against the simulator with
// real files (a payer schedule, the CMS 2025 RVU and GPCI excerpts, the eMedNY 835 sample) and every column of what
// it wrote is looked up in the README's generated section, with the number format its cells have.
import { readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../src/engine/decimal";
import type { WrittenTable } from "../../src/excel/core/tableWriter";
import { writeTable } from "../../src/excel/core/tableWriter";
import { writeMedicareSchedule } from "../../src/excel/medicareSchedule";
import { importPayerSchedule } from "../../src/excel/payerSchedule/payerScheduleImport";
import { remittanceTableRequest } from "../../src/excel/remittances/remittanceTable";
import { FROZEN_RECORD_HEADERS } from "../../src/excel/sharing/frozenRecord";
import { REVIEW_COLUMNS } from "../../src/excel/varianceReview/reviewColumns";
import { renderWorkbookSettingsDocs, renderWorkbookTableDocs } from "../../src/excel/workbookTables";
import { parseGpciCsv, parsePprrvuCsv } from "../../src/formats/cmsPfs";
import { previewPayerScheduleFile } from "../../src/formats/payerSchedule";
import { parse835 } from "../../src/formats/remit835";
import { WorkbookSimulator } from "../../src/playground/simulator";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const fixture = (...parts: string[]) => readFileSync(path.join(FIXTURES, ...parts));
const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

/** The text between a README section's generated markers. */
const section = (marker: string) =>
  new RegExp(`<!-- ${marker}:start[^>]*-->\\n([\\s\\S]*?)\\n<!-- ${marker}:end -->`).exec(readme)?.[1];

/** A documented column: the number format the README says its cells are written with ("@" for text). */
interface Documented {
  readonly writtenAs: string;
  readonly format: string;
}

/** The README's tables by title: each column's header (its first name) and how it is written. */
function documentedTables(): Map<string, Map<string, Documented>> {
  const tables = new Map<string, Map<string, Documented>>();
  for (const block of (section("registry-tables") ?? "").split(/^### /m).slice(1)) {
    const [title, ...lines] = block.split("\n");
    const rows = lines.filter((line) => line.startsWith("| ")).map((line) => line.slice(2, -2).split(" | "));
    const [headings, , ...body] = rows;
    const at = headings!.indexOf("written as");
    const columns = new Map<string, Documented>();
    for (const cells of body) {
      const header = /^`([^`]*)`/.exec(cells[0]!)![1]!;
      const writtenAs = at < 0 ? "" : cells[at]!;
      const format = /`([^`]*)`/.exec(writtenAs)?.[1] ?? (writtenAs === "text" ? "@" : "General");
      columns.set(header, { writtenAs, format });
    }
    tables.set(title!, columns);
  }
  return tables;
}

/** Each column of a written table: its header and the number format of its first data cell. */
function writtenColumns(simulator: WorkbookSimulator, sheet: string): { header: string; format: string }[] {
  const { columns } = simulator.usedSize(sheet);
  return Array.from({ length: columns }, (_, c) => ({
    header: String(simulator.cell(sheet, 0, c).value),
    format: simulator.cell(sheet, 1, c).numberFormat,
  }));
}

/** The columns as the README documents them under `title`, for the headers written. */
function asDocumented(title: string, written: readonly { header: string }[]) {
  const table = documentedTables().get(title);
  return written.map(({ header }) => ({ header, format: table?.get(header)?.format ?? "(not documented)" }));
}

const writtenOk = (result: { ok: boolean }) => expect(result).toMatchObject({ ok: true });

describe("the README's workbook tables and settings", () => {
  it("holds the documentation generated from the column dictionary, word for word", () => {
    // On failure, regenerate the section with renderWorkbookTableDocs() (src/excel/workbookTables.ts).
    expect(section("registry-tables")).toBe(renderWorkbookTableDocs());
  });

  it("lists every workbook setting the add-in keeps, word for word", () => {
    // On failure, regenerate the section with renderWorkbookSettingsDocs() (src/excel/workbookTables.ts).
    expect(section("workbook-settings")).toBe(renderWorkbookSettingsDocs());
  });
});

describe("every table the add-in writes is documented as it is written", () => {
  it("documents each column of an imported payer fee schedule with its number format", async () => {
    const simulator = new WorkbookSimulator();
    const preview = previewPayerScheduleFile({
      name: "tab-delimited.tsv",
      bytes: new Uint8Array(fixture("payer-schedules", "tab-delimited.tsv")),
    });
    if (!preview.ok) throw new Error(preview.issue.code);
    writtenOk(
      await importPayerSchedule(simulator.excel, {
        preview: preview.value,
        sheetName: "FS Acme",
        tableName: "FS_Acme_2025",
        skipRowsWithErrors: true,
      }),
    );

    const written = writtenColumns(simulator, "FS Acme");

    expect(asDocumented("Fee schedule tables", written)).toEqual(written);
  });

  it("documents each column of a Medicare schedule and of its registration in MedicareSchedules", async () => {
    const simulator = new WorkbookSimulator();
    const rows = parsePprrvuCsv(fixture("cms-pfs", "pprrvu-2025-oct-excerpt.csv").toString("utf8"));
    const gpcis = parseGpciCsv(fixture("cms-pfs", "gpci-2025-excerpt.csv").toString("utf8"));
    if (!rows.ok || !gpcis.ok) throw new Error("the CMS excerpts do not parse");
    writtenOk(
      await writeMedicareSchedule(simulator.excel, {
        sheetName: "Medicare 2025 Houston",
        tableName: "MPFS_2025_0441218",
        rows: rows.value.rows,
        locality: gpcis.value.localities.find((l) => l.localityKey === "04412-18")!,
        conversionFactor: new Decimal("32.3465"),
        year: 2025,
      }),
    );
    const schedule = writtenColumns(simulator, "Medicare 2025 Houston");
    const registry = simulator.tables().find((table) => table.name === "MedicareSchedules")!;
    const registration = writtenColumns(simulator, registry.sheet);

    expect(asDocumented("Medicare schedule tables", schedule)).toEqual(schedule);
    expect(asDocumented("MedicareSchedules", registration)).toEqual(registration);
  });

  it("documents each column of a remittance table read from a real 835", async () => {
    const simulator = new WorkbookSimulator();
    const file = parse835(fixture("x12-835", "emedny_sample.835").toString("latin1"));
    if (!file.ok) throw new Error(file.issue.code);
    const request = remittanceTableRequest("Remittances", "Remittances", [
      { fileName: "emedny_sample.835", file: file.value },
    ]);
    const result = await writeTable(simulator.excel, request);
    expect(result).toMatchObject<{ ok: true; value: Partial<WrittenTable> }>({ ok: true, value: { rowCount: 10 } });

    const written = writtenColumns(simulator, "Remittances");

    expect(asDocumented("Remittance tables", written)).toEqual(written);
  });

  it("documents the columns the variance review adds to a claims table, with their number formats", () => {
    const added = Object.values(REVIEW_COLUMNS).map(({ name, numberFormat }) => ({
      header: name,
      format: numberFormat,
    }));

    expect(asDocumented("Variance review columns", added)).toEqual(added);
  });

  it("documents the columns of the Frozen for sharing record, all text", () => {
    const written = FROZEN_RECORD_HEADERS.map((header) => ({ header, format: "@" }));

    expect(asDocumented("Frozen for sharing", written)).toEqual(written);
  });
});
