/**
 * The Objections sheet (issue 17 item 4) built in the workbook simulator and recalculated there: its evidence
 * formulas give the figures worked out in this file from the same claim lines, its counterpoints read those figures
 * in words, a missing source reads "No data" and what to load, a rebuild replaces the contract's sheet only once
 * confirmed, and a fault at any request leaves the workbook as it was.
 */
import { OBJECTION_KEYS, type IsoDate } from "../../../src/engine";
import { writeBenchmarks, type BenchmarkFile } from "../../../src/excel/benchmarks";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  OBJECTION_TOP_CODES,
  buildObjectionSheet,
  objectionSheetName,
  type BuiltObjectionSheet,
} from "../../../src/excel/negotiation/objectionSheetBuild";
import {
  describeObjectionSheetIssue,
  type ObjectionSheetRequest,
} from "../../../src/excel/negotiation/objectionSheetIssues";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { parseAddress, WorkbookSimulator } from "../../../src/playground/simulator";
import { faultCases, runCleanly, runWithFault, type CleanRun, type Operation } from "../../support/faults";
import { describeWithSharedData } from "../../support/sharedData";
import { HOUSTON, readBenchmarkFile, tableRecords } from "../benchmarks/support";
import { SAMPLE_CLAIMS_HEADERS } from "../upliftModel/support";
import { anObjectionRequest, anObjectionWorkbook, CLAIM_LINES, MARKET_P50 } from "./objectionSheetSupport";

jest.setTimeout(120_000);

const NOW = () => new Date("2026-09-02T12:00:00Z");
const SHEET = "Objections - Acme PPO";

async function build(simulator: WorkbookSimulator, request: ObjectionSheetRequest = anObjectionRequest()) {
  const result = await buildObjectionSheet(simulator.excel, request, { now: NOW });
  await simulator.whenIdle();
  return result.ok ? result.value : describeObjectionSheetIssue(result.issue);
}

async function built(simulator: WorkbookSimulator, request?: ObjectionSheetRequest): Promise<BuiltObjectionSheet> {
  const result = await build(simulator, request);
  if (typeof result === "string") throw new Error(result);
  return result;
}

function valueAt(simulator: WorkbookSimulator, address: string): unknown {
  const { rect } = parseAddress(address)!;
  return simulator.cell(SHEET, rect.row, rect.column).value;
}

function enter(simulator: WorkbookSimulator, address: string, input: string): void {
  const { rect } = parseAddress(address)!;
  simulator.setCellInput(SHEET, rect.row, rect.column, input);
}

// The figures worked out from the claim lines, independently of the sheet and of the engine's flag table.
const acme = CLAIM_LINES.filter((line) => line.contract.toLowerCase() === "acme ppo");
const withFlag = (...flags: string[]) => acme.filter((line) => flags.includes(line.flag)).length;
// The other contracts' lines: Summit MA's, one paid as expected and one denied.
const peers = CLAIM_LINES.filter((line) => line.contract.toLowerCase() !== "acme ppo");
const peersWithFlag = (...flags: string[]) => peers.filter((line) => flags.includes(line.flag)).length;
const counted = withFlag("OK", "Underpaid", "Overpaid", "No contract rate", "Denied");
const byCode = (code: string) => {
  const lines = acme.filter((line) => line.code === code);
  const volume = lines.reduce((sum, line) => sum + line.units, 0);
  const revenue = lines.reduce((sum, line) => sum + line.allowed, 0);
  return { volume, revenue, average: Math.round((revenue / volume) * 100) / 100, p50: MARKET_P50[code]! };
};
const compared = Object.keys(MARKET_P50).map(byCode);
const HAND = {
  // 99213: $1,100.00 over 30 units at $61.75 = $1,852.50; 99214: $2,000.00 over 20 units at $92.50 = $1,850.00.
  rateToMarket: compared.reduce((s, c) => s + c.revenue, 0) / compared.reduce((s, c) => s + Math.round(c.volume * c.p50 * 100) / 100, 0), // prettier-ignore
  // 99213's average of $36.67 is below its p50; 99214's $100.00 is not: 30 of 50 units.
  shareBelowMarket: compared.filter((c) => c.average < c.p50).reduce((s, c) => s + c.volume, 0) / compared.reduce((s, c) => s + c.volume, 0), // prettier-ignore
  denialRate: withFlag("Denied") / counted,
  paymentAccuracy: withFlag("OK") / withFlag("OK", "Underpaid", "Overpaid"),
  peerDenialRate: peersWithFlag("Denied") / peersWithFlag("OK", "Underpaid", "Overpaid", "No contract rate", "Denied"),
  peerPaymentAccuracy: peersWithFlag("OK") / peersWithFlag("OK", "Underpaid", "Overpaid"),
  claimLines: acme.length,
  lineShare: acme.length / CLAIM_LINES.length,
};

