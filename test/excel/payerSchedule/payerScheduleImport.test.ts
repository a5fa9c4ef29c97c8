// Importing payer fee schedules into the workbook, through the simulator: the fixture files, text kept as text,
// atomic cancel and failure, and the written table read back by the registry and priced by PAYER.EXPECTED_PAYMENT.
import { readFileSync } from "fs";
import path from "path";
import {
  defaultScheduleTableName,
  describePayerScheduleImportIssue,
  importPayerSchedule,
  scheduleYear,
} from "../../../src/excel/payerSchedule/payerScheduleImport";
import { describeRangeReadIssue, readRangeAsGrid } from "../../../src/excel/core/rangeGrid";
import { readRegistry } from "../../../src/excel/registry";
import {
  previewPayerSchedule,
  previewPayerScheduleFile,
  type PayerSchedulePreview,
} from "../../../src/formats/payerSchedule";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { registryCache } from "../../../src/functions/registryCache";
import { afterRefresh, simulatorWithRegistry } from "../../formulas/support";
import { cellAt } from "../../playground/simulator/helpers";
import { excelFailingAtRequest, usersWorkbook, workbookState } from "../core/tableWriterBuilders";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "payer-schedules");

/** The preview of a fixture file, as the panel makes it. */
function previewOf(name: string): PayerSchedulePreview {
  const result = previewPayerScheduleFile({ name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) });
  if (!result.ok) throw new Error(`fixture refused: ${result.issue.code}`);
  return result.value;
}

/** Every data row of a written table as the workbook shows it (values), header first. */
function tableCells(simulator: WorkbookSimulator, sheet: string): unknown[][] {
  const { rows, columns } = simulator.usedSize(sheet);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => simulator.cell(sheet, r, c).value),
  );
}

const HEADER = [
  "HCPCS Code",
  "Modifier",
  "Description",
  "Non-Facility Rate",
  "Facility Rate",
  "Effective Start Date",
  "Effective End Date",
  "Source Row",
];

/** 2025-01-01 and 2025-12-31 as Excel stores them. */
const JAN_1_2025 = 45658;
const DEC_31_2025 = 46022;

async function importFixture(name: string, simulator = new WorkbookSimulator(usersWorkbook())) {
  const result = await importPayerSchedule(simulator.excel, {
    preview: previewOf(name),
    sheetName: "Acme 2025",
    tableName: "FS_Acme_2025",
    skipRowsWithErrors: true,
  });
  return { simulator, result };
}

