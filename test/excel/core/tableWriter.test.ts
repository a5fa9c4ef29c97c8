import { writeTable, type TableWriteRequest } from "../../../src/excel/core/tableWriter";
import { describeTableWriteIssue } from "../../../src/excel/core/tableWriteIssues";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt } from "../../playground/simulator/helpers";
import { aFeeSchedule, excelFailingAtRequest, usersWorkbook, workbookState } from "./tableWriterBuilders";

const FOUR_MB = 4 * 1024 * 1024;

/** A small request with one text column and one of `kind`, for checking how single cells land. */
function twoColumns(kind: "money" | "percent" | "date" | "number" | "boolean" | "formula", values: unknown[][]) {
  return {
    sheetName: "Written",
    tableName: "Written",
    columns: [
      { name: "Code", kind: "text" as const },
      { name: "Value", kind },
    ],
    rows: values as TableWriteRequest["rows"],
  };
}

describe("writing a table to a new sheet", () => {
  it("a 20,000-row schedule is written in at most 10 requests, none over 4 MB", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await writeTable(simulator.excel, aFeeSchedule(20_000));

    expect(result).toEqual({
      ok: true,
      value: { sheetName: "Acme PPO 2026", tableName: "AcmePpo2026", rowCount: 20_000, address: "A1:H20001" },
    });
    expect(simulator.requestLog.length).toBeLessThanOrEqual(10);
    expect(simulator.requestLog.every((request) => request.ok && request.bytes <= FOUR_MB)).toBe(true);
    expect(simulator.tables()).toContainEqual({ name: "AcmePpo2026", sheet: "Acme PPO 2026", address: "A1:H20001" });
    expect(cellAt(simulator, "Acme PPO 2026", "A20001").value).toBe("89996");
  });

  it("splits the rows so that no request exceeds the budget it is given", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await writeTable(simulator.excel, aFeeSchedule(3_000), { maxRequestBytes: 100_000 });

    expect(result.ok).toBe(true);
    expect(simulator.requestLog.length).toBeGreaterThan(4);
    expect(Math.max(...simulator.requestLog.map((request) => request.bytes))).toBeLessThanOrEqual(100_000);
    expect(cellAt(simulator, "Acme PPO 2026", "A3001").value).toBe("21996");
  });

  it("writes the header and rows as an Excel table and shows the new sheet", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    await writeTable(simulator.excel, aFeeSchedule(2));

    expect(simulator.sheetNames()).toEqual(["Claims", "Notes", "Acme PPO 2026"]);
    expect(simulator.activeSheetName()).toBe("Acme PPO 2026");
    expect(cellAt(simulator, "Acme PPO 2026", "A1").value).toBe("HCPCS Code");
    expect(cellAt(simulator, "Acme PPO 2026", "H1").value).toBe("Status Code");
    expect(cellAt(simulator, "Acme PPO 2026", "A3").value).toBe("10004");
    expect(simulator.tables()).toContainEqual({ name: "AcmePpo2026", sheet: "Acme PPO 2026", address: "A1:H3" });
  });

  it("reports the rows written after each request, ending with all of them", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const reports: number[] = [];

    await writeTable(simulator.excel, aFeeSchedule(12_000), {
      onProgress: ({ rowsWritten, totalRows }) => reports.push(rowsWritten / totalRows),
    });

    expect(reports.length).toBeGreaterThan(1);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports.at(-1)).toBe(1);
  });
});

