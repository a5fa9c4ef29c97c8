/**
 * The Contract Performance sheet's cost of doing business and renegotiation scorecard, built from the sample
 * workbook through the simulator after a variance review: its native formulas compute the engine's figures for each
 * contract and the portfolio, show the planted slow payer's carrying cost and the planted denial spike's cost, follow
 * an input the user changes, and a rebuild keeps the inputs the user set.
 */
import { DEFAULT_COST_ASSUMPTIONS, PROMPT_PAY_RULES, PROMPT_PAY_STATES, type ContractCost } from "../../../src/engine";
import { COST_INPUTS, PORTFOLIO_ROW_NAME, SCORE_COLUMNS, type BuiltPerformance, type PerformanceRequest, type ScoreKey } from "../../../src/excel/performance"; // prettier-ignore
import { PLANTED_DENIAL_SPIKE, PLANTED_SLOW_PAYER } from "../../../src/playground/sample/claimDates";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import { buildAtNow, reviewedSample, SHEET } from "./reviewedSample";

jest.setTimeout(300_000);

let simulator: WorkbookSimulator;
let request: PerformanceRequest;
let built: BuiltPerformance;

const build = () => buildAtNow(simulator, request);

beforeAll(async () => {
  ({ simulator, request } = await reviewedSample());
  built = await build();
});

/** The scorecard row of `contract` as the simulator computes it, by column key. */
function sheetRow(contract: string): Record<ScoreKey, unknown> {
  const { firstRow, portfolioRow } = built.layout.scorecard;
  for (let r = firstRow; r <= portfolioRow; r++)
    if (simulator.cell(SHEET, r - 1, 0).value === contract)
      return Object.fromEntries(SCORE_COLUMNS.map((c, i) => [c.key, simulator.cell(SHEET, r - 1, i).value])) as Record<
        ScoreKey,
        unknown
      >;
  throw new Error(`no scorecard row ${contract}`);
}

/** The input cell of `label` (0-based row, column 1). */
function inputRow(label: string): number {
  const { headerRow } = built.layout.scorecard;
  for (let r = 0; r < headerRow; r++) if (simulator.cell(SHEET, r, 0).value === label) return r;
  throw new Error(`no input ${label}`);
}

/** The figures the sheet and the engine must agree on, in dollars and fractions. */
function mismatches(sheet: Record<ScoreKey, unknown>, engine: ContractCost): string[] {
  const near = (a: unknown, b: number | null, within: number) =>
    b === null ? a === "" : typeof a === "number" && Math.abs(a - b) <= within;
  const money = (cents: number) => cents / 100;
  const checks: [ScoreKey, number | null, number][] = [
    ["lines", engine.lines, 0],
    ["deniedLines", engine.deniedLines, 0],
    ["denialRate", engine.denialRate, 1e-9],
    ["expected", money(engine.expectedCents), 0.005],
    ["allowed", money(engine.allowedCents), 0.005],
    ["underpaymentRate", engine.underpaymentRate, 1e-9],
    ["paid", money(engine.paidCents), 0.005],
    ["medianDays", engine.medianDaysToPay, 1e-9],
    ["rework", money(engine.reworkCents), 0.005],
    ["appeal", money(engine.appealCents), 0.005],
    ["priorAuthorizations", engine.priorAuthorizations, 0],
    ["priorAuthorizationCost", money(engine.priorAuthorizationCents), 0.005],
    ["carrying", money(engine.carryingCents), 0.005],
    ["burden", money(engine.burdenCents), 0.015],
    ["netEffective", money(engine.netEffectiveCents), 0.015],
    ["netEffectiveRate", engine.netEffectiveRate, 1e-6],
    ["lateLines", engine.lateLines, 0],
    ["interest", money(engine.promptPayInterestCents), 0.005],
  ];
  const medicare = engine.netEffectivePercentOfMedicare;
  const medicareWrong =
    medicare === null ? sheet.percentOfMedicare !== "n/a" : !near(sheet.percentOfMedicare, medicare, 1e-6);
  return [
    ...(medicareWrong ? [`% of Medicare ${String(sheet.percentOfMedicare)} != ${medicare}`] : []),
    ...checks
      .filter(([key, b, within]) => !near(sheet[key], b, within))
      .map(([key, b]) => `${key} ${String(sheet[key])} != ${b}`),
  ];
}

