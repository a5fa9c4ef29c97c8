/**
 * The "Done when" of issue 3: the sample workbook (registry, two payer contracts, a Medicare schedule, claims)
 * evaluated through the simulator gives the contract's amount on every line, per row and as one spilled column, and
 * an edit of a fee schedule row changes the dependent results once the registry cache has refreshed.
 */
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import type { SheetSnapshot, WorkbookSimulator, WorkbookSnapshot } from "../../src/playground/simulator";
import { afterRefresh, simulatorWithRegistry } from "./support";

const ROW_FORMULA =
  "=PAYER.EXPECTED_PAYMENT([@[Contract Name]], [@[HCPCS Code]], [[#This Row],[HCPCS Modifier 1]:[HCPCS Modifier 2]], " +
  "[@[Service Unit Quantity]], [@[Charge Amount]], [@[Service Date]], [@[Place of Service Code]])";
const SPILL_FORMULA =
  "=PAYER.EXPECTED_PAYMENT(Claims[Contract Name], Claims[HCPCS Code], Claims[[HCPCS Modifier 1]:[HCPCS Modifier 2]], " +
  "Claims[Service Unit Quantity], Claims[Charge Amount], Claims[Service Date], Claims[Place of Service Code])";

/** The sample with an "Expected Allowed Amount" column in Claims and a sheet holding one spilled formula. */
function sampleWithFormulas(): WorkbookSnapshot {
  const sample = buildSampleWorkbook();
  const sheets = sample.sheets.map((sheet): SheetSnapshot => {
    if (sheet.name !== "Claims") return sheet;
    const cells = sheet.cells.map((row, i) => [...row, i === 0 ? "Expected Allowed Amount" : ROW_FORMULA]);
    const width = cells[0]!.length;
    const last = String.fromCharCode(64 + width);
    return { ...sheet, cells, tables: [{ name: "Claims", address: `A1:${last}${cells.length}` }] };
  });
  return { ...sample, sheets: [...sheets, { name: "Check", cells: [["Expected"], [SPILL_FORMULA]] }] };
}

interface ClaimRow {
  readonly [header: string]: unknown;
}

function claimRows(simulator: WorkbookSimulator): ClaimRow[] {
  const { rows, columns } = simulator.usedSize("Claims");
  const headers = Array.from({ length: columns }, (_, c) => String(simulator.cell("Claims", 0, c).value));
  return Array.from({ length: rows - 1 }, (_, r) =>
    Object.fromEntries(headers.map((h, c) => [h, simulator.cell("Claims", r + 1, c).value])),
  );
}

const cents = (dollars: unknown) => Math.round(Number(dollars) * 100);

let simulator: WorkbookSimulator;
let claims: ClaimRow[];

beforeAll(async () => {
  simulator = await simulatorWithRegistry(sampleWithFormulas());
  claims = claimRows(simulator);
}, 60_000);

describe("PAYER.EXPECTED_PAYMENT over the sample claims", () => {
  it("prices every claim line, with no error", () => {
    const errors = claims.filter((c) => typeof c["Expected Allowed Amount"] !== "number");
    expect(errors.slice(0, 3)).toEqual([]);
    expect(claims.length).toBeGreaterThan(2500);
  });

  it("matches the allowed amount to the cent on every paid line except the planted underpayments", () => {
    const paid = claims.filter((c) => c["Denied Flag"] !== true);
    const differing = paid.filter((c) => cents(c["Allowed Amount"]) !== cents(c["Expected Allowed Amount"]));
    // The sample underpays about 5% of paid lines at 93.0%-98.5% of the contract amount (claims.ts).
    expect(differing.length / paid.length).toBeGreaterThan(0.02);
    expect(differing.length / paid.length).toBeLessThan(0.08);
    for (const line of differing) {
      const ratio = Number(line["Allowed Amount"]) / Number(line["Expected Allowed Amount"]);
      expect({
        claim: line["Claim ID"],
        line: line["Claim Line Number"],
        underpaid: ratio >= 0.925 && ratio <= 0.99,
      }).toEqual({
        claim: line["Claim ID"],
        line: line["Claim Line Number"],
        underpaid: true,
      });
    }
  });

  it("gives the same numbers as one spilled column over the whole table", () => {
    const spilled = claims.map((_, r) => simulator.cell("Check", r + 1, 0).value);
    expect(spilled).toEqual(claims.map((c) => c["Expected Allowed Amount"]));
  });
});

describe("after an edit of the registry", () => {
  /** The first Acme 2025 one-unit office line without modifiers whose code the fee schedule lists, and that row. */
  function acmeFeeScheduleLine() {
    const { rows } = simulator.usedSize("Acme Fee Schedule");
    const scheduleRows = new Map<unknown, number>();
    for (let r = 1; r < rows; r++) {
      const modifier = simulator.cell("Acme Fee Schedule", r, 1).value;
      if (modifier === null || modifier === "") scheduleRows.set(simulator.cell("Acme Fee Schedule", r, 0).value, r);
    }
    const index = claims.findIndex(
      (c) =>
        c["Contract Name"] === "Acme Health PPO" &&
        String(c["Service Date"]) >= "2025-01-01" &&
        scheduleRows.has(c["HCPCS Code"]) &&
        (c["HCPCS Modifier 1"] ?? "") === "" &&
        c["Service Unit Quantity"] === 1 &&
        c["Place of Service Code"] === "11",
    );
    if (index < 0) throw new Error("the sample has no Acme 2025 office line on the fee schedule");
    return { row: index + 1, scheduleRow: scheduleRows.get(claims[index]!["HCPCS Code"])! };
  }
  const expectedColumn = () => claims.length > 0 && Object.keys(claims[0]!).indexOf("Expected Allowed Amount");

  it("follows a fee schedule rate typed into its cell", async () => {
    const { row, scheduleRow } = acmeFeeScheduleLine();
    simulator.setCellInput("Acme Fee Schedule", scheduleRow, 2, "1.25");
    await afterRefresh(simulator);
    expect(simulator.cell("Claims", row, Number(expectedColumn())).value).toBe(1.25);
  });

  it("follows the edit in the spilled column too", async () => {
    const { row, scheduleRow } = acmeFeeScheduleLine();
    simulator.setCellInput("Acme Fee Schedule", scheduleRow, 2, "1.75");
    await afterRefresh(simulator);
    expect(simulator.cell("Check", row, 0).value).toBe(1.75);
  });

  it("follows a rate written through the Excel API", async () => {
    const { row, scheduleRow } = acmeFeeScheduleLine();
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.getItem("Acme Fee Schedule").getCell(scheduleRow, 2).values = [[2.5]];
      await context.sync();
    });
    await afterRefresh(simulator);
    expect(simulator.cell("Claims", row, Number(expectedColumn())).value).toBe(2.5);
  });
});
