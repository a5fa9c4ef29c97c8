/**
 * The Negotiation sheet (issue 17 item 1) built in the workbook simulator and recalculated there: its native formulas
 * give the figures worked out by hand in negotiationSheetSupport.ts and the engine's to the cent, follow an input the
 * executive edits, replace the contract's earlier sheet only once confirmed, and refuse bad inputs or missing claims
 * with nothing written. The sample workbook with the real hospital price-transparency files checks the same equality
 * on real data; a fault at any request leaves the workbook as it was.
 */
import { computeNegotiation, type IsoDate, type NegotiationInputs } from "../../../src/engine";
import { writeBenchmarks, type BenchmarkFile } from "../../../src/excel/benchmarks";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  buildNegotiationSheet,
  negotiationSheetName,
  type BuiltNegotiationSheet,
} from "../../../src/excel/negotiation/buildNegotiationSheet";
import {
  DEFAULT_NEGOTIATION_INPUTS,
  describeNegotiationSheetIssue,
  type NegotiationSheetRequest,
} from "../../../src/excel/negotiation/negotiationSheetIssues";
import { POSITIONS } from "../../../src/excel/negotiation/negotiationSheetLayout";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { parseAddress, WorkbookSimulator } from "../../../src/playground/simulator";
import { faultCases, runCleanly, runWithFault, type CleanRun, type Operation } from "../../support/faults";
import { describeWithSharedData } from "../../support/sharedData";
import { HOUSTON, readBenchmarkFile } from "../benchmarks/support";
import { SAMPLE_CLAIMS_HEADERS } from "../upliftModel/support";
import { aNegotiationRequest, aNegotiationSheetWorkbook } from "./negotiationSheetSupport";

jest.setTimeout(120_000);

const NOW = () => new Date("2026-09-02T12:00:00Z");
const SHEET = "Negotiation - Acme PPO";

async function build(simulator: WorkbookSimulator, request: NegotiationSheetRequest = aNegotiationRequest()) {
  const result = await buildNegotiationSheet(simulator.excel, request, { now: NOW });
  await simulator.whenIdle();
  return result;
}

async function built(simulator: WorkbookSimulator, request?: NegotiationSheetRequest): Promise<BuiltNegotiationSheet> {
  const result = await build(simulator, request);
  if (!result.ok) throw new Error(describeNegotiationSheetIssue(result.issue));
  return result.value;
}

const messageOf = async (simulator: WorkbookSimulator, request: NegotiationSheetRequest) => {
  const result = await build(simulator, request);
  return result.ok ? "built" : describeNegotiationSheetIssue(result.issue);
};

function valueAt(simulator: WorkbookSimulator, sheet: string, address: string): unknown {
  const parsed = parseAddress(address)!;
  return simulator.cell(sheet, parsed.rect.row, parsed.rect.column).value;
}

/** The sheet's positions in whole cents: added revenue and revenue per year of each. */
function positionsOnSheet(simulator: WorkbookSimulator, sheet: BuiltNegotiationSheet) {
  const cents = (address: string) => Math.round((valueAt(simulator, sheet.sheetName, address) as number) * 100);
  return POSITIONS.map((key) => [cents(sheet.layout.positions[key].added), cents(sheet.layout.positions[key].revenue)]);
}

