/**
 * The contract portfolio summary, built from the sample workbook through the simulator: its figures are the
 * engines' (uplift model, denial rate, contract pricing), it is rebuilt in place, and it computes with native Excel
 * functions only, so a spreadsheet program without the add-in shows the same numbers.
 */
import { computeDenialRate } from "../../../src/engine/denials";
import {
  buildPortfolioSummary,
  describePortfolioIssue,
  excelSerial,
  PORTFOLIO_ROWS,
  PORTFOLIO_SUMMARIES_SETTING,
  portfolioColumn,
  type BuiltPortfolio,
  type PortfolioRequest,
} from "../../../src/excel/sharing";
import { placeColumns } from "../../../src/excel/core/columnLetters";
import { PAYER_ROLLUP_COLUMNS, type PayerRollupKey } from "../../../src/excel/sharing/portfolio/portfolioColumns";
import { buildUpliftModel, describeUpliftModelIssue, DEFAULT_SCENARIOS } from "../../../src/excel/upliftModel";
import { describeVarianceReviewIssue, runVarianceReview } from "../../../src/excel/varianceReview";
import type { IsoDate } from "../../../src/engine/isoDate";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { simulatorWithRegistry } from "../../formulas/support";
import { aModelRequest } from "../upliftModel/support";
import { aPortfolioRequest, cents, formulasOn, sheetSnapshot, valuesOn } from "./support";

// The recoverable test reviews the sample's ~2,900 lines twice in the simulator, slow on a busy machine.
jest.setTimeout(300_000);

const SHEET = "Portfolio Summary";
const NOW = new Date("2025-06-30T12:00:00Z");

async function build(simulator: WorkbookSimulator, request: PortfolioRequest = aPortfolioRequest()) {
  const result = await buildPortfolioSummary(simulator.excel, request, { now: () => NOW });
  if (!result.ok) throw new Error(describePortfolioIssue(result.issue));
  return result.value;
}

/** The summary's row of a contract: values by column key. */
function rowOf(simulator: WorkbookSimulator, contractName: string) {
  for (let r = PORTFOLIO_ROWS.firstContract; r < PORTFOLIO_ROWS.firstContract + 20; r++) {
    if (simulator.cell(SHEET, r, 0).value === contractName) {
      return (key: Parameters<typeof portfolioColumn>[0]) => simulator.cell(SHEET, r, portfolioColumn(key));
    }
  }
  throw new Error(`no row for ${contractName}`);
}

/** The roll-up's row of a payer, below the contract rows: values by roll-up column key. */
function payerRollupOf(simulator: WorkbookSimulator, payer: string) {
  const columns = placeColumns(PAYER_ROLLUP_COLUMNS);
  for (let r = PORTFOLIO_ROWS.firstContract; r < PORTFOLIO_ROWS.firstContract + 40; r++) {
    // Column A holds contract names above and payer names in the roll-up: a payer's name is no contract's.
    if (simulator.cell(SHEET, r, columns.index("payer")).value === payer) {
      return (key: PayerRollupKey) => simulator.cell(SHEET, r, columns.index(key));
    }
  }
  throw new Error(`no roll-up row for ${payer}`);
}

const sample = buildSampleWorkbook();
const claimsRows = (sample.sheets.find((s) => s.name === "Claims")?.cells ?? []).slice(1);
const CONTRACTS = ["Acme Health PPO", "Summit Medicare Advantage"];