describe("the evidence of the Objections sheet, recalculated without the add-in", () => {
  let simulator: WorkbookSimulator;
  let sheet: BuiltObjectionSheet;
  const evidence = (key: keyof typeof HAND) => valueAt(simulator, sheet.layout.evidence[key]);

  beforeAll(async () => {
    simulator = new WorkbookSimulator(anObjectionWorkbook());
    sheet = await built(simulator);
  });

  it('is a new sheet named "Objections - <contract>"', () => {
    expect([sheet.sheetName, sheet.replaced]).toEqual([SHEET, false]);
  });

  it("puts our rates at 83.7% of the market median, volume-weighted over the codes the market prices", () => {
    expect(HAND.rateToMarket).toBeCloseTo(3100 / 3702.5, 12);
    expect(evidence("rateToMarket")).toBeCloseTo(HAND.rateToMarket, 9);
  });

  it("finds 60% of that volume paid below the market median", () => {
    expect([HAND.shareBelowMarket, evidence("shareBelowMarket")]).toEqual([0.6, 0.6]);
  });

  it("counts 1 denied line of 5 reviewed (the reversal left out): a 20% denial rate", () => {
    expect([HAND.denialRate, evidence("denialRate")]).toEqual([0.2, 0.2]);
  });

  it("counts 2 lines paid as expected of 3 compared: a payment accuracy of 66.7%", () => {
    expect(evidence("paymentAccuracy")).toBeCloseTo(HAND.paymentAccuracy, 9);
  });

  it("sets them against our other contracts': 1 of Summit MA's 2 reviewed lines denied, its 1 compared line paid as expected", () => {
    expect([HAND.peerDenialRate, HAND.peerPaymentAccuracy]).toEqual([0.5, 1]);
    expect([evidence("peerDenialRate"), evidence("peerPaymentAccuracy")]).toEqual([0.5, 1]);
  });

  it("counts the contract's 6 lines in any case, 75% of the table's lines", () => {
    expect([evidence("claimLines"), evidence("lineShare")]).toEqual([HAND.claimLines, HAND.lineShare]);
  });

  it("leaves the quality figures blank and shaded for the user to enter", () => {
    const shaded = simulator
      .rangeFormats(SHEET)
      .filter((f) => f.properties?.["fill.color"] === "#FFF2CC")
      .map((f) => f.address);
    expect(sheet.layout.inputCells.map((cell) => valueAt(simulator, cell))).toEqual([null, null, null, null]);
    expect(shaded).toEqual(expect.arrayContaining([...sheet.layout.inputCells]));
  });

  it("answers each objection on a row of its own", () => {
    expect(OBJECTION_KEYS.map((key) => sheet.layout.counterpoints[key])).toEqual(["B23", "B24", "B25", "B26", "B27", "B28"]); // prettier-ignore
  });

  it("answers 'your rates are above market' with the market figures in words", () => {
    expect(valueAt(simulator, sheet.layout.counterpoints.aboveMarket)).toBe(
      "Our rates on our top codes average 83.7% of the market median, and 60.0% of that volume is paid below the median (published rates, table Benchmarks).", // prettier-ignore
    );
  });

  it("answers 'we have other providers' with the contract's volume", () => {
    expect(valueAt(simulator, sheet.layout.counterpoints.otherProviders)).toBe(
      "Your members account for 6 of our claim lines (75.0% of all our lines): moving them to other providers disrupts their care and your network's access.", // prettier-ignore
    );
  });

  it("answers 'the denials come from your billing' with this payer's figures against our other payers'", () => {
    expect(valueAt(simulator, sheet.layout.counterpoints.billing)).toBe(
      "You deny 20.0% of our reviewed lines and pay 66.7% as contracted; our other payers deny 50.0% and pay 100.0% as contracted on claims from the same billing office.", // prettier-ignore
    );
  });

  it("asks for a quality figure not entered yet instead of making one up", () => {
    expect(valueAt(simulator, sheet.layout.counterpoints.quality)).toBe(
      "No data: enter a figure in cell B18 (shaded): 30-day readmission rate.",
    );
  });

  it("answers 'your quality is average' once the user enters the readmission rate and HCAHPS rating", () => {
    enter(simulator, sheet.layout.evidence.readmissionRate, "0.125");
    enter(simulator, sheet.layout.evidence.hcahpsStars, "4");
    expect(valueAt(simulator, sheet.layout.counterpoints.quality)).toBe(
      "Only 20.0% of our reviewed lines with you were denied and 66.7% were paid as contracted; our 30-day readmission rate is 12.5% and our HCAHPS rating 4.0 stars.", // prettier-ignore
    );
  });
});

