/**
 * The uplift model sheet, written through the simulator and evaluated by HyperFormula, must give exactly the
 * engine's numbers, stay live when an input changes, and replace its earlier build instead of adding a copy.
 */
import {
  buildUpliftModel,
  describeUpliftModelIssue,
  modelCodeTableRow,
  MODEL_ROWS,
  type BuiltUpliftModel,
} from "../../../src/excel/upliftModel";
import { upliftScenarioResult } from "../../../src/functions/upliftScenario";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import {
  aModelRequest,
  cents,
  comparison,
  formulasOn,
  smallClaimsWorkbook,
  smallMapping,
  tableByHeaders,
  valueAt,
} from "./support";

// Each build lays out the sample's ~2,900 claim lines in the simulator, whose formula engine is slow on a busy machine.
jest.setTimeout(300_000);

async function built(simulator: WorkbookSimulator, request = aModelRequest()): Promise<BuiltUpliftModel> {
  const result = await buildUpliftModel(simulator.excel, request, { now: () => new Date("2025-06-30T12:00:00Z") });
  if (!result.ok) throw new Error(describeUpliftModelIssue(result.issue));
  return result.value;
}

describe("the uplift model built from the sample claims", () => {
  const simulator = new WorkbookSimulator(buildSampleWorkbook());
  let model: BuiltUpliftModel;
  beforeAll(async () => {
    model = await built(simulator);
  });

  it("adds the model sheet and its hidden line sheet, and shows the model", () => {
    expect(simulator.sheetNames()).toEqual(expect.arrayContaining(["Uplift Model", "Uplift Model Lines"]));
    expect(simulator.activeSheetName()).toBe("Uplift Model");
  });

  it("gives every scenario's current, new and added revenue exactly as the engine computes them", () => {
    const rows = comparison(simulator, "Uplift Model", 2);
    model.numbers.scenarios.forEach(({ scenario, result }, s) => {
      expect(rows[s]!.name).toBe(scenario.name);
      expect(cents(rows[s]!.current)).toBe(result.currentCents);
      expect(cents(rows[s]!.newTotal)).toBe(result.newCents);
      expect(cents(rows[s]!.added)).toBe(result.deltaCents);
    });
  });

  it("gives every code's current and new revenue exactly as the engine computes them", () => {
    const first = modelCodeTableRow(2);
    model.numbers.codes.forEach((code, i) => {
      const row = first + i;
      expect(simulator.cell("Uplift Model", row, 1).value).toBe(code.hcpcsCode);
      expect(cents(simulator.cell("Uplift Model", row, 3).value)).toBe(code.currentCents);
      model.numbers.scenarios.forEach(({ result }, s) => {
        const engine = result.codes.find((c) => c.hcpcsCode === code.hcpcsCode)!;
        expect(cents(simulator.cell("Uplift Model", row, 6 + 3 * s).value)).toBe(engine.newCents);
      });
    });
  });

  it("pre-fills 5% on exactly the top 20 codes and 3% on every code", () => {
    const first = modelCodeTableRow(2);
    const uplifts = (column: number) =>
      model.numbers.codes.map((_, i) => simulator.cell("Uplift Model", first + i, column).value);
    expect(uplifts(5).filter((u) => u === 0.05)).toHaveLength(20);
    expect(
      uplifts(5)
        .slice(0, 20)
        .every((u) => u === 0.05),
    ).toBe(true);
    expect(uplifts(8).every((u) => u === 0.03)).toBe(true);
  });

  it("compares each scenario with the walk-away floor (2%) and the target (4%)", () => {
    const [top20, acrossTheBoard] = comparison(simulator, "Uplift Model", 2);
    expect(cents(top20!.floor)).toBe(Math.round(model.numbers.currentCents * 0.02));
    expect(cents(top20!.target)).toBe(Math.round(model.numbers.currentCents * 0.04));
    expect(top20!.result).toBe("Above floor");
    expect(acrossTheBoard!.result).toBe("Above floor");
  });

  it("writes one row per distinct line (code, amount, charge) with one formula per scenario, not four per claim line", () => {
    const rows = tableByHeaders(simulator, "Uplift Model Lines", 0);
    const lineCount = rows.reduce((sum, row) => sum + Number(row["Lines in Claims"]), 0);
    expect(lineCount).toBe(model.lineCount);
    expect(rows.length).toBeLessThan(model.lineCount / 3);
    expect(formulasOn(simulator, "Uplift Model Lines")).toHaveLength(rows.length * 2);
  });

  it("contains no PAYER.* formula, so it computes without the add-in", () => {
    const formulas = [...formulasOn(simulator, "Uplift Model"), ...formulasOn(simulator, "Uplift Model Lines")];
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => /PAYER\./i.test(f))).toEqual([]);
  });

  it("draws a native column chart of added revenue, floor and target by scenario", () => {
    const charts = simulator.charts("Uplift Model");
    expect(charts).toHaveLength(1);
    expect(charts[0]!.type).toBe("ColumnClustered");
    expect(charts[0]!.sourceAddress).toBe("'Uplift Model'!A11:D13");
  });

  it("sets the title in large bold type and shades the input cells", () => {
    const formats = simulator.rangeFormats("Uplift Model");
    expect(formats.find((f) => f.address === "A1")?.properties).toMatchObject({ "font.size": 16, "font.bold": true });
    expect(formats.find((f) => f.address === "B7")?.properties).toMatchObject({ "fill.color": "#FFF2CC" });
  });

  it("says under its title how its uplifts are computed: ranked over all its lines, capped at billed", () => {
    expect(simulator.cell("Uplift Model", MODEL_ROWS.subtitle, 0).value).toMatch(
      /; uplifts: codes ranked over all these lines, new amounts capped at the billed charge \(lesser-of\); built /,
    );
  });

  it("names the hidden line sheet in its note as the user sees it", () => {
    expect(simulator.cell("Uplift Model", MODEL_ROWS.note, 0).value).toMatch(
      /are on the hidden sheet "Uplift Model Lines"\.$/,
    );
  });

  it("formats money, percents and codes as text", () => {
    expect(valueAt(simulator, "Uplift Model", "B6")).toBeCloseTo(model.currentTotal, 2);
    expect(simulator.cell("Uplift Model", 5, 1).numberFormat).toBe("$#,##0.00;($#,##0.00)");
    expect(simulator.cell("Uplift Model", 6, 1).text).toBe("2.00%");
    expect(simulator.cell("Uplift Model", modelCodeTableRow(2), 1).numberFormat).toBe("@");
  });
});

