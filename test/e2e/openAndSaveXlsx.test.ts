/**
 * Issue 18 "Done when", in a real Chromium: a user's own workbook (claim lines of the Tuva synthetic claims and a
 * payer's rates priced from CMS's 2025 RVUs by a formula, each in a table) is opened with "Open .xlsx"; the payer's
 * rates are imported from the workbook as a fee schedule; the uplift model is built on the claims; "Save .xlsx"
 * downloads a file that exceljs reopens with the add-in's sheets and their values.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { SHARED_DATA } from "../support/sharedData";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "xlsx-import-preview.png");
/** CMS's CY2025 physician fee schedule conversion factor. */
const CONVERSION_FACTOR = 32.3465;
const CLAIM_LINES = 300;
const RATES = 60;

const csvRows = (file: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(readFileSync(path.join(SHARED_DATA!, file), "utf8"), { header: true, skipEmptyLines: true }).data; // prettier-ignore

/** Professional claim lines with a code and an allowed amount, in the sample workbook's column words. */
function claimLines(): (string | number)[][] {
  return csvRows("claims/tuva-synthetic/medical_claim.csv")
    .filter(
      (line) =>
        line.claim_type === "professional" && /^\d{5}$/.test(line.hcpcs_code ?? "") && Number(line.allowed_amount) > 0,
    ) // prettier-ignore
    .slice(0, CLAIM_LINES)
    .map((line) => [
      line.claim_id!,
      Number(line.claim_line_number),
      line.claim_line_start_date!,
      "Acme PPO",
      line.hcpcs_code!,
      Number(line.service_unit_quantity || 1),
      line.place_of_service_code!,
      Number(line.charge_amount),
      Number(line.allowed_amount),
    ]);
}

/**
 * Codes of the claims with their 2025 non-facility total RVUs, from CMS's PPRRVU file: its header spans three lines
 * ending with the one that starts "HCPCS,"; the column is the "TOTAL" under "NON-FACILITY" (found by content).
 */
function rvus(codes: ReadonlySet<string>): [string, number][] {
  const lines = readFileSync(path.join(SHARED_DATA!, "cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"), "utf8").split("\n");
  const header = lines.findIndex((line) => line.startsWith("HCPCS,"));
  const total = lines[header - 1]!.split(",").indexOf("NON-FACILITY");
  const rows = Papa.parse<string[]>(lines.slice(header + 1).join("\n"), { skipEmptyLines: true }).data;
  const seen = new Map<string, number>();
  for (const row of rows)
    if (codes.has(row[0]!) && row[1] === "" && Number(row[total]) > 0 && !seen.has(row[0]!)) seen.set(row[0]!, Number(row[total])); // prettier-ignore
  return [...seen].slice(0, RATES);
}

/** The user's workbook: a Claims table, and Acme's rates whose Non-Facility Rate column is a formula. */
async function usersWorkbook(): Promise<Buffer> {
  const claims = claimLines();
  const book = new ExcelJS.Workbook();
  const claimsSheet = book.addWorksheet("Claims");
  claimsSheet.addTable({
    name: "Claims",
    ref: "A1",
    columns: ["Claim ID", "Claim Line Number", "Service Date", "Payer", "HCPCS Code", "Service Unit Quantity", "Place of Service Code", "Charge Amount", "Allowed Amount"].map((name) => ({ name })), // prettier-ignore
    rows: claims,
  });
  const rates = book.addWorksheet("Acme Rates");
  const priced = rvus(new Set(claims.map((line) => String(line[4]))));
  rates.addTable({
    name: "AcmeRates",
    ref: "A1",
    columns: ["HCPCS Code", "Total RVU", "Non-Facility Rate", "Effective Start Date"].map((name) => ({ name })),
    rows: priced.map(([code, rvu], i) => [code, rvu, { formula: `ROUND(B${i + 2}*${CONVERSION_FACTOR}*1.2,2)` }, "2025-01-01"]), // prettier-ignore
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const playground = usePlaygroundPage();
const { problems, taskPane } = playground;
let saved: ExcelJS.Workbook;

describe("a user's own workbook opened, worked on and saved in the playground", () => {
  it("opens the .xlsx with its tables", async () => {
    await playground.page.getByTestId("open-xlsx").setInputFiles({
      name: "Acme claims.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await usersWorkbook(),
    });
    const status = playground.page.getByTestId("file-status").filter({ hasText: /^(Opened|"Acme)/ });
    expect(await (await playground.visible(status, 60_000)).textContent()).toBe('Opened "Acme claims.xlsx": 2 sheets, 2 tables.'); // prettier-ignore
    expect(await playground.page.getByRole("tab", { name: "Acme Rates", exact: true }).isVisible()).toBe(true);
  });

  it("imports the payer's rates, computed by the file's own formula, as a fee schedule", async () => {
    await taskPane().getByRole("tab", { name: "Fee schedule", exact: true }).click();
    await taskPane().getByRole("radio", { name: "From the workbook" }).click();
    const range = taskPane().getByRole("combobox", { name: "Range" });
    await range.locator("option", { hasText: "Table AcmeRates" }).waitFor({ state: "attached", timeout: 30_000 });
    await range.selectOption({ label: "Table AcmeRates (Acme Rates)" });
    await taskPane().getByRole("button", { name: "Read the range" }).click();
    const importButton = await playground.visible(taskPane().getByRole("button", { name: "Import", exact: true }), 60_000); // prettier-ignore
    await playground.screenshot(SCREENSHOT);
    await importButton.click();
    const imported = await playground.visible(taskPane().getByText(/Imported \d+ rates into table FS_/).first(), 120_000); // prettier-ignore
    expect(await imported.textContent()).toContain(`Imported ${RATES} rates into table FS_Acme`);
  });

  it("builds the uplift model on the opened claims", async () => {
    await taskPane().getByRole("tab", { name: "Uplift model", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Uplift model" });
    await playground.visible(panel.getByRole("button", { name: "Build model" }), 60_000);
    await panel.getByRole("button", { name: "Build model" }).click();
    await panel.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 180_000 });
    expect(await panel.textContent()).toContain('Built sheet "Uplift Model"');
  });

  it("saves a file that reopens with the add-in's sheets and their values", async () => {
    const [download] = await Promise.all([
      playground.page.waitForEvent("download", { timeout: 120_000 }),
      playground.page.getByRole("button", { name: "Save .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Acme claims.xlsx");
    saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const names = saved.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(["Claims", "Acme Rates", "Uplift Model"]));
    // exceljs's typings say [Table, void] pairs; it returns its Table objects.
    const tableNames = (sheet: ExcelJS.Worksheet) => (sheet.getTables() as unknown as { name: string }[]).map((t) => t.name); // prettier-ignore
    const schedule = saved.worksheets.find((sheet) => tableNames(sheet).some((name) => name.startsWith("FS_Acme")))!;
    expect(schedule.actualRowCount).toBe(RATES + 1);
    // The first rate as the file's formula computed it: RVUs x CF x 1.2, rounded once.
    const rates = saved.getWorksheet("Acme Rates")!;
    const rvu = Number(rates.getCell("B2").value);
    const headers = (schedule.getRow(1).values as unknown[]).map(String);
    const rateColumn = headers.findIndex((name) => /non-facility rate/i.test(name));
    expect(Number(schedule.getRow(2).getCell(rateColumn).value)).toBeCloseTo(Math.round(rvu * CONVERSION_FACTOR * 1.2 * 100) / 100, 2); // prettier-ignore
  });

  it("keeps the uplift model's current total equal to the claims' allowed amounts", () => {
    const allowed = claimLines().reduce((sum, line) => sum + Math.round(Number(line[8]) * 100), 0) / 100;
    const model = saved.getWorksheet("Uplift Model")!;
    const current = model.getCell("B6").value as { result?: number } | number;
    expect(typeof current === "number" ? current : current.result).toBeCloseTo(allowed, 2);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