describe("a source the workbook does not have", () => {
  let simulator: WorkbookSimulator;
  let sheet: BuiltObjectionSheet;

  beforeAll(async () => {
    simulator = new WorkbookSimulator(anObjectionWorkbook({ benchmarks: false, flags: false }));
    sheet = await built(simulator);
  });

  it("says no Benchmarks table is loaded, in the evidence and in the counterpoint, with no market table", () => {
    const words = "No data: the workbook has no Benchmarks table: load market rates in the Benchmarks tab.";
    expect([valueAt(simulator, sheet.layout.evidence.rateToMarket), valueAt(simulator, sheet.layout.counterpoints.aboveMarket), sheet.layout.codeTable]).toEqual([words, words, null]); // prettier-ignore
  });

  it("says the variance review has not run, for the denial rate and payment accuracy", () => {
    const words = "No data: table Claims has no Variance Flag column: run the Variance review of the table.";
    expect([valueAt(simulator, sheet.layout.evidence.denialRate), valueAt(simulator, sheet.layout.evidence.paymentAccuracy), valueAt(simulator, sheet.layout.counterpoints.quality)]).toEqual([words, words, words]); // prettier-ignore
  });

  it("still counts the contract's lines from the claims", () => {
    expect(valueAt(simulator, sheet.layout.evidence.claimLines)).toBe(HAND.claimLines);
  });
});

describe("rebuilding a contract's Objections sheet", () => {
  it("asks first: without the user's confirmation it leaves the earlier sheet as it was", async () => {
    const simulator = new WorkbookSimulator(anObjectionWorkbook());
    await built(simulator);
    const before = simulator.describe();
    expect(await build(simulator)).toBe(
      `The sheet "${SHEET}" already exists: confirm that it may be replaced. Nothing was written.`,
    );
    expect(simulator.describe()).toEqual(before);
  });

  it("replaces it once confirmed, keeping one sheet and one record", async () => {
    const simulator = new WorkbookSimulator(anObjectionWorkbook());
    await built(simulator);
    const again = await built(simulator, anObjectionRequest({ replace: true }));
    const names = simulator.describe().sheets.map((s) => s.name);
    expect([again.replaced, names.filter((n) => n.startsWith("Objections"))]).toEqual([true, [SHEET]]);
    expect(simulator.settings()["payerContracts.objectionSheets"]).toEqual({
      version: 1,
      sheets: [{ sheetId: expect.any(String), contractName: "Acme PPO" }],
    });
  });

  it("never replaces a sheet of the name that the user made", async () => {
    const workbook = anObjectionWorkbook();
    const simulator = new WorkbookSimulator({ ...workbook, sheets: [...workbook.sheets, { name: SHEET, cells: [["mine"]] }] }); // prettier-ignore
    expect(await build(simulator, anObjectionRequest({ replace: true }))).toBe(
      `A sheet named "${SHEET}" already exists and was not built here as an Objections sheet: rename or move it, then build again. Nothing was written.`, // prettier-ignore
    );
  });

  it("refuses a contract PayerContracts does not have, with nothing written", async () => {
    const simulator = new WorkbookSimulator(anObjectionWorkbook());
    const before = simulator.describe();
    expect(await build(simulator, anObjectionRequest({ contractName: "Nobody HMO" }))).toBe(
      'PayerContracts has no contract named "Nobody HMO": reload the tab and choose one of its contracts. Nothing was written.', // prettier-ignore
    );
    expect(simulator.describe()).toEqual(before);
  });
});

