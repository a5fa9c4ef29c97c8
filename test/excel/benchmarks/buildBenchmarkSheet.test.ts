/**
 * The Benchmarks sheet (issue 16 item 3) built in the workbook simulator over the sample workbook (claims, contracts,
 * Houston's MPFS_2025) and a Benchmarks table written from the real hospital examples of
 * ../shared/data/price-transparency/hospital-mrf. Its native formulas are held to the engine's PERCENTILE.INC and
 * PERCENTRANK.INC computed here, independently, from the rates the readers gave; a fault anywhere leaves the workbook
 * as it was.
 */
import { Decimal, exactPercentileInc, exactPercentRankInc, type IsoDate } from "../../../src/engine";
import { writeBenchmarks, type BenchmarkFile } from "../../../src/excel/benchmarks";
import {
  buildBenchmarkSheet,
  describeBenchmarkSheetIssue,
  type BuiltBenchmarkSheet,
} from "../../../src/excel/benchmarks/buildBenchmarkSheet";
import { SHEET_PERCENTILES } from "../../../src/excel/benchmarks/benchmarkSheetLayout";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator, type SheetSnapshot } from "../../../src/playground/simulator";
import { faultCases, runCleanly, runWithFault, type CleanRun, type Operation } from "../../support/faults";
import { describeWithSharedData } from "../../support/sharedData";
import { SAMPLE_CLAIMS_HEADERS } from "../upliftModel/support";
import { HOUSTON, medicareOnlyWorkbook, readBenchmarkFile, tableHeaders, tableRows } from "./support";

jest.setTimeout(180_000);

const TODAY = "2025-06-30" as IsoDate;
const CLAIMS = { tableName: "Claims", mapping: suggestClaimsMapping(SAMPLE_CLAIMS_HEADERS) };

let files: BenchmarkFile[] = [];

/** The sample workbook with the Benchmarks table written from the two hospital files. */
async function sampleWithBenchmarks(): Promise<WorkbookSimulator> {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  const written = await writeBenchmarks(simulator.excel, { files, locality: HOUSTON, replaceExisting: false, today: TODAY }); // prettier-ignore
  if (!written.ok) throw new Error("the Benchmarks table was not written");
  return simulator;
}

async function built(simulator: WorkbookSimulator): Promise<BuiltBenchmarkSheet> {
  const result = await buildBenchmarkSheet(simulator.excel, { claims: CLAIMS, today: TODAY });
  if (!result.ok) throw new Error(describeBenchmarkSheetIssue(result.issue));
  await simulator.whenIdle();
  return result.value;
}

/** The dollar rates the readers gave for a code, as decimals (the independent side of every comparison). */
const dollarRates = (code: string) =>
  files.flatMap((file) => file.rates).filter((r) => r.code.toUpperCase() === code && r.unit === "dollars").map((r) => r.rate); // prettier-ignore