describe("importing each payer schedule file into a new table", () => {
  it("a payer export with banner rows: the header, then one row per clean rate with its source row", async () => {
    const { simulator, result } = await importFixture("banner-rows-odd-headers.csv");

    expect(result).toEqual({
      ok: true,
      value: { sheetName: "Acme 2025", tableName: "FS_Acme_2025", rowCount: 5, address: "A1:H6" },
    });
    expect(simulator.tables()).toContainEqual({ name: "FS_Acme_2025", sheet: "Acme 2025", address: "A1:H6" });
    expect(tableCells(simulator, "Acme 2025")).toEqual([
      HEADER,
      ["99213", null, "OFFICE/OUTPATIENT VISIT EST", 92.14, 65.43, JAN_1_2025, DEC_31_2025, 5],
      ["99214", null, "OFFICE/OUTPATIENT VISIT EST", 130.52, 95.01, JAN_1_2025, DEC_31_2025, 6],
      ["71046", "26", "X-RAY EXAM CHEST 2 VIEWS", 12.8, 12.8, JAN_1_2025, DEC_31_2025, 8],
      ["71046", "TC", "X-RAY EXAM CHEST 2 VIEWS", 28.35, null, JAN_1_2025, DEC_31_2025, 9],
      ["J1100", null, "DEXAMETHASONE SODIUM PHOSPHATE", 1234.5, null, JAN_1_2025, null, 12],
    ]);
  });

  it.each([
    [
      "tab-delimited.tsv",
      [
        ["99213", null, 92.14],
        ["71046", "26", 12.8],
        ["G0008", null, 33.95],
      ],
    ],
    [
      "pipe-delimited.txt",
      [
        ["99213", null, 92.14],
        ["00100", null, 325],
      ],
    ],
    [
      "european-semicolon-decimal-comma.csv",
      [
        ["99213", null, 92.14],
        ["99214", null, 1234.5],
        ["J1100", null, 1234.5],
      ],
    ],
    ["windows-1252-accents.csv", [["99213", null, 92.14]]],
  ])("%s gives its codes, modifiers and non-facility rates", async (file, expected) => {
    const { simulator } = await importFixture(file);

    const rows = tableCells(simulator, "Acme 2025").slice(1);
    expect(rows.map(([code, modifier, , rate]) => [code, modifier, rate])).toEqual(expected);
  });

  it("keeps accented descriptions of a Windows-encoded file", async () => {
    const { simulator } = await importFixture("windows-1252-accents.csv");

    expect(cellAt(simulator, "Acme 2025", "C2").value).toBe("Consultation médicale");
  });

  it("codes that lost their leading zeros in Excel land as text with the zeros back", async () => {
    const { simulator } = await importFixture("excel-resaved-numeric-codes.csv");

    expect(tableCells(simulator, "Acme 2025").map((row) => row[0])).toEqual([
      "HCPCS Code",
      "00100",
      "00110",
      "99213",
      "99213",
      "0001F",
    ]);
    expect(cellAt(simulator, "Acme 2025", "A2")).toMatchObject({ value: "00100", formula: null, numberFormat: "@" });
  });

  it("formula-looking text in the file lands as text, not as a formula", async () => {
    const { simulator } = await importFixture("problems-by-row.csv");

    const descriptions = tableCells(simulator, "Acme 2025").map((row) => row[2]);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        '=HYPERLINK("http://example.invalid","click")',
        "+1-555-0100 call for auth",
        "@SUM(A1:A2)",
      ]),
    );
    const hyperlinkRow = descriptions.indexOf('=HYPERLINK("http://example.invalid","click")');
    expect(simulator.cell("Acme 2025", hyperlinkRow, 2).formula).toBeNull();
  });

  it("a file with problems imports only its clean rows when the user chose to skip the others", async () => {
    const preview = previewOf("problems-by-row.csv");
    const { simulator, result } = await importFixture("problems-by-row.csv");

    expect(result.ok && result.value.rowCount).toBe(preview.counts.cleanRows);
    expect(tableCells(simulator, "Acme 2025").map((row) => row[7])).toEqual([
      "Source Row",
      ...preview.rows.map((row) => row.sourceRowNumber),
    ]);
  });

  it("a 20,000-row schedule file is written in at most 10 requests", async () => {
    const lines = ["CPT,Mod,Rate,Facility Rate"];
    for (let i = 0; i < 20_000; i++)
      lines.push(`${String(10_000 + i * 4)},${i % 3 === 0 ? "26" : ""},${50 + (i % 900)}.25,${40 + (i % 700)}.10`);
    const file = previewPayerScheduleFile({ name: "big.csv", bytes: new TextEncoder().encode(lines.join("\n")) });
    if (!file.ok) throw new Error(file.issue.code);
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = simulator.requestLog.length;

    const result = await importPayerSchedule(simulator.excel, {
      preview: file.value,
      sheetName: "Big",
      tableName: "FS_Big_2025",
    });

    expect(result.ok && result.value.rowCount).toBe(20_000);
    expect(simulator.requestLog.length - before).toBeLessThanOrEqual(10);
  });
});

