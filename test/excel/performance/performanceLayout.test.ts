/**
 * The Contract Performance sheet's layout, without a workbook: what its notes say and which cells stay blank by the
 * rules (HFMA's rate before 3 months of submissions, spikes before 3 months of baseline).
 */
import { Decimal, DEFAULT_COST_ASSUMPTIONS, DEFAULT_SCORE_WEIGHTS, DEFAULT_SPIKE_RULES, type HcpcsCode } from "../../../src/engine"; // prettier-ignore
import { columnLetters } from "../../../src/excel/core/columnLetters";
import { layoutPerformance, MONTHLY_COLUMNS, type PerformanceSource } from "../../../src/excel/performance";

const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const months = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01"].map(day);

function aSource(overrides: Partial<PerformanceSource> = {}): PerformanceSource {
  return {
    tableName: "Claims",
    columns: {
      key: "Contract Name",
      submittedDate: "Submitted Date",
      paidDate: "Paid Date",
      paidAmount: "Paid Amount",
      chargeAmount: "Charge Amount",
      hcpcsCode: "HCPCS Code",
      amount: "Allowed Amount",
      priorAuthorization: null,
    },
    signed: [],
    ar: { balances: new Map(), asOfDay: day("2026-03-02"), periodDays: 90 },
    groups: [{ key: "Acme Health PPO", payer: "Acme Health", product: "PPO", windowDays: 30 }],
    months,
    coveredMonths: new Set(months.slice(3)),
    categories: ["authorization", "coding"],
    rules: DEFAULT_SPIKE_RULES,
    scorecard: {
      contracts: [{ key: "Acme Health PPO", termEndDay: day("2025-12-31"), noticeDay: day("2025-10-02") }],
      assumptions: DEFAULT_COST_ASSUMPTIONS,
      state: "CA",
      weights: DEFAULT_SCORE_WEIGHTS,
      asOf: day("2026-03-02"),
      medicareAmount: null,
    },
    lineCount: 120,
    unkeyedLines: 0,
    asOf: "2026-03-02",
    ...overrides,
  };
}

/** The monthly rows' cells of a column, top to bottom. */
function columnCells(source: PerformanceSource, key: string): unknown[] {
  const layout = layoutPerformance(source);
  const body = layout.blocks.find((b) => b.row === layout.firstRow - 1 && b.column === 0)!;
  const index = MONTHLY_COLUMNS.findIndex((c) => c.key === key);
  return body.cells.map((row) => row[index]);
}

const subtitle = (source: PerformanceSource) => String(layoutPerformance(source).blocks[1]!.cells[0]![0]);

describe("the Contract Performance layout", () => {
  test("says how many lines name no contract and so are in no row", () => {
    expect(subtitle(aSource({ unkeyedLines: 1 }))).toContain(" 1 line with a blank contract name is in no row.");
    expect(subtitle(aSource({ unkeyedLines: 3 }))).toContain(" 3 lines with a blank contract name are in no row.");
    expect(subtitle(aSource())).not.toContain("in no row");
  });

  test("leaves HFMA's denominator blank in the months without 3 months of submissions before them", () => {
    const cells = columnCells(aSource(), "submittedLines");
    expect(cells.slice(0, 3)).toEqual([null, null, null]);
    expect(String(cells[3])).toMatch(/^=COUNTIFS\(Claims\[Contract Name\],.*EDATE\(\$D\d+,-3\).*\)\/3$/);
  });

  test("flags no spike in a contract's first 3 months: they have no baseline", () => {
    const cells = columnCells(aSource(), "denialSpike");
    expect(cells.slice(0, 3)).toEqual(["", "", ""]);
    const rate = columnLetters(MONTHLY_COLUMNS.findIndex((c) => c.key === "denialRateCount"));
    expect(String(cells[3])).toContain(`AVERAGE(${rate}`);
  });

  test("writes no PAYER function anywhere on the sheet", () => {
    const cells = layoutPerformance(aSource())
      .blocks.flatMap((b) => b.cells.flat())
      .map(String);
    expect(cells.filter((c) => /PAYER\./i.test(c))).toEqual([]);
    expect(cells.some((c) => c.startsWith("=MEDIAN") || c.startsWith("=IFERROR(MEDIAN("))).toBe(true);
  });

  test("draws a trend chart of denial rates and one of days to pay, one line per contract", () => {
    const charts = layoutPerformance(aSource()).charts;
    expect(charts.map((c) => c.title)).toEqual(["Initial denial rate (count) by month", "Median days to pay by month"]);
    expect(charts.every((c) => /^A\d+:B\d+$/.test(c.source))).toBe(true);
  });

  test("shows no modeled revenue and no signed proposals block for a contract without a signed proposal", () => {
    const layout = layoutPerformance(aSource());
    expect(layout.signed.height).toBe(0);
    expect(columnCells(aSource(), "modeled")).toEqual([null, null, null, null, null]);
  });

  test("models a signed contract's revenue from the month of its effective date, by its codes' uplifts", () => {
    const signed = {
      key: "Acme Health PPO",
      proposalName: "Signed: 5% on top 2",
      effectiveDay: day("2025-03-15"),
      codeFractions: new Map([["99213" as HcpcsCode, new Decimal("0.05")], ["99214" as HcpcsCode, new Decimal("0.05")]]), // prettier-ignore
      otherFraction: new Decimal(0),
      basis: { kind: "expected" as const },
    };
    const source = aSource({ signed: [signed] });
    const modeled = columnCells(source, "modeled");
    expect(modeled.slice(0, 2)).toEqual([null, null]);
    expect(String(modeled[2])).toMatch(/^=ROUND\(ROUND\(\(\(1\+\$D\$\d+\)\*SUMIFS\(Claims\[Expected Amount\],.*\+SUM\(F\d+:F\d+\)\)\*100,6\),0\)\/100$/); // prettier-ignore
    expect(String(modeled[2])).toContain('Claims[Submitted Date],">="&$C$');
    const layout = layoutPerformance(source);
    const codes = layout.blocks.find((b) => b.cells.some((row) => row[1] === "99213"))!;
    expect(codes.cells.map((row) => row.slice(0, 3))).toEqual([
      ["Acme Health PPO", "99213", 0.05],
      ["Acme Health PPO", "99214", 0.05],
    ]);
  });

  test("leaves days in A/R blank until a contract's balances are entered, and keeps those entered before", () => {
    const entered = aSource({ ar: { balances: new Map([["acme health ppo", { arBalance: 48_000 }]]), asOfDay: day("2026-03-02"), periodDays: 90 } }); // prettier-ignore
    const layout = layoutPerformance(entered);
    const rows = layout.blocks.find((b) => b.row === layout.ar.firstRow - 1 && b.column === 0)!.cells;
    expect(rows[0]!.slice(0, 4)).toEqual(["Acme Health PPO", 48_000, null, null]);
    const aafp = String(rows[0]![6]);
    expect(aafp).toBe(
      `=IF(AND(ISNUMBER(B${layout.ar.firstRow}),N(E${layout.ar.firstRow})>0),(B${layout.ar.firstRow}-N(C${layout.ar.firstRow}))/(E${layout.ar.firstRow}/${layout.ar.inputCells.periodDays}),"")`,
    );
    expect(String(rows[0]![4])).toContain(`Claims[Submitted Date],"<="&${layout.ar.inputCells.asOf}`);
  });
});