describeWithSharedData("the Benchmarks sheet's figures", () => {
  let simulator: WorkbookSimulator;
  let sheet: BuiltBenchmarkSheet;
  const value = (row: number, column: number) => simulator.cell(sheet.sheetName, row, column).value;

  beforeAll(async () => {
    files = [await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv"), await readBenchmarkFile("V2.0.0_JSON_Format_Example.json")]; // prettier-ignore
    simulator = await sampleWithBenchmarks();
    sheet = await built(simulator);
  });

  const codesOnSheet = () =>
    Array.from({ length: sheet.codeCount }, (_, i) => String(value(sheet.layout.firstCodeRow + i, sheet.layout.market.index("hcpcsCode")))); // prettier-ignore

  it("lists every code of the Benchmarks table once, on a new sheet named Benchmarks", () => {
    const codes = new Set(files.flatMap((f) => f.rates).map((r) => r.code.toUpperCase()));
    expect(sheet.sheetName).toBe("Benchmarks");
    expect(new Set(codesOnSheet())).toEqual(codes);
    expect(codesOnSheet()).toHaveLength(codes.size);
  });

  it("computes the market's p25, p50, p75 and p90 of every code as PERCENTILE.INC of its dollar rates, to the cent", () => {
    const shown = codesOnSheet().map((code, i) =>
      SHEET_PERCENTILES.map(({ key }) => value(sheet.layout.firstCodeRow + i, sheet.layout.market.index(key))),
    );
    const expected = codesOnSheet().map((code) =>
      SHEET_PERCENTILES.map(({ fraction }) => {
        const p = exactPercentileInc(dollarRates(code), new Decimal(fraction));
        return p === null ? "" : p.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
      }),
    );
    expect(shown).toEqual(expected);
  });

  it("counts only the dollar rates: 99283's two percent-of-charges rates give no percentile", () => {
    const row = sheet.layout.firstCodeRow + codesOnSheet().indexOf("99283");
    expect([value(row, sheet.layout.market.index("rateCount")), value(row, sheet.layout.market.index("p50"))]).toEqual([0, ""]); // prettier-ignore
  });

  it("shows a contract's rate per code and its percentile among the market's rates, as PERCENTRANK.INC", () => {
    expect(sheet.contracts.length).toBeGreaterThan(0);
    const positions: [string, string, unknown, unknown][] = [];
    codesOnSheet().forEach((code, i) => {
      const row = sheet.layout.firstCodeRow + i;
      sheet.layout.contractColumns.forEach((columns, c) => {
        const rate = value(row, columns.index("rate"));
        if (typeof rate !== "number" || dollarRates(code).length === 0) return;
        const rank = exactPercentRankInc(dollarRates(code), new Decimal(String(rate)));
        const expected = rank.kind === "rank" ? rank.rank.toNumber() : rank.kind === "belowAll" ? "below lowest" : "above highest"; // prettier-ignore
        positions.push([sheet.contracts[c]!, code, value(row, columns.index("position")), expected]);
      });
    });
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.map(([, , shown]) => shown)).toEqual(positions.map(([, , , expected]) => expected));
  });

  /** The HCPCS codes of the sample's claim lines, read from its Claims table (the independent count). */
  async function claimCodes(): Promise<string[]> {
    const headers = (await tableHeaders(simulator, "Claims")).map(String);
    const at = headers.indexOf("HCPCS Code");
    return (await tableRows(simulator, "Claims")).map((row) => String(row[at]).toUpperCase());
  }

  it("counts each code's lines in the Claims table and orders the codes by them, highest first", async () => {
    const lines = await claimCodes();
    const countOf = (code: string) => lines.filter((c) => c === code).length;
    const volumes = codesOnSheet().map((_, i) => value(sheet.layout.firstCodeRow + i, sheet.layout.market.index("volume"))); // prettier-ignore
    expect(volumes).toEqual(codesOnSheet().map(countOf));
    expect(volumes[0]).toBeGreaterThan(0);
    expect([...(volumes as number[])].sort((a, b) => b - a)).toEqual(volumes);
  });

  it("marks a contract's rate below the market's p25 in red, on every contract's rate column", () => {
    const formats = simulator.conditionalFormats(sheet.sheetName);
    const first = sheet.layout.firstCodeRow + 1;
    const p25 = `$${sheet.layout.market.letter("p25")}${first}`;
    expect(formats.map((f) => [f.address, f.properties["custom.format.fill.color"]])).toEqual(
      sheet.layout.contractColumns.map((c) => [`${c.letter("rate")}${first}:${c.letter("rate")}${first + sheet.codeCount - 1}`, "#FFC7CE"]), // prettier-ignore
    );
    expect(formats.every((f) => String(f.properties["custom.rule.formula"]).includes(`<${p25})`))).toBe(true);
  });

  it("charts the first contract's rate against p25, p50 and p75 per code as clustered bars", () => {
    const [chart] = simulator.charts(sheet.sheetName);
    const headerRow = Number(/^[^!]*!?A(\d+)/.exec(chart!.sourceAddress)![1]) - 1;
    const headers = [0, 1, 2, 3, 4].map((c) => value(headerRow, c));
    expect([chart!.type, headers]).toEqual(["BarClustered", ["Billing Code", `${sheet.contracts[0]}: our rate`, "Market p25", "Market p50", "Market p75"]]); // prettier-ignore
    const firstCode = sheet.layout.firstCodeRow;
    expect([1, 2].map((c) => value(headerRow + 1, c))).toEqual([
      value(firstCode, sheet.layout.contractColumns[0]!.index("rate")),
      value(firstCode, sheet.layout.market.index("p25")),
    ]);
  });

  it("is refused, saying what to do first, in a workbook with no Benchmarks table", async () => {
    const result = await buildBenchmarkSheet(medicareOnlyWorkbook().excel, { claims: null, today: TODAY });
    expect(!result.ok && describeBenchmarkSheetIssue(result.issue)).toBe(
      "The workbook has no table Benchmarks: read price-transparency files and Write the table first. Nothing was built.",
    );
  });
});