describe("what the import refuses", () => {
  it("refuses a preview that still has errors unless the user chose to skip those rows", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const preview = previewOf("problems-by-row.csv");

    const result = await importPayerSchedule(simulator.excel, { preview, sheetName: "Acme", tableName: "FS_Acme" });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describePayerScheduleImportIssue(result.issue)).toBe(
      `The preview still has ${preview.counts.errors} errors in ${preview.counts.rowsWithErrors} rows. Fix the file or the column mapping, or choose to import the clean rows and skip the rows with errors.`,
    );
    expect(workbookState(simulator)).toEqual(before);
  });

  it("never writes over an existing sheet without being asked", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);

    const result = await importPayerSchedule(simulator.excel, {
      preview: previewOf("tab-delimited.tsv"),
      sheetName: "Notes",
      tableName: "FS_Acme",
    });

    expect(!result.ok && describePayerScheduleImportIssue(result.issue)).toBe(
      'A sheet named "Notes" already exists. Choose another name, or confirm that it should be replaced.',
    );
    expect(workbookState(simulator)).toEqual(before);
  });

  it("replaces an existing sheet when the user confirmed it", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await importPayerSchedule(simulator.excel, {
      preview: previewOf("tab-delimited.tsv"),
      sheetName: "Notes",
      tableName: "FS_Acme",
      replaceExisting: true,
    });

    expect(result.ok).toBe(true);
    expect(cellAt(simulator, "Notes", "A2").value).toBe("99213");
  });

  it("a cancel leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const controller = new AbortController();
    const preview = previewOf("banner-rows-odd-headers.csv");

    const result = await importPayerSchedule(
      simulator.excel,
      { preview, sheetName: "Acme 2025", tableName: "FS_Acme_2025" },
      { signal: controller.signal, maxRowsPerRequest: 2, onProgress: () => controller.abort() },
    );

    expect(!result.ok && result.issue).toEqual({
      code: "writeFailed",
      issue: { code: "cancelled", rowsWritten: 2, totalRows: 5 },
    });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("an Excel failure in the middle of the write leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);

    const result = await importPayerSchedule(
      excelFailingAtRequest(simulator, 4),
      { preview: previewOf("banner-rows-odd-headers.csv"), sheetName: "Acme 2025", tableName: "FS_Acme_2025" },
      { maxRowsPerRequest: 2 },
    );

    expect(!result.ok && result.issue.code === "writeFailed" && result.issue.issue.code).toBe("excelFailed");
    expect(workbookState(simulator)).toEqual(before);
  });
});

describe("the imported table prices claims", () => {
  const contractWorkbook: WorkbookSnapshot = {
    sheets: [
      {
        name: "Contracts",
        cells: [
          ["Contract Name", "Payer", "Effective Start Date", "Method", "Fee Schedule"],
          ["Acme PPO", "Acme Health", "2025-01-01", "Fee Schedule", "FS_AcmePPO_2025"],
        ],
        tables: [{ name: "PayerContracts", address: "A1:E2" }],
      },
      {
        name: "Claims",
        cells: [
          ["Contract", "Code", "Modifier", "Expected"],
          ["Acme PPO", "71046", "26", '=PAYER.EXPECTED_PAYMENT(A2, B2, C2, 1, , "2025-03-01")'],
          ["Acme PPO", "J1100", "", '=PAYER.EXPECTED_PAYMENT(A3, B3, C3, 2, , "2025-03-01")'],
        ],
      },
    ],
  };

  it("readRegistry reads the written table when a PayerContracts row names it", async () => {
    const simulator = new WorkbookSimulator(contractWorkbook);
    await importPayerSchedule(simulator.excel, {
      preview: previewOf("banner-rows-odd-headers.csv"),
      sheetName: "Acme PPO 2025",
      tableName: "FS_AcmePPO_2025",
    });

    const { registry, issues } = await readRegistry(simulator.excel);

    expect(issues).toEqual([]);
    expect(registry.contractNames).toEqual(["Acme PPO"]);
  });

  it("PAYER.EXPECTED_PAYMENT prices claim lines from the imported rates", async () => {
    const simulator = await simulatorWithRegistry(contractWorkbook);
    expect(cellAt(simulator, "Claims", "D2").errorMessage).toMatch(/FS_AcmePPO_2025, which is not in the workbook/);

    await importPayerSchedule(simulator.excel, {
      preview: previewOf("banner-rows-odd-headers.csv"),
      sheetName: "Acme PPO 2025",
      tableName: "FS_AcmePPO_2025",
    });
    // Excel fires workbook.tables.onAdded here, which refreshes the cache; the simulator has no such event yet.
    await registryCache.refresh();
    await afterRefresh(simulator);

    expect([cellAt(simulator, "Claims", "D2").value, cellAt(simulator, "Claims", "D3").value]).toEqual([12.8, 2469]);
  });
});