describe("the model stays live", () => {
  it("changes the totals when the user edits an uplift input cell", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const model = await built(simulator);
    const before = comparison(simulator, "Uplift Model", 2)[0]!;
    const topCode = model.numbers.codes[0]!;
    const row = modelCodeTableRow(2);

    simulator.setCellInput("Uplift Model", row, 5, "0.10");

    const after = comparison(simulator, "Uplift Model", 2)[0]!;
    expect(cents(after.added) - cents(before.added)).toBeGreaterThan(0);
    expect(cents(simulator.cell("Uplift Model", row, 7).value)).toBeGreaterThan(
      Math.round(topCode.currentCents * 0.05),
    );
  });

  it("recomputes the floor in dollars when the user edits the floor percent", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const model = await built(simulator);

    simulator.setCellInput("Uplift Model", MODEL_ROWS.floor, 1, "0.05");

    const [top20] = comparison(simulator, "Uplift Model", 2);
    expect(cents(top20!.floor)).toBe(Math.round(model.numbers.currentCents * 0.05));
    expect(top20!.result).toBe("Below floor");
  });
});

describe("rebuilding the model", () => {
  it("replaces the earlier build instead of adding a copy", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    await built(simulator);
    const sheetsAfterFirst = simulator.sheetNames();

    const second = await built(
      simulator,
      aModelRequest({
        scenarios: [
          { kind: "percent", name: "4% on top 10", upliftFraction: 0.04, topN: 10, rankBy: "revenue", overrides: [] },
        ],
      }),
    );

    expect(second.replaced).toBe(true);
    expect([...simulator.sheetNames()].sort()).toEqual([...sheetsAfterFirst].sort());
    const [row] = comparison(simulator, "Uplift Model", 1);
    expect(row!.name).toBe("4% on top 10");
    expect(cents(row!.added)).toBe(second.numbers.scenarios[0]!.result.deltaCents);
    // The note names the line sheet as the user will see it after the swap, not a working name.
    expect(simulator.cell("Uplift Model", MODEL_ROWS.note, 0).value).toMatch(
      /are on the hidden sheet "Uplift Model Lines"\.$/,
    );
  });

  it("never overwrites a user's own sheet that has the model's name", async () => {
    const snapshot = buildSampleWorkbook();
    const simulator = new WorkbookSimulator({
      ...snapshot,
      sheets: [...snapshot.sheets, { name: "Uplift Model", cells: [["My notes"]] }],
    });

    const result = await buildUpliftModel(simulator.excel, aModelRequest());

    expect(result.ok).toBe(false);
    expect(!result.ok && describeUpliftModelIssue(result.issue)).toMatch(/already exists and is not an uplift model/);
    expect(simulator.cell("Uplift Model", 0, 0).value).toBe("My notes");
  });
});