describe("the sheet name", () => {
  it("keeps within Excel's 31 characters and leaves out the characters Excel refuses", () => {
    expect(objectionSheetName("Summit Medicare Advantage")).toBe("Objections - Summit Medicare Ad");
    expect(objectionSheetName("Acme [2027]: PPO/HMO")).toBe("Objections - Acme -2027-- PPO-H");
  });
});

describe("building the Objections sheet, with a fault at any request", () => {
  const REQUESTS = 10;
  let clean: CleanRun;
  const operation: Operation = async (excel, signal) => {
    const result = await buildObjectionSheet(excel, anObjectionRequest(), { signal, now: NOW });
    return { ok: result.ok, message: result.ok ? "built" : describeObjectionSheetIssue(result.issue) };
  };
  const workbook = () => new WorkbookSimulator(anObjectionWorkbook());

  beforeAll(async () => {
    clean = await runCleanly(workbook, operation);
  });

  it(`takes ${REQUESTS} requests when nothing goes wrong`, () => {
    expect(clean.requests).toBe(REQUESTS);
  });

  it.each(faultCases(REQUESTS))(
    "leaves the workbook as it was, or built, and says which, when $title",
    async (fault) => {
      const run = await runWithFault(workbook, operation, fault);
      expect(run.fired).toBe(true);
      if (run.outcome.ok) expect(run.after).toEqual(clean.after);
      else {
        expect(run.after).toEqual(run.before);
        expect(run.outcome.message).toMatch(/Nothing was changed: the workbook is as it was\.$/);
      }
    },
  );
});

describeWithSharedData("the Objections sheet over the sample's claims and the real hospital price files", () => {
  const TODAY = "2025-06-30" as IsoDate;
  const CONTRACT = "Acme Health PPO";
  let simulator: WorkbookSimulator;
  let sheet: BuiltObjectionSheet;
  const valueOn = (address: string) => {
    const { rect } = parseAddress(address)!;
    return simulator.cell(sheet.sheetName, rect.row, rect.column).value;
  };

  beforeAll(async () => {
    const files: BenchmarkFile[] = [await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv"), await readBenchmarkFile("V2.0.0_JSON_Format_Example.json")]; // prettier-ignore
    simulator = new WorkbookSimulator(buildSampleWorkbook());
    const written = await writeBenchmarks(simulator.excel, { files, locality: HOUSTON, replaceExisting: false, today: TODAY }); // prettier-ignore
    if (!written.ok) throw new Error("the Benchmarks table was not written");
    const mapping = suggestClaimsMapping(SAMPLE_CLAIMS_HEADERS);
    sheet = await built(simulator, { contractName: CONTRACT, tableName: "Claims", mapping, replace: false });
  });

  it("says No data for the market, as the real files publish no dollar rate for the contract's top codes", async () => {
    const market = await tableRecords(simulator, "Benchmarks");
    const priced = new Set(market.filter((r) => r.Unit === "dollars").map((r) => String(r["Billing Code"])));
    const table = sheet.layout.codeTable!;
    const codes = Array.from({ length: OBJECTION_TOP_CODES }, (_, i) => simulator.cell(sheet.sheetName, table.firstRow + i, 0).value); // prettier-ignore
    expect([codes.filter((code) => typeof code === "string" && code !== "").length, codes.filter((code) => priced.has(String(code)))]).toEqual([OBJECTION_TOP_CODES, []]); // prettier-ignore
    expect(valueOn(sheet.layout.evidence.rateToMarket)).toBe(
      "No data: table Benchmarks has no dollar rate for this contract's top codes.",
    );
  });

  it("still counts the contract's lines of the sample's claims", async () => {
    const claims = await tableRecords(simulator, "Claims");
    const lines = claims.filter((r) => String(r["Contract Name"]).toLowerCase() === CONTRACT.toLowerCase()).length;
    expect(valueOn(sheet.layout.evidence.claimLines)).toBe(lines);
    expect(valueOn(sheet.layout.evidence.lineShare)).toBeCloseTo(lines / claims.length, 9);
  });
});
