/**
 * Writing the Benchmarks table (issue 16 item 2) in the workbook simulator, from the real hospital example files of
 * ../shared/data/price-transparency/hospital-mrf, with % of Medicare at the sample workbook's locality (Houston,
 * MPFS_2025). Expected values are the files' own cells and a Medicare amount computed here from the RVUs, GPCIs and
 * conversion factor of the sample's fixtures (src/playground/sample/fixtures).
 */
import { Decimal, type IsoDate } from "../../../src/engine";
import { describeBenchmarksIssue, writeBenchmarks, type BenchmarksWrite } from "../../../src/excel/benchmarks";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt } from "../../playground/simulator/helpers";
import { describeWithSharedData } from "../../support/sharedData";
import { hospitalFileText, HOUSTON, medicareOnlyWorkbook, readBenchmarkFile, tableRecords, tableRows } from "./support";

jest.setTimeout(60_000);

const V3_TALL = "V3.0.0_Tall_CSV_Format_Example.csv";
const V2_JSON = "V2.0.0_JSON_Format_Example.json";
const TODAY = "2025-06-30" as IsoDate;

/** Writes and returns the result, failing the test with the message when it did not write. */
async function written(simulator: WorkbookSimulator, write: Partial<BenchmarksWrite> & Pick<BenchmarksWrite, "files">) {
  const result = await writeBenchmarks(simulator.excel, { locality: HOUSTON, replaceExisting: false, today: TODAY, ...write }); // prettier-ignore
  if (!result.ok) throw new Error(describeBenchmarksIssue(result.issue));
  return result.value;
}

/**
 * 70551 (MRI brain) at a facility in Houston under MPFS 2025: (work 1.48 x 1.014 + facility PE 4.41 x 1.003 + MP 0.09 x
 * 1.409) x CF 32.3465, rounded half-up to cents once (DOMAIN.md 2.1). RVUs: the sample's PPRRVU row; GPCIs: its GPCI row.
 */
const MRI_FACILITY_HOUSTON = new Decimal("1.48").times("1.014").plus(new Decimal("4.41").times("1.003")).plus(new Decimal("0.09").times("1.409")).times("32.3465").toDecimalPlaces(2, Decimal.ROUND_HALF_UP); // prettier-ignore

describeWithSharedData("writing the Benchmarks table", () => {
  it("writes row 4 of the V3 tall example as the file states it: both codes of the MRI, Platform Health Insurance PPO, $400", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V3_TALL)] });
    const rows = (await tableRecords(simulator, "Benchmarks")).filter((row) => row["Position in File"] === "row 4");
    expect(rows.map((row) => [row["Billing Code"], row["Billing Code Type"]])).toEqual([["611", "RC"], ["70551", "CPT"]]); // prettier-ignore
    expect(rows[1]).toMatchObject({
      Source: "Hospital MRF",
      File: V3_TALL,
      Publisher: "West Mercy Hospital",
      Payer: "Platform Health Insurance",
      Plan: "PPO",
      Provider: "West Mercy Hospital; West Mercy Surgical Center",
      Setting: "outpatient",
      "Billing Class": "",
      Method: "fee schedule",
      Unit: "dollars",
      Rate: 400,
    });
  });

  it("writes one row for every negotiated dollar or percentage of the file, none for the algorithm-only charges", async () => {
    const simulator = medicareOnlyWorkbook();
    const file = await readBenchmarkFile(V3_TALL);
    const result = await written(simulator, { files: [file] });
    // The example's item rows 4-48 carry 45 payer charges; 8 are algorithms only and 6 modifier adjustments.
    const rows = await tableRows(simulator, "Benchmarks");
    expect(rows).toHaveLength(file.rates.length);
    expect(result).toMatchObject({ sheetName: "Benchmark Rates", tableName: "Benchmarks", rowCount: rows.length });
    expect(rows.filter((row) => row.includes("row 24"))[0]).toEqual(expect.arrayContaining(["H0017", "HCPCS", "inpatient", "per diem", 1500])); // prettier-ignore
  });

  it("gives 70551's $400 PPO rate as a percent of Medicare's facility amount in Houston, with that amount and its basis", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V3_TALL)] });
    const mri = (await tableRecords(simulator, "Benchmarks")).find((r) => r["Billing Code"] === "70551" && r.Rate === 400)!; // prettier-ignore
    expect(mri["Medicare Amount"]).toBe(MRI_FACILITY_HOUSTON.toNumber());
    expect(mri["% of Medicare"]).toBeCloseTo(new Decimal(400).dividedBy(MRI_FACILITY_HOUSTON).toNumber(), 6);
    expect(mri["Medicare Note"]).toBe("MPFS_2025, locality 04412-18, facility, priced on 2025-06-30");
  });

  it.each([
    ["a percentage of charges (99283 at 80%)", "99283", "The rate is a percentage of charges, not dollars."],
    [
      "an MS-DRG case rate (470)",
      "470",
      "MS-DRG codes have no Medicare physician fee schedule amount (it prices CPT and HCPCS codes).",
    ],
    ["a per diem (H0017)", "H0017", "A per diem pays a day of a stay, not the service."],
    [
      "a revenue code (611)",
      "611",
      "RC codes have no Medicare physician fee schedule amount (it prices CPT and HCPCS codes).",
    ],
  ])("leaves %% of Medicare blank and says why for %s", async (_, code, reason) => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V3_TALL)] });
    const row = (await tableRecords(simulator, "Benchmarks")).find((r) => r["Billing Code"] === code)!;
    expect([row["Medicare Amount"], row["% of Medicare"], row["Medicare Note"]]).toEqual(["", "", reason]);
  });

  it("says Medicare pays no amount for a lab code of status X (80048), with the schedule's reason", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V3_TALL)] });
    const lab = (await tableRecords(simulator, "Benchmarks")).find((r) => r["Billing Code"] === "80048")!;
    expect(lab["% of Medicare"]).toBe("");
    expect(lab["Medicare Note"]).toMatch(/^No Medicare amount: .*80048.*\bX\b/);
  });

  it("writes no % of Medicare, and says why, when no locality is chosen", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V3_TALL)], locality: null });
    const mri = (await tableRecords(simulator, "Benchmarks")).find((r) => r["Billing Code"] === "70551")!;
    expect([mri["% of Medicare"], mri["Medicare Note"]]).toEqual(["", "No Medicare locality was chosen."]);
  });

  it("writes the rates of several files one file after the other, each row naming its file", async () => {
    const simulator = medicareOnlyWorkbook();
    const files = [await readBenchmarkFile(V3_TALL), await readBenchmarkFile(V2_JSON)];
    await written(simulator, { files });
    const names = (await tableRecords(simulator, "Benchmarks")).map((row) => row.File);
    expect(names).toEqual([...files[0]!.rates.map(() => V3_TALL), ...files[1]!.rates.map(() => V2_JSON)]);
  });

  it("keeps a payer name that looks like a formula as text, never a formula", async () => {
    const simulator = medicareOnlyWorkbook();
    const payer = '=HYPERLINK("https://example.com","Region")';
    const text = hospitalFileText(V3_TALL).replaceAll("Region Health Insurance", `"${payer.replaceAll('"', '""')}"`);
    await written(simulator, { files: [await readBenchmarkFile(V3_TALL, text)] });
    // Table row 3 (sheet row 4) is the file's row 5: code 611 for the payer now named by a formula.
    const cell = cellAt(simulator, "Benchmark Rates", "D4");
    expect([cell.value, cell.formula, cell.numberFormat]).toEqual([payer, null, "@"]);
  });

  it("refuses a locality that has no registered Medicare schedule, naming those registered, and writes nothing", async () => {
    const simulator = medicareOnlyWorkbook();
    const before = simulator.describe();
    const result = await writeBenchmarks(simulator.excel, { files: [await readBenchmarkFile(V3_TALL)], locality: "01112-05" as never, replaceExisting: false, today: TODAY }); // prettier-ignore
    expect(result.ok ? "written" : describeBenchmarksIssue(result.issue)).toBe(
      "No Medicare schedule is registered for locality 01112-05 in MedicareSchedules (registered: 04412-18).",
    );
    expect(simulator.describe()).toEqual(before);
  });
});

