/**
 * PAYER.MARKET_RATE as a user types it (issue 16 item 3), evaluated by the simulator's formula engine over a
 * Benchmarks table written by the Benchmarks writer from the real hospital examples of
 * ../shared/data/price-transparency/hospital-mrf (V3 tall CSV and V2 JSON). Expected rates are worked by hand from
 * the files' cells, as PERCENTILE.INC defines them: rank (n - 1) x p, linear between the sorted rates around it.
 */
import { associated } from "../functions/support/installShim";
import "../../src/functions/functions";
import type { IsoDate } from "../../src/engine";
import { describeBenchmarksIssue, writeBenchmarks, type BenchmarkFile } from "../../src/excel/benchmarks";
import { registryCache } from "../../src/functions/registryCache";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { readBenchmarkFile } from "../excel/benchmarks/support";
import { describeWithSharedData } from "../support/sharedData";
import { afterRefresh } from "./support";

jest.setTimeout(60_000);

const V3_TALL = "V3.0.0_Tall_CSV_Format_Example.csv";
const V2_JSON = "V2.0.0_JSON_Format_Example.json";

async function writeRates(simulator: WorkbookSimulator, files: BenchmarkFile[], replaceExisting: boolean) {
  const today = "2025-06-30" as IsoDate;
  const written = await writeBenchmarks(simulator.excel, { files, locality: null, replaceExisting, today });
  if (!written.ok) throw new Error(describeBenchmarksIssue(written.issue));
}

/** What Sheet1's cells show, by row, from A1, once the workbook is idle. */
function shown(simulator: WorkbookSimulator, rows: number, column = 1): unknown[] {
  return Array.from({ length: rows }, (_, row) => {
    const cell = simulator.cell("Sheet1", row, column);
    return cell.errorMessage ?? cell.value;
  });
}

describeWithSharedData("PAYER.MARKET_RATE over the Benchmarks table of two hospital files", () => {
  let simulator: WorkbookSimulator;

  /** Types a formula into B1 and gives what B1 shows (the error's message for an error). */
  async function valueOf(formula: string): Promise<unknown> {
    simulator.setCellInput("Sheet1", 0, 1, formula);
    await afterRefresh(simulator);
    return shown(simulator, 1)[0];
  }

  beforeAll(async () => {
    simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [[null]] }] }, { customFunctions: associated }); // prettier-ignore
    await writeRates(simulator, [await readBenchmarkFile(V3_TALL), await readBenchmarkFile(V2_JSON)], false);
    await registryCache.start(simulator.excel);
  });

  // H0017 (per diem): 1500, 2000, 1800, 1200 in each file; sorted 1200 1200 1500 1500 1800 1800 2000 2000.
  it("gives the median of a code's dollar rates: rank 3.5 between 1500 and 1800 is 1650", async () => {
    expect(await valueOf('=PAYER.MARKET_RATE("H0017", 0.5)')).toBe(1650);
  });

  it("takes 25 as the 25th percentile: rank 1.75 is 1200 + 0.75 x 300 = 1425", async () => {
    expect(await valueOf('=PAYER.MARKET_RATE("h0017 ", 25)')).toBe(1425);
  });

  it("keeps one payer's rates, in any case: Region Health Insurance's median of 1200 1200 1800 1800 2000 2000 is 1800", async () => {
    expect(await valueOf('=PAYER.MARKET_RATE("H0017", 0.5, "region health insurance")')).toBe(1800);
  });

  // 470 (MS-DRG case rate): 49000 and 14000 in the V3 file, 20000 three times in the V2 file, plus a 50% rate.
  it("leaves the percent-of-charges rates out: the 90th of 14000, 20000 x3, 49000 is 20000 + 0.6 x 29000", async () => {
    expect(await valueOf("=PAYER.MARKET_RATE(470, 0.9)")).toBe(37400);
  });

  it("reads a code typed as a number: 70551's median of 250 and 400 is 325", async () => {
    expect(await valueOf("=PAYER.MARKET_RATE(70551, 0.5)")).toBe(325);
  });

  it("gives one rate per code for a column of codes", async () => {
    simulator.setCellInput("Sheet1", 0, 0, "H0017");
    simulator.setCellInput("Sheet1", 1, 0, "70551");
    simulator.setCellInput("Sheet1", 2, 0, "92626");
    simulator.setCellInput("Sheet1", 0, 1, "=PAYER.MARKET_RATE(A1:A3, 0.5)");
    await afterRefresh(simulator);
    expect(shown(simulator, 3)).toEqual([1650, 325, 98.98]);
  });

  it("answers #N/A for a code with percent rates only, saying how many were left out", async () => {
    expect(await valueOf("=PAYER.MARKET_RATE(99283, 0.5)")).toBe(
      "no dollar rate for code 99283 in the Benchmarks table (2 percent rates left out).",
    );
  });

  it("answers #N/A when the setting leaves no rate: 470 is an inpatient code", async () => {
    expect(await valueOf('=PAYER.MARKET_RATE(470, 0.5, , "outpatient")')).toBe(
      "no dollar rate for code 470 in the Benchmarks table for that payer, setting and billing class (0 percent rates left out).",
    );
  });

  it("answers #VALUE! for a percentile above 100, saying what it takes", async () => {
    expect(await valueOf('=PAYER.MARKET_RATE("H0017", 150)')).toBe(
      "percentile: 150 is out of range; expected a fraction from 0 to 1 (0.5 for the median) or a whole percent from 2 to 100 (25 for the 25th percentile).",
    );
  });

  it("follows a new Write of the table: 470's median is 31500 over the V3 file alone", async () => {
    const before = await valueOf("=PAYER.MARKET_RATE(470, 0.5)");
    await writeRates(simulator, [await readBenchmarkFile(V3_TALL)], true);
    await afterRefresh(simulator);
    expect([before, shown(simulator, 1)[0]]).toEqual([20000, 31500]);
  });
});
