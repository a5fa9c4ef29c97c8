// Issue 18 item 5: a payer's .xlsx fee schedule read through Excel's own insertWorksheetsFromBase64 (the simulator's
// here) gives the same schedule rows as the same data sent as CSV, and leaves the workbook as it was.
import { existsSync, readFileSync } from "fs";
import path from "path";
import {
  describeScheduleWorkbookIssue,
  MAX_WORKBOOK_FILE_BYTES,
  readScheduleWorkbookFile,
} from "../../../src/excel/payerSchedule/readScheduleWorkbookFile";
import { previewPayerSchedule, previewPayerScheduleFile } from "../../../src/formats/payerSchedule";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { saveXlsx } from "../../../src/playground/xlsx";
import { countingExcel } from "../../support/faults";
import { usersWorkbook, workbookState } from "../core/tableWriterBuilders";

const PPRRVU = path.resolve(__dirname, "../../../../shared/data/cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv");
const HEADER = ["HCPCS Code", "Modifier", "Non-Facility Rate", "Facility Rate"];

/**
 * A payer's schedule from real PPRRVU rows: codes with leading zeros ("00100", "0446T"), codes with a modifier and
 * E/M codes, each rate the row's total RVUs times its conversion factor in cents (text in the CSV, numbers in the
 * workbook, as a payer's file has them).
 */
function scheduleRows(): [string, string, number, number][] {
  const lines = readFileSync(PPRRVU, "utf8").split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith("HCPCS,MOD,")) + 1;
  const rows = lines.slice(start).map((line) => line.split(","));
  const priced = rows.filter((f) => Number(f[11]) > 0 && Number(f[12]) > 0);
  const rate = (rvu: string, cf: string) => Math.round(Number(rvu) * Number(cf) * 100) / 100;
  const chosen = [
    ...rows.filter((f) => /^0\d{4}$/.test(f[0]!) && f[1] === "").slice(0, 2),
    ...priced.filter((f) => /^0\d{3}T$/.test(f[0]!) && f[1] === "").slice(0, 3),
    ...priced.filter((f) => f[1] === "26").slice(0, 3),
    ...priced.filter((f) => f[0]!.startsWith("992")).slice(0, 5),
  ];
  return chosen.map((f) => [f[0]!, f[1]!, rate(f[11]!, f[25]!), rate(f[12]!, f[25]!)]);
}

const csvOf = (rows: ReturnType<typeof scheduleRows>) =>
  [HEADER, ...rows].map((row) => row.map((cell) => (typeof cell === "number" ? cell.toFixed(2) : cell)).join(",")).join("\n") + "\n"; // prettier-ignore

async function xlsxOf(rows: ReturnType<typeof scheduleRows>): Promise<string> {
  const payer = new WorkbookSimulator({
    sheets: [
      // Codes typed into text-formatted cells, as a payer's file keeps "00100".
      { name: "Acme PPO 2026", cells: [HEADER, ...rows], numberFormats: [{ address: `A2:A${rows.length + 1}`, format: "@" }] }, // prettier-ignore
      { name: "Notes", cells: [["Rates effective 2026-01-01"]] },
    ],
  });
  return Buffer.from((await saveXlsx(payer)).bytes).toString("base64");
}

/** A schedule row as plain data, so that rows from both sources compare field by field. */
const plain = (row: object) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? null : String(value)]));

const maybe = existsSync(PPRRVU) ? describe : describe.skip;

maybe("reading a payer's .xlsx fee schedule through Excel", () => {
  it("gives the same schedule rows as the same data imported from CSV, codes with leading zeros kept", async () => {
    const rows = scheduleRows();
    const simulator = new WorkbookSimulator(usersWorkbook());
    const grid = await readScheduleWorkbookFile(simulator.excel, { name: "Acme PPO 2026.xlsx", base64: await xlsxOf(rows) }); // prettier-ignore
    if (!grid.ok) throw new Error(describeScheduleWorkbookIssue(grid.issue));
    const fromXlsx = previewPayerSchedule(grid.value.values, { firstRowNumber: grid.value.firstRowNumber });
    const fromCsv = previewPayerScheduleFile({ name: "acme.csv", bytes: new TextEncoder().encode(csvOf(rows)) });
    if (!fromXlsx.ok || !fromCsv.ok) throw new Error("a preview failed");
    expect(fromXlsx.value.rows.map(plain)).toEqual(fromCsv.value.rows.map(plain));
    expect(fromXlsx.value.rows.map((row) => row.hcpcsCode)).toEqual(rows.map((row) => row[0]));
    expect(fromXlsx.value.problems).toEqual(fromCsv.value.problems);
    expect(grid.value.values[1]![0]).toBe(rows[0]![0]);
    expect(typeof grid.value.values[1]![2]).toBe("number");
    expect(rows.some(([code]) => /^0\d{4}$/.test(code))).toBe(true);
    expect(grid.value).toMatchObject({ sheetName: "Acme PPO 2026", address: "'Acme PPO 2026'!A1:D14" });
  });

  it("leaves no inserted sheet behind and the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const grid = await readScheduleWorkbookFile(simulator.excel, { name: "acme.xlsx", base64: await xlsxOf(scheduleRows()) }); // prettier-ignore
    expect(grid.ok).toBe(true);
    expect(workbookState(simulator)).toEqual(before);
  });

  it("refuses a file that is not a workbook with a message saying so, and changes nothing", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const base64 = Buffer.from(csvOf(scheduleRows())).toString("base64");
    const grid = await readScheduleWorkbookFile(simulator.excel, { name: "rates.xlsx", base64 });
    expect(grid.ok).toBe(false);
    if (grid.ok) return;
    expect(grid.issue.code).toBe("notAWorkbook");
    expect(describeScheduleWorkbookIssue(grid.issue)).toMatch(
      /"rates.xlsx" is not an .xlsx workbook .*Nothing was changed/,
    );
    expect(workbookState(simulator)).toEqual(before);
  });

  it("refuses a file too large for one request to Excel, with its size and the limit, before sending anything", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const excel = countingExcel(simulator);
    const base64 = Buffer.alloc(MAX_WORKBOOK_FILE_BYTES + 3).toString("base64");
    const grid = await readScheduleWorkbookFile(excel, { name: "big.xlsx", base64 });
    expect(grid.ok).toBe(false);
    if (grid.ok) return;
    expect(grid.issue).toEqual({ code: "fileTooLarge", fileName: "big.xlsx", bytes: MAX_WORKBOOK_FILE_BYTES + 3, limitBytes: MAX_WORKBOOK_FILE_BYTES }); // prettier-ignore
    expect(describeScheduleWorkbookIssue(grid.issue)).toMatch(
      /^"big.xlsx" is 3\.0 MB; Excel takes files up to 3\.0 MB/,
    );
    expect(excel.requests).toBe(0);
  });
});
