/**
 * An uplift model with a "to market p50" scenario (issue 16 item 4), built through the simulator over a Benchmarks
 * table written from the real hospital examples of ../shared/data/price-transparency/hospital-mrf (V3 tall CSV and
 * V2 JSON, as the PAYER.MARKET_RATE specifications read them). The targets on the sheet must be MARKET_RATE's to the
 * cent, and its dollars the engine's with the same uplift by code. Market medians, worked by hand in
 * test/formulas/marketRate.test.ts: 70551 325 (250 and 400), H0017 1650 (8 per-diem rates), 92626 98.98; 99213 is in
 * neither file.
 */
import { associated } from "../../functions/support/installShim";
import "../../../src/functions/functions";
import { computeUpliftScenario, type IsoDate } from "../../../src/engine";
import { describeBenchmarksIssue, writeBenchmarks } from "../../../src/excel/benchmarks";
import {
  buildUpliftModel,
  DEFAULT_SCENARIOS,
  describeUpliftModelIssue,
  modelCodeTableRow,
  type BuiltUpliftModel,
  type MarketUpliftScenario,
  type UpliftModelRequest,
} from "../../../src/excel/upliftModel";
import { registryCache } from "../../../src/functions/registryCache";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { readBenchmarkFile } from "../benchmarks/support";
import { afterRefresh } from "../../formulas/support";
import { describeWithSharedData } from "../../support/sharedData";
import { aModelRequest, cents, comparison, smallClaimsWorkbook, smallMapping, tableByHeaders } from "./support";

jest.setTimeout(120_000);

/**
 * Our claims, billed high enough never to cap: 70551 $250 a unit (2 lines), H0017 $3,000 for 2 days ($1,500 a
 * unit), 92626 $120 (above its $98.98 market median), 99213 $100 (no market rate).
 */
const CLAIMS = [
  ["C1", "2025-01-05", "Acme", "70551", 1, 900, 250],
  ["C2", "2025-01-06", "Acme", "70551", 1, 900, 250],
  ["C3", "2025-01-07", "Acme", "H0017", 2, 9000, 3000],
  ["C4", "2025-01-08", "Acme", "92626", 1, 300, 120],
  ["C5", "2025-01-09", "Acme", "99213", 1, 200, 100],
] as const;

const TO_P50: MarketUpliftScenario = {
  kind: "toMarket",
  name: "To market p50",
  percentile: 50,
  payer: null,
  setting: null,
  billingClass: null,
  topN: null,
  rankBy: "revenue",
};

const request = (): UpliftModelRequest =>
  aModelRequest({ mapping: smallMapping(), scenarios: [TO_P50, DEFAULT_SCENARIOS[1]!] });

/** The claims, and a sheet to type formulas in. */
const workbook = () => {
  const claims = smallClaimsWorkbook(CLAIMS.map((row) => [...row]));
  return { sheets: [...claims.sheets, { name: "Check", cells: [[null]] }] };
};

async function build(simulator: WorkbookSimulator): Promise<BuiltUpliftModel> {
  const built = await buildUpliftModel(simulator.excel, request(), { now: () => new Date("2025-06-30T12:00:00Z") });
  if (!built.ok) throw new Error(describeUpliftModelIssue(built.issue));
  return built.value;
}