describe("the Negotiation sheet of a contract, recalculated without the add-in", () => {
  let simulator: WorkbookSimulator;
  let sheet: BuiltNegotiationSheet;
  const figure = (key: keyof BuiltNegotiationSheet["layout"]["figures"]) =>
    valueAt(simulator, SHEET, sheet.layout.figures[key]);

  beforeAll(async () => {
    simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    sheet = await built(simulator);
  });

  it('is a new sheet named "Negotiation - <contract>"', () => {
    expect([sheet.sheetName, sheet.replaced]).toEqual([SHEET, false]);
  });

  it("sums the contract's claims with SUMIFS, in any case: 6 lines, 140 units, $10,000.00", () => {
    expect([figure("lines"), figure("volume"), figure("current")]).toEqual([6, 140, 10_000]);
  });

  it("shows the BATNA: $5,000.00 kept at contract amounts, $3,500.00 at 70%, $6,500.00 (65%) at risk", () => {
    expect([figure("keptRevenue"), figure("batnaRevenue"), figure("atRisk"), figure("atRiskFraction")]).toEqual([
      5_000, 3_500, 6_500, 0.65,
    ]);
  });

  it("shows floor, target, opening offer, the payer's market maximum and the BATNA as added and total revenue", () => {
    expect(positionsOnSheet(simulator, sheet)).toEqual([
      [20_000, 1_020_000],
      [40_000, 1_040_000],
      [70_000, 1_070_000],
      [35_000, 1_035_000],
      [-650_000, 350_000],
    ]);
  });

  it("gives each figure exactly as the engine computes it", () => {
    const p = sheet.position;
    const engine = [p.floor, p.target, p.opening, p.payerMax, p.batna].map((x) => [x.addedCents, x.revenueCents]);
    expect(positionsOnSheet(simulator, sheet)).toEqual(engine);
    const fractions = POSITIONS.map((key) => valueAt(simulator, SHEET, sheet.layout.positions[key].fraction));
    expect(fractions).toEqual([p.floor, p.target, p.opening, p.payerMax, p.batna].map((x) => x.fraction.toNumber()));
  });

  it("draws the zone from the floor ($200.00) to the payer's maximum ($350.00), and the opening offer above it", () => {
    expect([
      figure("zopaLow"),
      figure("zopaHigh"),
      figure("zopaWidth"),
      figure("zopaWords"),
      figure("openingWords"),
    ]).toEqual([
      // prettier-ignore
      200,
      350,
      150,
      "Zone of possible agreement: open at its high end",
      "Above the payer's likely maximum: expect a counter-offer", // prettier-ignore
    ]);
  });

  it("charts the floor, target, opening offer and payer's maximum as columns", () => {
    const [chart] = simulator.charts(SHEET);
    expect([chart!.type, chart!.sourceAddress]).toEqual(["ColumnClustered", `'${SHEET}'!A23:B27`]);
  });

  it("shades the six inputs", () => {
    const shaded = simulator
      .rangeFormats(SHEET)
      .filter((f) => f.properties?.["fill.color"] === "#FFF2CC")
      .map((f) => f.address);
    expect(shaded).toEqual(expect.arrayContaining(Object.values(sheet.layout.inputCells)));
  });

  it("follows a floor the executive raises to 3% on the sheet: $300.00", () => {
    const floor = parseAddress(sheet.layout.inputCells.floor)!.rect;
    simulator.setCellInput(SHEET, floor.row, floor.column, "0.03");
    expect([valueAt(simulator, SHEET, sheet.layout.positions.floor.added), figure("zopaLow")]).toEqual([300, 300]);
  });

  it("finds no zone once the executive enters a payer's maximum of 1%, below the floor", () => {
    const payerMax = parseAddress(sheet.layout.inputCells.payerMax)!.rect;
    simulator.setCellInput(SHEET, payerMax.row, payerMax.column, "0.01");
    const inputs: NegotiationInputs = { ...DEFAULT_NEGOTIATION_INPUTS, floor: 0.03, payerMax: 0.01 };
    const engine = computeNegotiation([{ hcpcsCode: "99213", volume: 140, currentCents: 1_000_000, marketP75: null }], inputs); // prettier-ignore
    expect(engine.ok && engine.value.zopa.kind).toBe("noZone");
    expect([figure("zopaHigh"), figure("zopaWidth"), figure("zopaWords")]).toEqual([100, -200, "No zone: the payer's likely maximum is below our floor"]); // prettier-ignore
  });
});

describe("rebuilding a contract's sheet", () => {
  it("asks first: without the user's confirmation it leaves the earlier sheet as it was", async () => {
    const simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    await built(simulator);
    const before = simulator.describe();
    expect(await messageOf(simulator, aNegotiationRequest())).toBe(
      `The sheet "${SHEET}" already exists: confirm that it may be replaced. Nothing was written.`,
    );
    expect(simulator.describe()).toEqual(before);
  });

  it('replaces it once confirmed, never adding a "... 2" copy', async () => {
    const simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    await built(simulator);
    const again = await built(simulator, aNegotiationRequest({ replace: true, inputs: { ...DEFAULT_NEGOTIATION_INPUTS, opening: 0.05 } })); // prettier-ignore
    const names = simulator.describe().sheets.map((s) => s.name);
    expect([again.replaced, names.filter((n) => n.startsWith("Negotiation"))]).toEqual([true, [SHEET]]);
    expect(valueAt(simulator, SHEET, again.layout.positions.opening.added)).toBe(500);
    expect(simulator.settings()["payerContracts.negotiationSheets"]).toEqual({
      version: 1,
      sheets: [{ sheetId: expect.any(String), contractName: "Acme PPO" }],
    });
  });

  it("never replaces a sheet of the name that the user made", async () => {
    const workbook = aNegotiationSheetWorkbook();
    const simulator = new WorkbookSimulator({ ...workbook, sheets: [...workbook.sheets, { name: SHEET, cells: [["mine"]] }] }); // prettier-ignore
    expect(await messageOf(simulator, aNegotiationRequest({ replace: true }))).toBe(
      `A sheet named "${SHEET}" already exists and was not built here as a Negotiation sheet: rename or move it, then build again. Nothing was written.`,
    );
  });
});