describe("lesser-of capping and rounding per line", () => {
  const rows = [
    ["C1", "2025-01-05", "Acme", "99213", 1, 100.0, 99.0], // 5% -> 103.95, capped at 100.00
    ["C2", "2025-01-06", "Acme", "99213", 1, 250, 10.1], // 10.605 rounds half up to 10.61
    ["C3", "2025-02-01", "Summit", "20610", 2, null, 80.0], // no billed charge: not capped
    ["C4", "2025-02-02", "Summit", "99213", 1, 120, -99.0], // reversal: mirrors the first line
  ] as const;

  it("caps lines at the billed charge and rounds each line half up, to the engine's cent", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook(rows));
    const model = await built(
      simulator,
      aModelRequest({
        mapping: smallMapping(),
        scenarios: [
          { kind: "percent", name: "5% on all", upliftFraction: 0.05, topN: null, rankBy: "revenue", overrides: [] },
        ],
      }),
    );
    const [row] = comparison(simulator, "Uplift Model", 1);
    expect(cents(row!.newTotal)).toBe(model.numbers.scenarios[0]!.result.newCents);
    // 100.00 + 10.61 + 84.00 - 103.95 (the reversal is capped at its own charge 120, so not capped)
    expect(cents(row!.newTotal)).toBe(10000 + 1061 + 8400 - 10395);
  });

  it("gives the same added revenue as =PAYER.UPLIFT_SCENARIO over the same lines and billed charges", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook(rows));
    await built(
      simulator,
      aModelRequest({
        mapping: smallMapping(),
        scenarios: [
          { kind: "percent", name: "5% on all", upliftFraction: 0.05, topN: null, rankBy: "revenue", overrides: [] },
        ],
      }),
    );
    const [row] = comparison(simulator, "Uplift Model", 1);
    const column = (i: number) => rows.map((r) => [r[i]]);
    const [[added] = []] = upliftScenarioResult(
      column(3),
      column(6),
      [[0.05]],
      null,
      "revenue",
      null,
      column(5),
    ) as number[][];
    expect(cents(row!.added)).toBe(Math.round(added! * 100));
  });

  it("keeps only the payer and dates asked for", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook(rows));
    const model = await built(
      simulator,
      aModelRequest({
        mapping: smallMapping(),
        filters: { payers: ["acme"], contractNames: null, serviceDateFrom: "2025-01-06", serviceDateTo: null },
      }),
    );
    expect(model.lineCount).toBe(1);
    expect(model.currentTotal).toBe(10.1);
  });
});