describeWithSharedData("an uplift model to the market median of two hospital files", () => {
  const simulator = new WorkbookSimulator(workbook(), { customFunctions: associated });
  let model: BuiltUpliftModel;
  /** The code table by header, one row per code (99214... in rank order). */
  let codes: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    const files = [
      await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv"),
      await readBenchmarkFile("V2.0.0_JSON_Format_Example.json"),
    ];
    const today = "2025-06-30" as IsoDate;
    const written = await writeBenchmarks(simulator.excel, { files, locality: null, replaceExisting: false, today });
    if (!written.ok) throw new Error(describeBenchmarksIssue(written.issue));
    await registryCache.start(simulator.excel);
    model = await build(simulator);
    const rows = tableByHeaders(simulator, "Uplift Model", modelCodeTableRow(2) - 1);
    codes = Object.fromEntries(rows.filter((row) => row["HCPCS Code"] !== "Total").map((row) => [String(row["HCPCS Code"]), row])); // prettier-ignore
  });

  it("shows each code's market median, the number of rates behind it and the uplift that reaches it", () => {
    const shown = (code: string) => {
      const row = codes[code]!;
      return [row["To market p50: Market p50 rate"], row["To market p50: Market rates behind p50"], row["To market p50: Uplift to p50"]]; // prettier-ignore
    };
    expect(shown("70551")).toEqual([325, 2, 0.3]);
    expect(shown("H0017")).toEqual([1650, 8, 0.1]);
    expect(shown("92626")?.[2]).toBe(0);
  });

  it("shows our current rate per unit the uplift starts from: $3,000 over 2 days of H0017 is $1,500", () => {
    expect(codes["H0017"]!["To market p50: Current per unit"]).toBe(1500);
    expect(codes["70551"]!["To market p50: Current per unit"]).toBe(250);
  });

  it("gives each target exactly as PAYER.MARKET_RATE gives it in a cell, to the cent", async () => {
    for (const [row, code] of ["70551", "H0017", "92626"].entries()) {
      simulator.setCellInput("Check", row, 0, `=PAYER.MARKET_RATE("${code}", 50)`);
    }
    await afterRefresh(simulator);
    const functionRates = [0, 1, 2].map((row) => cents(simulator.cell("Check", row, 0).value));
    const sheetRates = ["70551", "H0017", "92626"].map((code) => cents(codes[code]!["To market p50: Market p50 rate"])); // prettier-ignore
    expect(sheetRates).toEqual(functionRates);
    expect(functionRates).toEqual([32_500, 165_000, 9_898]);
  });

  it("gives a code with no market rate no uplift, shows 0 rates behind it, and lists it in the summary", () => {
    expect(codes["99213"]!["To market p50: Market rates behind p50"]).toBe(0);
    expect(codes["99213"]!["To market p50: Uplift to p50"]).toBe(0);
    expect(model.scenarios[0]!.market).toEqual({
      percentileLabel: "p50",
      codesInScope: 4,
      codesWithTarget: 3,
      withoutMarketRate: ["99213"],
    });
  });

  it("adds, by the sheet's own formulas, what the engine adds with the same uplift by code: $150 + $300 = $450", () => {
    const byHand = computeUpliftScenario({
      codes: CLAIMS.map((row) => row[3]),
      amounts: CLAIMS.map((row) => row[6]),
      volumes: CLAIMS.map((row) => row[4]),
      billed: CLAIMS.map((row) => row[5]),
      uplift: {
        kind: "byCode",
        rows: [
          ["70551", 0.3],
          ["H0017", 0.1],
          ["92626", 0],
        ],
      },
    });
    if (!byHand.ok) throw new Error(byHand.issue.code);
    const [toMarket] = comparison(simulator, "Uplift Model", 2);
    expect(cents(toMarket!.added)).toBe(byHand.value.deltaCents);
    expect(cents(toMarket!.newTotal)).toBe(byHand.value.newCents);
    expect(byHand.value.deltaCents).toBe(45_000);
  });

  it("says in the scenario's rule where its uplifts came from and which code had no market rate", () => {
    expect(simulator.cell("Uplift Model", 11, 8).value).toBe(
      "To market p50 of the Benchmarks dollar rates on all codes, never a cut; no market rate, no uplift: 99213",
    );
  });
});

describe("an uplift model to market in a workbook without a Benchmarks table", () => {
  it("says there is no Benchmarks table and writes nothing", async () => {
    const simulator = new WorkbookSimulator(workbook());
    const before = simulator.describe();
    const built = await buildUpliftModel(simulator.excel, request());
    expect(built.ok ? "built" : describeUpliftModelIssue(built.issue)).toBe(
      'Scenario "To market p50" takes its target rates from the Benchmarks table, and this workbook has none: read price-transparency files in the Benchmarks tab and write the table first. Nothing was written.',
    );
    expect(simulator.describe()).toEqual(before);
  });
});