describeWithSharedData("writing the Benchmarks table over an earlier one", () => {
  it("asks for confirmation before replacing the rows of an earlier Benchmarks table, and writes nothing until then", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V2_JSON)] });
    const before = simulator.describe();
    const result = await writeBenchmarks(simulator.excel, { files: [await readBenchmarkFile(V3_TALL)], locality: HOUSTON, replaceExisting: false }); // prettier-ignore
    expect(result.ok ? "written" : describeBenchmarksIssue(result.issue)).toBe(
      'Table Benchmarks on sheet "Benchmark Rates" holds 29 rows already: confirm that they are replaced by the rates read.',
    );
    expect(simulator.describe()).toEqual(before);
  });

  it("replaces the earlier rows with the new file's once confirmed, on the same sheet", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V2_JSON)] });
    const file = await readBenchmarkFile(V3_TALL);
    const result = await written(simulator, { files: [file], replaceExisting: true });
    expect(result).toMatchObject({ sheetName: "Benchmark Rates", replacedRows: 29, rowCount: file.rates.length });
    expect(new Set((await tableRecords(simulator, "Benchmarks")).map((row) => row.File))).toEqual(new Set([V3_TALL]));
  });

  it("refuses to replace a Benchmarks table whose sheet holds other cells, which would be lost", async () => {
    const simulator = medicareOnlyWorkbook();
    await written(simulator, { files: [await readBenchmarkFile(V2_JSON)] });
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.getItem("Benchmark Rates").getRange("X1").values = [["my note"]];
      await context.sync();
    });
    const result = await writeBenchmarks(simulator.excel, { files: [await readBenchmarkFile(V3_TALL)], locality: HOUSTON, replaceExisting: true }); // prettier-ignore
    expect(result.ok ? "written" : result.issue.code).toBe("sheetShared");
    expect(cellAt(simulator, "Benchmark Rates", "X1").value).toBe("my note");
  });

  it("writes on a sheet of its own when the user has a sheet named Benchmark Rates without the table", async () => {
    const simulator = medicareOnlyWorkbook({ name: "Benchmark Rates", cells: [["the user's own notes"]] });
    const result = await written(simulator, { files: [await readBenchmarkFile(V2_JSON)] });
    expect(result.sheetName).toBe("Benchmark Rates 2");
    expect(cellAt(simulator, "Benchmark Rates", "A1").value).toBe("the user's own notes");
  });
});