describe("the portfolio summary of the sample workbook", () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  let built: BuiltPortfolio;
  beforeAll(async () => {
    built = await build(simulator);
  });

  it("has one row per contract of the registry, with payer, product, rate basis and renewal terms", () => {
    const acme = rowOf(simulator, "Acme Health PPO");
    expect(acme("payer").value).toBe("Acme Health");
    expect(acme("product").value).toBe("PPO");
    // The latest version (2025) moved Acme to its own fee schedule.
    expect(acme("rateBasis").value).toBe(
      "Fee schedule FS_AcmePPO_2025; unlisted codes at 100% of Medicare; lesser of billed",
    );
    expect(acme("termEnd").text).toBe("2025-12-31");
    expect(acme("noticeDeadline").text).toBe("2025-10-02");
    expect(acme("autoRenew").value).toBe("Yes");
    const summit = rowOf(simulator, "Summit Medicare Advantage");
    expect(summit("rateBasis").value).toBe("103% of Medicare (MPFS_2025); lesser of billed");
    expect(summit("autoRenew").value).toBe("No");
  });

  it.each(CONTRACTS)("shows %s's current revenue and modeled uplift exactly as the uplift model does", async (name) => {
    const model = await buildUpliftModel(
      new WorkbookSimulator(buildSampleWorkbook()).excel,
      aModelRequest({
        scenarios: [DEFAULT_SCENARIOS[0]!],
        filters: { payers: null, contractNames: [name], serviceDateFrom: null, serviceDateTo: null },
      }),
    );
    if (!model.ok) throw new Error(describeUpliftModelIssue(model.issue));
    const row = rowOf(simulator, name);
    expect(cents(row("revenue").value)).toBe(cents(model.value.currentTotal));
    expect(cents(row("uplift").value)).toBe(cents(model.value.scenarios[0]!.delta));
    expect(row("lines").value).toBe(model.value.lineCount);
  });

  it.each(CONTRACTS)("shows %s's denial rate by count and by dollars as the denial engine computes it", (name) => {
    const lines = claimsRows.filter((r) => r[4] === name);
    // The sample marks each denied line in its Denied Flag column: an independent account of the same lines.
    const byFlag = computeDenialRate({ outcomes: lines.map((r) => r[14]) });
    const byDollars = computeDenialRate({
      outcomes: lines.map((r) => r[14]),
      charges: lines.map((r) => r[10]),
      basis: "dollars",
    });
    if (!byFlag.ok || !byDollars.ok) throw new Error("denial engine failed on the sample");
    const row = rowOf(simulator, name);
    expect(row("deniedLines").value).toBe(byFlag.value.deniedQuantity);
    expect(row("ratedLines").value).toBe(byFlag.value.ratedQuantity);
    expect(row("denialRateCount").value).toBeCloseTo(byFlag.value.rate, 12);
    expect(cents(row("deniedCharges").value)).toBe(byDollars.value.deniedChargeCents);
    expect(row("denialRateDollars").value).toBeCloseTo(byDollars.value.rate, 12);
  });

  it("shows a hospital contract, with no line in the professional Claims table, as none rated rather than blank", () => {
    for (const hospital of ["Acme Hospital PPO", "Acme Behavioral Health"]) {
      const row = rowOf(simulator, hospital);
      expect(row("lines").value).toBe(0);
      expect([row("deniedLines").value, row("ratedLines").value]).toEqual([0, 0]);
      expect([row("deniedCharges").value, row("ratedCharges").value]).toEqual([0, 0]);
      // A rate of none is no rate: the formulas leave the cell empty, as they do for any contract rated on nothing.
      expect([row("denialRateCount").value, row("denialRateDollars").value]).toEqual(["", ""]);
      expect(row("recoverable").value).toBe(0);
    }
  });

  it("says under its title that the modeled uplift ranks codes within each contract, capped at billed", () => {
    expect(simulator.cell(SHEET, PORTFOLIO_ROWS.subtitle, 0).value).toMatch(
      /modeled uplift: .*, codes ranked within each contract's own lines, then summed, new amounts capped at the billed charge \(lesser-of\); figures as of /,
    );
  });

  it("totals the portfolio with live formulas", () => {
    // One row per contract of the registry: the two professional ones and the two hospital ones.
    expect(built.numbers.contracts).toHaveLength(4);
    const total = PORTFOLIO_ROWS.firstContract + built.numbers.contracts.length;
    const revenue = simulator.cell(SHEET, total, portfolioColumn("revenue"));
    expect(revenue.formula).toMatch(/^=SUM\(/);
    expect(cents(revenue.value)).toBe(built.numbers.contracts.reduce((sum, c) => sum + c.currentCents, 0));
  });

  it("counts the days left to each renewal-notice deadline with TODAY(), and says whether the window is open", () => {
    const acme = rowOf(simulator, "Acme Health PPO");
    const today = Math.floor((Date.now() - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(acme("daysLeft").formula).toContain("TODAY()");
    expect(acme("daysLeft").value).toBe(excelSerial("2025-10-02" as IsoDate) - today);
    const deadline = excelSerial("2025-10-02" as IsoDate);
    const nineMonths = new Date();
    nineMonths.setUTCMonth(nineMonths.getUTCMonth() + 9);
    const expected =
      deadline < today
        ? "Deadline passed"
        : deadline <= excelSerial(nineMonths.toISOString().slice(0, 10) as IsoDate)
          ? "Open now"
          : "Not yet";
    expect(acme("window").value).toBe(expected);
  });

  it("highlights deadlines whose renegotiation window opens within nine months, by conditional format", () => {
    const rules = simulator.conditionalFormats(SHEET).map((f) => f.properties["custom.rule.formula"]);
    expect(rules).toContain("=AND(ISNUMBER($R6),$R6>=TODAY(),$R6<=EDATE(TODAY(),9))");
    expect(rules).toContain("=AND(ISNUMBER($R6),$R6<TODAY())");
    expect(simulator.conditionalFormats(SHEET).every((f) => f.address === "R6:T9")).toBe(true);
  });

  it("charts revenue by payer and denial rate by payer, natively", () => {
    const charts = simulator.charts(SHEET).map((c) => [c.properties["title.text"], c.type]);
    expect(charts).toEqual([
      ["Current revenue by payer", "ColumnClustered"],
      ["Denial rate by payer", "ColumnClustered"],
    ]);
  });

  it("contains only native Excel functions, none of the add-in's", () => {
    const native = new Set(["SUM", "SUMIFS", "IF", "ISNUMBER", "TODAY", "EDATE", "AND"]);
    const formulas = [
      ...formulasOn(simulator, SHEET),
      ...simulator.conditionalFormats(SHEET).map((f) => String(f.properties["custom.rule.formula"])),
    ];
    expect(formulas.length).toBeGreaterThan(30);
    const called = new Set(
      formulas.flatMap((f) => [...f.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1]!.toUpperCase())),
    );
    expect([...called].filter((name) => !native.has(name))).toEqual([]);
    expect(formulas.some((f) => /PAYER\./i.test(f))).toBe(false);
  });

  it("computes the same values in a spreadsheet engine with no custom function registered", () => {
    const bare = new WorkbookSimulator({ sheets: [sheetSnapshot(simulator, SHEET)] });
    expect(valuesOn(bare, SHEET)).toEqual(valuesOn(simulator, SHEET));
    expect(valuesOn(bare, SHEET).flat()).not.toContain("#NAME?");
  });
});

describe("the portfolio summary's recoverable underpayments", () => {
  it("equal the variance review's, payer by payer, with its denial rates", async () => {
    const reviewed = new WorkbookSimulator(buildSampleWorkbook());
    const review = await runVarianceReview(reviewed.excel, {
      tableName: "Claims",
      mapping: aPortfolioRequest().mapping,
      payerContracts: {},
      tolerance: { amount: 1, fraction: 0.01, rule: "both" },
      replaceExisting: false,
    });
    if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const built = await build(simulator);
    // Acme Health holds three contracts, two of them hospital ones with no line in Claims: the review's payer
    // totals are the sums of the payer's contract rows, which the roll-up by payer states.
    const payers = review.value.summary.byPayer;
    expect(payers.map((p) => p.payer).sort()).toEqual(["Acme Health", "Summit Health"]);
    for (const { payer, totals } of payers) {
      const rows = built.numbers.contracts
        .filter((c) => c.payer === payer)
        .map((c) => rowOf(simulator, c.contractName));
      expect(totals.recoverableAmount).toBeGreaterThan(0);
      expect(rows.reduce((sum, row) => sum + cents(row("recoverable").value), 0)).toBe(totals.recoverableAmount);
      expect(rows.reduce((sum, row) => sum + (row("underpaidLines").value as number), 0)).toBe(totals.underpaidLines);
      const rollup = payerRollupOf(simulator, payer);
      expect(cents(rollup("recoverable").value)).toBe(totals.recoverableAmount);
      expect(rollup("denialRateCount").value).toBeCloseTo(totals.denialRateByCount!, 12);
      expect(rollup("denialRateDollars").value).toBeCloseTo(totals.denialRateByDollars!, 12);
    }
    for (const hospital of ["Acme Hospital PPO", "Acme Behavioral Health"]) {
      expect(rowOf(simulator, hospital)("lines").value).toBe(0);
      expect(rowOf(simulator, hospital)("recoverable").value).toBe(0);
    }
  });

  it("are expected payment (PAYER.EXPECTED_PAYMENT) minus allowed over lines underpaid by more than $1 and 1%", async () => {
    const simulator = await simulatorWithRegistry(buildSampleWorkbook());
    const last = claimsRows.length + 1;
    await simulator.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Check");
      sheet.getRange("A1").formulas = [
        [
          `=PAYER.EXPECTED_PAYMENT(Claims!E2:E${last},Claims!F2:F${last},Claims!G2:H${last},Claims!I2:I${last},Claims!K2:K${last},Claims!C2:C${last},Claims!J2:J${last})`,
        ],
      ];
      await context.sync();
    });
    await build(simulator);
    for (const name of CONTRACTS) {
      let recoverable = 0;
      let underpaid = 0;
      claimsRows.forEach((row, i) => {
        if (row[4] !== name || row[14] === true) return;
        const expected = cents(simulator.cell("Check", i, 0).value);
        const shortfall = expected - cents(row[11]);
        if (shortfall > 100 && shortfall > expected * 0.01) {
          recoverable += shortfall;
          underpaid++;
        }
      });
      expect(recoverable).toBeGreaterThan(0);
      const row = rowOf(simulator, name);
      expect(cents(row("recoverable").value)).toBe(recoverable);
      expect(row("underpaidLines").value).toBe(underpaid);
    }
  });
});