describe("text is written as text (CSV injection)", () => {
  const formulaLooking = ['=HYPERLINK("http://example.test","Click")', "+1-555-0100", "-2", "@SUM(A1:A2)", "=1+1"];

  it("a cell that looks like a formula is written as text", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const schedule = aFeeSchedule(formulaLooking.length);
    const rows = schedule.rows.map((row, i) => [row[0]!, row[1]!, formulaLooking[i]!, ...row.slice(3)]);

    await writeTable(simulator.excel, { ...schedule, rows });

    formulaLooking.forEach((text, i) => {
      const cell = cellAt(simulator, "Acme PPO 2026", `C${i + 2}`);
      expect({ value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat }).toEqual({
        value: text,
        formula: null,
        numberFormat: "@",
      });
    });
  });

  it("codes keep their leading zeros", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const schedule = aFeeSchedule(3);
    const codes = ["00110", "0001F", "01996"];

    await writeTable(simulator.excel, {
      ...schedule,
      rows: schedule.rows.map((row, i) => [codes[i]!, ...row.slice(1)]),
    });

    expect(["A2", "A3", "A4"].map((address) => cellAt(simulator, "Acme PPO 2026", address).value)).toEqual(codes);
  });

  it("a number given for a text column is written as its text", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const schedule = aFeeSchedule(1);

    await writeTable(simulator.excel, { ...schedule, rows: [[99213, ...schedule.rows[0]!.slice(1)]] });

    expect(cellAt(simulator, "Acme PPO 2026", "A2").value).toBe("99213");
  });

  it("refuses text in a money column instead of letting Excel parse it", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await writeTable(
      simulator.excel,
      twoColumns("money", [
        ["99213", 92.45],
        ["99214", "=1+1"],
      ]),
    );

    expect(result).toEqual({
      ok: false,
      issue: {
        code: "cellInvalid",
        rowNumber: 2,
        columnName: "Value",
        value: "=1+1",
        expected: "an amount in dollars (a number)",
      },
    });
    expect(simulator.requestLog).toHaveLength(0);
  });

  it("formula columns are the one way to write formulas, and may use the table's columns", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const request = {
      sheetName: "Uplift",
      tableName: "Uplift",
      columns: [
        { name: "HCPCS Code", kind: "text" as const },
        { name: "Current Rate", kind: "money" as const },
        { name: "New Rate", kind: "formula" as const, numberFormat: "$#,##0.00" },
      ],
      rows: [
        ["99213", 100, "=[@[Current Rate]]*1.05"],
        ["99214", 200, "=[@[Current Rate]]*1.05"],
      ],
    };

    await writeTable(simulator.excel, request);

    const cell = cellAt(simulator, "Uplift", "C3");
    expect({ value: cell.value, formula: cell.formula, text: cell.text }).toEqual({
      value: 210,
      formula: "=[@[Current Rate]]*1.05",
      text: "$210.00",
    });
  });
});

describe("number formats", () => {
  it("money columns get a currency format", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    await writeTable(simulator.excel, twoColumns("money", [["99213", 1234.5]]));

    expect(cellAt(simulator, "Written", "B2")).toMatchObject({ value: 1234.5, text: "$1,234.50" });
  });

  it("percent columns show fractions as percentages", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    await writeTable(simulator.excel, twoColumns("percent", [["99213", 0.05]]));

    expect(cellAt(simulator, "Written", "B2")).toMatchObject({ value: 0.05, text: "5.00%" });
  });

  it("dates given as ISO text land as Excel dates, shown as ISO dates", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    await writeTable(simulator.excel, twoColumns("date", [["99213", "2025-03-31"]]));

    expect(cellAt(simulator, "Written", "B2")).toMatchObject({ value: 45747, text: "2025-03-31" });
  });

  it("a column's own number format wins over its kind's", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const request = twoColumns("number", [["99213", 1.5]]);

    await writeTable(simulator.excel, {
      ...request,
      columns: [request.columns[0]!, { name: "Work RVU", kind: "number", numberFormat: "0.00" }],
    });

    expect(cellAt(simulator, "Written", "B2").text).toBe("1.50");
  });

  it("blank cells stay empty", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    await writeTable(simulator.excel, twoColumns("money", [["99213", null]]));

    expect(cellAt(simulator, "Written", "B2").value).toBeNull();
  });
});