describe("reading a schedule already in the workbook", () => {
  const pasted: WorkbookSnapshot = {
    sheets: [
      {
        name: "Pasted",
        cells: [
          [],
          ["Acme PPO rates 2025"],
          ["CPT", "Fee", "Facility Fee"],
          [110, 410.5, 300],
          ["99213", 92.14, 65.43],
        ],
      },
      {
        name: "Other",
        cells: [
          ["Code", "Rate"],
          ["99214", 130.52],
          ["abc", "n/a"],
        ],
        tables: [{ name: "AcmeRates", address: "A1:B3" }],
      },
    ],
    activeSheet: "Pasted",
    names: [{ name: "PastedRates", formula: "=Pasted!$A$3:$C$5" }],
  };

  it("a single selected cell reads its sheet's used range, numbering rows as the workbook does", async () => {
    const simulator = new WorkbookSimulator(pasted);

    const grid = await readRangeAsGrid(simulator.excel, { kind: "selection" });

    expect(grid.ok && grid.value).toMatchObject({ sheetName: "Pasted", address: "Pasted!A2:C5", firstRowNumber: 2 });
    const preview = grid.ok
      ? previewPayerSchedule(grid.value.values, { firstRowNumber: grid.value.firstRowNumber })
      : null;
    expect(preview?.ok && preview.value.headerRowNumber).toBe(3);
    expect(preview?.ok && preview.value.rows.map((r) => [r.hcpcsCode, r.sourceRowNumber])).toEqual([
      ["00110", 4],
      ["99213", 5],
    ]);
  });

  it("reads a table by name, header included", async () => {
    const simulator = new WorkbookSimulator(pasted);

    const grid = await readRangeAsGrid(simulator.excel, { kind: "name", name: "acmerates" });

    expect(grid.ok && grid.value).toEqual({
      sheetName: "Other",
      address: "Other!A1:B3",
      firstRowNumber: 1,
      firstColumnNumber: 1,
      values: [
        ["Code", "Rate"],
        [99214, 130.52], // typed into a General cell, the code became a number, as in Excel
        ["abc", "n/a"],
      ],
    });
  });

  it("reads a named range", async () => {
    const simulator = new WorkbookSimulator(pasted);

    const grid = await readRangeAsGrid(simulator.excel, { kind: "name", name: "PastedRates" });

    expect(grid.ok && [grid.value.address, grid.value.values.length]).toEqual(["Pasted!A3:C5", 3]);
  });

  it("says so when a name is neither a table nor a named range", async () => {
    const grid = await readRangeAsGrid(new WorkbookSimulator(pasted).excel, { kind: "name", name: "Nowhere" });

    expect(!grid.ok && describeRangeReadIssue(grid.issue)).toBe('The workbook has no table or named range "Nowhere".');
  });

  it("refuses a range over the cell limit before reading its values", async () => {
    const grid = await readRangeAsGrid(new WorkbookSimulator(pasted).excel, { kind: "selection" }, 10);

    expect(!grid.ok && describeRangeReadIssue(grid.issue)).toBe(
      "Pasted!A2:C5 holds 12 cells; the limit is 10. Select only the schedule's rows and columns.",
    );
  });
});

describe("the names proposed for a schedule", () => {
  it("proposes FS_<Payer>_<Year> with only letters and digits of the payer", () => {
    expect(defaultScheduleTableName("Acme PPO", 2025)).toBe("FS_AcmePPO_2025");
    expect(defaultScheduleTableName("Blue Cross & Blue Shield (TX)", 2026)).toBe("FS_BlueCrossBlueShieldTX_2026");
    expect(defaultScheduleTableName("", 2025)).toBe("FS_Payer_2025");
  });

  it("takes the year most rows start in", () => {
    expect(scheduleYear(previewOf("banner-rows-odd-headers.csv").rows)).toBe(2025);
    expect(scheduleYear(previewOf("tab-delimited.tsv").rows)).toBeNull();
  });
});