describeWithSharedData("building the Benchmarks sheet again", () => {
  beforeAll(async () => {
    files = [await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv")];
  });

  const sheetNames = (simulator: WorkbookSimulator) => simulator.describe().sheets.map((sheet) => sheet.name);

  it("replaces the sheet an earlier build made, rather than adding a Benchmarks 2", async () => {
    const simulator = await sampleWithBenchmarks();
    const first = await built(simulator);
    const second = await built(simulator);
    expect([first.sheetName, first.replaced, second.sheetName, second.replaced]).toEqual(["Benchmarks", false, "Benchmarks", true]); // prettier-ignore
    expect(sheetNames(simulator).filter((name) => name.startsWith("Benchmarks"))).toEqual(["Benchmarks"]);
  });

  it("never replaces a sheet of the user's own named Benchmarks: the build goes to Benchmarks 2", async () => {
    const simulator = await sampleWithBenchmarks();
    await simulator.excel.run(async (context) => {
      context.workbook.worksheets.add("Benchmarks").getRange("A1").values = [["my notes"]];
      await context.sync();
    });
    const sheet = await built(simulator);
    expect([sheet.sheetName, sheet.replaced]).toEqual(["Benchmarks 2", false]);
    expect(simulator.cell("Benchmarks", 0, 0).value).toBe("my notes");
  });
});

describeWithSharedData("building the Benchmarks sheet, with a fault at any request", () => {
  const REQUESTS = 8;
  let clean: CleanRun;
  let benchmarksSheet: SheetSnapshot;
  const build: Operation = async (excel, signal) => {
    const result = await buildBenchmarkSheet(excel, { claims: null, today: TODAY }, { signal });
    return { ok: result.ok, message: result.ok ? `built ${result.value.sheetName}` : describeBenchmarkSheetIssue(result.issue) }; // prettier-ignore
  };
  // Medicare and the Benchmarks table as the writer left it (no claims: a small workbook, run many times).
  const workbook = () => medicareOnlyWorkbook(benchmarksSheet);

  beforeAll(async () => {
    files = [await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv"), await readBenchmarkFile("V2.0.0_JSON_Format_Example.json")]; // prettier-ignore
    const written = await sampleWithBenchmarks();
    const rows = await tableRows(written, "Benchmarks");
    const headers = await tableHeaders(written, "Benchmarks");
    const address = `A1:${String.fromCharCode(64 + headers.length)}${rows.length + 1}`;
    benchmarksSheet = {
      name: "Benchmark Rates",
      cells: [headers, ...rows] as SheetSnapshot["cells"],
      tables: [{ name: "Benchmarks", address }],
    };
    clean = await runCleanly(workbook, build);
  });

  it(`takes ${REQUESTS} requests when nothing goes wrong`, () => {
    expect(clean.requests).toBe(REQUESTS);
  });

  it.each(faultCases(REQUESTS))(
    "leaves the workbook as it was, or built, and says which, when $title",
    async (fault) => {
      const run = await runWithFault(workbook, build, fault);
      expect(run.fired).toBe(true);
      if (run.outcome.ok) expect(run.after).toEqual(clean.after);
      else {
        expect(run.after).toEqual(run.before);
        expect(run.outcome.message).toMatch(/Nothing was changed: the workbook is as it was\.$/);
        expect((await run.retry()).after).toEqual(clean.after);
      }
    },
  );
});