describe("what is refused, with nothing written", () => {
  const refused = async (request: NegotiationSheetRequest, workbook = aNegotiationSheetWorkbook()) => {
    const simulator = new WorkbookSimulator(workbook);
    const before = simulator.describe();
    const message = await messageOf(simulator, request);
    expect(simulator.describe()).toEqual(before);
    return message;
  };

  it("a contract without claims in the table", async () => {
    expect(await refused(aNegotiationRequest({ contractName: "Cedar EPO" }))).toBe(
      'Table Claims has no claim line whose Contract Name is "Cedar EPO": choose the table of this contract\'s claims, or check the contract column of the mapping. Nothing was written.', // prettier-ignore
    );
  });

  it("a claims table the workbook does not have", async () => {
    expect(await refused(aNegotiationRequest(), aNegotiationSheetWorkbook({ claims: null }))).toBe(
      'This workbook has no table named "Claims": choose the claims table from the list. Nothing was written.',
    );
  });

  it("a negative percentage", async () => {
    const inputs = { ...DEFAULT_NEGOTIATION_INPUTS, keptShare: -0.5 };
    expect(await refused(aNegotiationRequest({ inputs }))).toBe(
      "Share of the volume kept if the contract terminates is -50%: expected 0% or more. Nothing was written.",
    );
  });

  it("a floor above the target", async () => {
    const inputs = { ...DEFAULT_NEGOTIATION_INPUTS, floor: 0.06 };
    expect(await refused(aNegotiationRequest({ inputs }))).toMatch(/^The walk-away floor \(6%\) is above the target \(4%\).* Nothing was written\.$/); // prettier-ignore
  });

  it("a payer's maximum to take from a Benchmarks table the workbook does not have", async () => {
    expect(await refused(aNegotiationRequest(), aNegotiationSheetWorkbook({ benchmarks: false }))).toMatch(
      /^The workbook has no Benchmarks table to take the payer's likely maximum from: enter it as a percentage/,
    );
  });
});

describe("the sheet name", () => {
  it("keeps within Excel's 31 characters and leaves out the characters Excel refuses", () => {
    expect(negotiationSheetName("Summit Medicare Advantage")).toBe("Negotiation - Summit Medicare A");
    expect(negotiationSheetName("Acme [2027]: PPO/HMO")).toBe("Negotiation - Acme -2027-- PPO-");
  });
});

describe("building the Negotiation sheet, with a fault at any request", () => {
  const REQUESTS = 10;
  let clean: CleanRun;
  const operation: Operation = async (excel, signal) => {
    const result = await buildNegotiationSheet(excel, aNegotiationRequest(), { signal, now: NOW });
    return { ok: result.ok, message: result.ok ? "built" : describeNegotiationSheetIssue(result.issue) };
  };
  const workbook = () => new WorkbookSimulator(aNegotiationSheetWorkbook());

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
        expect((await run.retry()).after).toEqual(clean.after);
      }
    },
  );
});

describeWithSharedData("the Negotiation sheet over the sample's claims and the real hospital price files", () => {
  const TODAY = "2025-06-30" as IsoDate;
  let simulator: WorkbookSimulator;
  let sheet: BuiltNegotiationSheet;

  beforeAll(async () => {
    const files: BenchmarkFile[] = [await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv"), await readBenchmarkFile("V2.0.0_JSON_Format_Example.json")]; // prettier-ignore
    simulator = new WorkbookSimulator(buildSampleWorkbook());
    const written = await writeBenchmarks(simulator.excel, { files, locality: HOUSTON, replaceExisting: false, today: TODAY }); // prettier-ignore
    if (!written.ok) throw new Error("the Benchmarks table was not written");
    const mapping = suggestClaimsMapping(SAMPLE_CLAIMS_HEADERS);
    sheet = await built(simulator, { contractName: "Acme Health PPO", tableName: "Claims", mapping, inputs: DEFAULT_NEGOTIATION_INPUTS, replace: false }); // prettier-ignore
  });

  it("computes every position on the sheet exactly as the engine does", () => {
    const p = sheet.position;
    expect(sheet.position.payerMaxSource).toBe("market");
    expect(positionsOnSheet(simulator, sheet)).toEqual([p.floor, p.target, p.opening, p.payerMax, p.batna].map((x) => [x.addedCents, x.revenueCents])); // prettier-ignore
  });

  it("takes the market's p75 of the codes the Benchmarks table has, and raises the payer's maximum above today", () => {
    const table = sheet.layout.codeTable!;
    const p75s = Array.from({ length: 200 }, (_, i) => simulator.cell(sheet.sheetName, table.firstRow + i, table.columns.index("p75")).value); // prettier-ignore
    expect(p75s.filter((v) => typeof v === "number").length).toBeGreaterThan(0);
    expect(sheet.position.payerMax.addedCents).toBeGreaterThan(0);
  });
});