describe("bad input gives a clear message and leaves the workbook as it was", () => {
  async function issueFor(simulator: WorkbookSimulator, request = aModelRequest()): Promise<string> {
    const sheets = simulator.sheetNames();
    const result = await buildUpliftModel(simulator.excel, request);
    expect(simulator.sheetNames()).toEqual(sheets);
    if (result.ok) throw new Error("expected the build to fail");
    return describeUpliftModelIssue(result.issue);
  }

  it("says so when the workbook has no claims table of that name", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["x"]] }] });
    expect(await issueFor(simulator)).toMatch(/no table named "Claims"/);
  });

  it("asks for the code column when the mapping lacks it", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook([["C1", "2025-01-05", "Acme", "99213", 1, 100, 90]]));
    const message = await issueFor(simulator, aModelRequest({ mapping: smallMapping({ hcpcsCode: null }) }));
    expect(message).toBe("Table Claims: choose the column that holds the hcpcs/cpt code.");
  });

  it("names the row and column of an amount that is text", async () => {
    const simulator = new WorkbookSimulator(
      smallClaimsWorkbook([
        ["C1", "2025-01-05", "Acme", "99213", 1, 100, 90],
        ["C2", "2025-01-05", "Acme", "99214", 1, 100, "n/a"],
      ]),
    );
    const message = await issueFor(simulator, aModelRequest({ mapping: smallMapping() }));
    expect(message).toBe(
      'Table Claims, row 2, column "Allowed": "n/a" is not valid; expected an amount in dollars like 125.50.',
    );
  });

  it("refuses capping at billed charges when no billed column is mapped", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook([["C1", "2025-01-05", "Acme", "99213", 1, 100, 90]]));
    const message = await issueFor(simulator, aModelRequest({ mapping: smallMapping({ chargeAmount: null }) }));
    expect(message).toMatch(/needs the billed charge column/);
  });

  it("refuses an uplift below -100%", async () => {
    const simulator = new WorkbookSimulator(smallClaimsWorkbook([["C1", "2025-01-05", "Acme", "99213", 1, 100, 90]]));
    const request = aModelRequest({
      mapping: smallMapping(),
      scenarios: [{ kind: "percent", name: "Cut", upliftFraction: -1.5, topN: null, rankBy: "revenue", overrides: [] }],
    });
    expect(await issueFor(simulator, request)).toBe('Scenario "Cut": the uplift is a cut of more than 100%.');
  });
});

describe("cancel and failure", () => {
  it("removes the partial model when the user cancels mid-write", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const sheets = simulator.sheetNames();
    const controller = new AbortController();

    const result = await buildUpliftModel(simulator.excel, aModelRequest(), {
      signal: controller.signal,
      maxRowsPerRequest: 100,
      onProgress: ({ rowsWritten }) => {
        if (rowsWritten >= 200) controller.abort();
      },
    });

    expect(result.ok === false && result.issue.code).toBe("cancelled");
    expect(simulator.sheetNames()).toEqual(sheets);
  });

  it("keeps the earlier model intact when Excel refuses a request of the rebuild", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook(), { requestBudgetBytes: 200_000 });
    await buildUpliftModel(simulator.excel, aModelRequest(), { maxRequestBytes: 150_000 });
    const before = comparison(simulator, "Uplift Model", 2);
    const sheets = simulator.sheetNames();

    // A budget far above the simulator's 200 KB makes Excel refuse the first chunk.
    const result = await buildUpliftModel(simulator.excel, aModelRequest(), { maxRequestBytes: 4_000_000 });

    expect(result.ok === false && result.issue).toMatchObject({
      code: "excelRefused",
      workbook: { kind: "unchanged" },
    });
    expect(simulator.sheetNames()).toEqual(sheets);
    expect(comparison(simulator, "Uplift Model", 2)).toEqual(before);
  });
});