describe("rebuilding the portfolio summary", () => {
  it("replaces its earlier build in place instead of adding a copy", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const first = await build(simulator);
    const second = await build(simulator);
    expect(first.replaced).toBe(false);
    expect(second.replaced).toBe(true);
    expect(simulator.sheetNames().filter((n) => n.includes(SHEET))).toEqual([SHEET]);
    expect(simulator.settings()[PORTFOLIO_SUMMARIES_SETTING]).toEqual({ version: 1, sheetIds: [expect.any(String)] });
  });

  it("never overwrites a sheet of the same name that the user made", async () => {
    const snapshot = buildSampleWorkbook();
    snapshot.sheets.push({ name: SHEET, cells: [["my notes"]] });
    const simulator = new WorkbookSimulator(snapshot);
    const result = await buildPortfolioSummary(simulator.excel, aPortfolioRequest());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describePortfolioIssue(result.issue)).toContain("is not a portfolio summary built here");
    expect(simulator.cell(SHEET, 0, 0).value).toBe("my notes");
  });

  it("asks for the contract column when the mapping has none", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const request = aPortfolioRequest();
    const result = await buildPortfolioSummary(simulator.excel, {
      ...request,
      mapping: { ...request.mapping, contractName: null },
    });
    expect(result.ok ? "built" : describePortfolioIssue(result.issue)).toBe(
      "Table Claims: choose the column that holds the contract name; the summary has one row per contract.",
    );
  });
});