describe("the cost of doing business and scorecard on the sample workbook", () => {
  test("computes with native formulas the engine's cost figures for each contract and the portfolio", () => {
    const wrong = [
      ...built.scorecard.contracts.map((c) => [c.key, mismatches(sheetRow(c.key), c)] as const),
      [PORTFOLIO_ROW_NAME, mismatches(sheetRow(PORTFOLIO_ROW_NAME), built.scorecard.portfolio)] as const,
    ].filter(([, list]) => list.length > 0);
    expect(wrong).toEqual([]);
  });

  test("ranks the contracts as the engine does and says why in the engine's words", () => {
    const sheet = built.scorecard.contracts.map((c) => [c.key, sheetRow(c.key).rank, sheetRow(c.key).reason]);
    expect(sheet).toEqual(built.scorecard.contracts.map((c) => [c.key, c.rank, c.reason]));
  });

  test("shows the slow payer's carrying cost per dollar paid above the other contract's", () => {
    const perDollar = (row: Record<ScoreKey, unknown>) => Number(row.carrying) / Number(row.paid);
    const slow = sheetRow(PLANTED_SLOW_PAYER.contractName);
    const other = built.scorecard.contracts.find((c) => c.key !== PLANTED_SLOW_PAYER.contractName)!.key;
    expect(perDollar(slow)).toBeGreaterThan(perDollar(sheetRow(other)));
  });

  test("shows the denial spike's contract costing more in rework and appeals than the other", () => {
    const spiky = sheetRow(PLANTED_DENIAL_SPIKE.contractName);
    const other = built.scorecard.contracts.find((c) => c.key !== PLANTED_DENIAL_SPIKE.contractName)!.key;
    const denialCost = (row: Record<ScoreKey, unknown>) => Number(row.rework) + Number(row.appeal);
    expect(denialCost(spiky)).toBeGreaterThan(denialCost(sheetRow(other)));
  });

  test("counts a claim's prior authorization once though the claims table repeats it on each line", () => {
    const portfolio = sheetRow(PORTFOLIO_ROW_NAME);
    const column = request.mapping.priorAuthorizationNumber!;
    const headers = Array.from(
      { length: simulator.usedSize("Claims").columns },
      (_, c) => simulator.cell("Claims", 0, c).value,
    );
    const at = headers.indexOf(column);
    const linesWithNumbers = Array.from(
      { length: simulator.usedSize("Claims").rows - 1 },
      (_, r) => simulator.cell("Claims", r + 1, at).value,
    ).filter((v) => v !== null && v !== "").length;
    expect(Number(portfolio.priorAuthorizations)).toBeGreaterThan(0);
    expect(Number(portfolio.priorAuthorizations)).toBeLessThan(linesWithNumbers);
    expect(Number(portfolio.priorAuthorizationCost)).toBeCloseTo(
      Number(portfolio.priorAuthorizations) * DEFAULT_COST_ASSUMPTIONS.costPerPriorAuthorization,
      2,
    );
  });

  test("counts no prior authorization, at $0, for a contract whose lines carry no number", async () => {
    const column = request.mapping.priorAuthorizationNumber!;
    const numbers = async (values: unknown[][] | null) =>
      simulator.excel.run(async (context) => {
        const body = context.workbook.tables.getItem("Claims").columns.getItem(column).getDataBodyRange();
        body.load("values");
        await context.sync();
        const before = body.values;
        if (values !== null) body.values = values;
        await context.sync();
        return before;
      });
    const kept = await numbers(null);
    await numbers(kept.map(() => [""]));
    await simulator.whenIdle();
    for (const contract of [PLANTED_DENIAL_SPIKE.contractName, PLANTED_SLOW_PAYER.contractName, PORTFOLIO_ROW_NAME]) {
      expect([sheetRow(contract).priorAuthorizations, sheetRow(contract).priorAuthorizationCost]).toEqual([0, 0]);
    }
    await numbers(kept);
    await simulator.whenIdle();
    expect(Number(sheetRow(PORTFOLIO_ROW_NAME).priorAuthorizations)).toBeGreaterThan(0);
  });

  test("starts from the default assumptions and lists every declared prompt-pay rule", () => {
    expect(simulator.cell(SHEET, inputRow(COST_INPUTS.appealCostPerAppeal.label), 1).value).toBe(118);
    expect(simulator.cell(SHEET, inputRow(COST_INPUTS.windowDays.label), 1).value).toBe(PROMPT_PAY_RULES.CA.days);
    const codes = PROMPT_PAY_STATES.map((code) => simulator.cell(SHEET, inputRow(code), 0).value);
    expect(codes).toEqual(PROMPT_PAY_STATES);
  });

  test("says each contract's renewal notice date has passed on the day the sheet was built", () => {
    // PayerContracts: Acme's latest version gives notice by 2025-10-02, Summit's by 2025-07-04; built 2026-03-02.
    expect(sheetRow(PLANTED_DENIAL_SPIKE.contractName).renewal).toBe("notice date 2025-10-02 passed");
    expect(sheetRow(PLANTED_SLOW_PAYER.contractName).renewal).toBe("notice date 2025-07-04 passed");
  });

  test("counts the days to each notice date from the as-of date the user types", async () => {
    const asOf = inputRow(COST_INPUTS.asOf.label);
    simulator.setCellInput(SHEET, asOf, 1, "2025-06-01");
    await simulator.whenIdle();
    // 2025-06-01 to 2025-10-02: 29 + 31 + 31 + 30 + 2 = 123 days; to 2025-07-04: 29 + 4 = 33 days.
    expect(sheetRow(PLANTED_DENIAL_SPIKE.contractName).renewal).toBe("notice by 2025-10-02 (in 123 days)");
    expect(sheetRow(PLANTED_SLOW_PAYER.contractName).renewal).toBe("notice by 2025-07-04 (in 33 days)");
    simulator.setCellInput(SHEET, asOf, 1, "=TODAY()");
    await simulator.whenIdle();
  });

  test("offers the prompt-pay rules as a dropdown on the state cell, from the sheet's rule table", () => {
    const stateCell = `B${inputRow(COST_INPUTS.promptPayState.label) + 1}`;
    const rules = simulator.dataValidations(SHEET).filter((v) => v.address === stateCell);
    expect(rules).toHaveLength(1);
    const source = String((rules[0]!.properties["rule"] as { list: { source: string } }).list.source);
    const [, first, last] = /^=\$A\$(\d+):\$A\$(\d+)$/.exec(source) ?? [];
    const codes = Array.from(
      { length: Number(last) - Number(first) + 1 },
      (_, i) => simulator.cell(SHEET, Number(first) - 1 + i, 0).value,
    );
    expect(codes).toEqual(PROMPT_PAY_STATES);
  });

  test("recomputes the interest owed when the user picks another state's rule", async () => {
    const before = Number(sheetRow(PLANTED_SLOW_PAYER.contractName).interest);
    simulator.setCellInput(SHEET, inputRow(COST_INPUTS.promptPayState.label), 1, "IL");
    await simulator.whenIdle();
    expect(simulator.cell(SHEET, inputRow(COST_INPUTS.windowDays.label), 1).value).toBe(PROMPT_PAY_RULES.IL.days);
    const after = Number(sheetRow(PLANTED_SLOW_PAYER.contractName).interest);
    expect(after).toBeGreaterThan(0);
    expect(after).not.toBeCloseTo(before, 2);
  });

  test("building it again keeps the rule, rework cost and as-of formula the user set", async () => {
    simulator.setCellInput(SHEET, inputRow(COST_INPUTS.reworkCostPerDenial.label), 1, "40");
    built = await build();
    expect(simulator.cell(SHEET, inputRow(COST_INPUTS.promptPayState.label), 1).value).toBe("IL");
    expect(simulator.cell(SHEET, inputRow(COST_INPUTS.reworkCostPerDenial.label), 1).value).toBe(40);
    expect(simulator.cell(SHEET, inputRow(COST_INPUTS.asOf.label), 1).formula).toBe("=TODAY()");
    const spiky = built.scorecard.contracts.find((c) => c.key === PLANTED_DENIAL_SPIKE.contractName)!;
    expect(spiky.reworkCents).toBe(spiky.deniedLines * 4_000);
    expect(Number(sheetRow(spiky.key).rework)).toBeCloseTo(spiky.reworkCents / 100, 2);
    // The engine computed under the kept inputs (Illinois' rule, $40 rework) gives the sheet's figures.
    const wrong = built.scorecard.contracts.map((c) => mismatches(sheetRow(c.key), c)).flat();
    expect(wrong).toEqual([]);
  });
});