describe("never overwriting without asking", () => {
  it("an existing sheet is never overwritten without asking", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);

    const result = await writeTable(simulator.excel, aFeeSchedule(5, { sheetName: "notes" }));

    expect(result).toEqual({ ok: false, issue: { code: "sheetExists", sheetName: "Notes" } });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("a table name already used on another sheet is refused, even when replacing", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await writeTable(simulator.excel, aFeeSchedule(5, { sheetName: "Notes", tableName: "Claims" }), {
      replaceExisting: true,
    });

    expect(result).toEqual({ ok: false, issue: { code: "tableNameTaken", tableName: "Claims", sheetName: "Claims" } });
    expect(simulator.sheetNames()).toEqual(["Claims", "Notes"]);
  });

  it("replaces a sheet and its table when the user confirmed it", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    await writeTable(simulator.excel, aFeeSchedule(3));

    const result = await writeTable(simulator.excel, aFeeSchedule(5), { replaceExisting: true });

    expect(result.ok).toBe(true);
    expect(simulator.sheetNames()).toEqual(["Claims", "Notes", "Acme PPO 2026"]);
    expect(simulator.tables()).toContainEqual({ name: "AcmePpo2026", sheet: "Acme PPO 2026", address: "A1:H6" });
  });

  it("a failed replace keeps the old sheet as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    await writeTable(simulator.excel, aFeeSchedule(3));
    const before = workbookState(simulator);

    // Request 3 writes the first rows into the hidden staging sheet, then meets an Excel error.
    const result = await writeTable(
      excelFailingAtRequest(simulator, 3),
      aFeeSchedule(3_000, { rows: aFeeSchedule(3_000).rows.map((row) => ["99999", ...row.slice(1)]) }),
      { replaceExisting: true, maxRowsPerRequest: 1_000 },
    );

    expect(result.ok || result.issue).toMatchObject({ code: "excelRefused", workbook: { kind: "unchanged" } });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("a replace whose commit Excel applied before reporting an error is complete, and says so", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    await writeTable(simulator.excel, aFeeSchedule(3));

    // Requests: look, add the staging sheet, the rows, the runner's look, the commit (applied, then an error).
    const result = await writeTable(excelFailingAtRequest(simulator, 5), aFeeSchedule(5), { replaceExisting: true });

    expect(result.ok).toBe(true);
    expect(simulator.sheetNames()).toEqual(["Claims", "Notes", "Acme PPO 2026"]);
    expect(simulator.visibleSheetNames()).toEqual(["Claims", "Notes", "Acme PPO 2026"]);
    expect(cellAt(simulator, "Acme PPO 2026", "A6").value).toBe("10016");
    expect(simulator.tables()).toContainEqual({ name: "AcmePpo2026", sheet: "Acme PPO 2026", address: "A1:H6" });
  });

  it("refuses names Excel would refuse before touching the workbook", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const sheet = await writeTable(simulator.excel, aFeeSchedule(1, { sheetName: "Fees: 2026/Q1" }));
    const table = await writeTable(simulator.excel, aFeeSchedule(1, { tableName: "Acme PPO" }));

    expect(sheet.ok || sheet.issue.code).toBe("sheetNameInvalid");
    expect(table.ok || table.issue.code).toBe("tableNameInvalid");
    expect(simulator.requestLog).toHaveLength(0);
  });
});

describe("atomic writes", () => {
  it("cancelling removes the partial sheet", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const controller = new AbortController();

    const result = await writeTable(simulator.excel, aFeeSchedule(3_000), {
      maxRowsPerRequest: 1_000,
      signal: controller.signal,
      onProgress: ({ rowsWritten }) => rowsWritten >= 1_000 && controller.abort(),
    });

    expect(result).toEqual({
      ok: false,
      issue: { code: "cancelled", what: "writing table AcmePpo2026", workbook: { kind: "unchanged" } },
    });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("an Excel error mid-way leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);

    const result = await writeTable(excelFailingAtRequest(simulator, 4), aFeeSchedule(3_000), {
      maxRowsPerRequest: 1_000,
    });

    expect(result).toEqual({
      ok: false,
      issue: {
        code: "excelRefused",
        what: "writing table AcmePpo2026",
        phase: "writing",
        refusal: { code: "ItemNotFound", message: expect.stringContaining("A sheet deleted meanwhile") },
        workbook: { kind: "unchanged" },
      },
    });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("a request Excel finds too large leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook(), { requestBudgetBytes: 50_000 });
    const before = workbookState(simulator);

    const result = await writeTable(simulator.excel, aFeeSchedule(2_000));

    expect(result.ok || result.issue).toMatchObject({
      code: "excelRefused",
      refusal: { code: "RequestPayloadSizeLimitExceeded" },
      workbook: { kind: "unchanged" },
    });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("says in the user's words what happened and that the workbook is unchanged", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await writeTable(excelFailingAtRequest(simulator, 4), aFeeSchedule(3_000), {
      maxRowsPerRequest: 1_000,
    });

    expect(result.ok || describeTableWriteIssue(result.issue)).toBe(
      "Writing table AcmePpo2026 did not complete: Excel stopped while the new content was being prepared: a " +
        "sheet, table or setting it needed no longer exists (renamed or deleted meanwhile?) (Excel error " +
        "ItemNotFound). Nothing was changed: the workbook is as it was.",
    );
  });
});
