/**
 * The cost of doing business and scorecard block's layout, without a workbook: the prompt-pay rules the README states
 * are the declared ones, the interest needs no NETWORKDAYS, and the % of Medicare is n/a unless the table has one.
 */
import { readFileSync } from "fs";
import path from "path";
import { columnLetters } from "../../../src/excel/core/columnLetters";
import { DEFAULT_COST_ASSUMPTIONS, DEFAULT_SCORE_WEIGHTS } from "../../../src/engine";
import {
  layoutScorecard,
  promptPayRulesMarkdown,
  SCORE_COLUMNS,
  type ScoreKey,
  type ScorecardSource,
} from "../../../src/excel/performance";

function aSource(medicareAmount: string | null = null, priorAuthorization: string | null = null): ScorecardSource {
  return {
    tableName: "Claims",
    columns: {
      key: "Contract Name",
      submittedDate: "Submitted Date",
      paidDate: "Paid Date",
      paidAmount: "Paid Amount",
      medicareAmount,
      priorAuthorization,
    },
    contracts: [{ key: "Acme Health PPO", termEndDay: null, noticeDay: null }],
    assumptions: DEFAULT_COST_ASSUMPTIONS,
    state: "CA",
    weights: DEFAULT_SCORE_WEIGHTS,
    asOf: 46083,
  };
}

/** The cell of the first contract's row in column `key`. */
function contractCell(source: ScorecardSource, key: ScoreKey): unknown {
  const layout = layoutScorecard(source, 20);
  const body = layout.blocks.find((b) => b.row === layout.firstRow - 1 && b.column === 0)!;
  return body.cells[0]![SCORE_COLUMNS.findIndex((c) => c.key === key)];
}

describe("the scorecard block's layout", () => {
  test("the README states the prompt-pay rules the sheet declares", () => {
    const readme = readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");
    expect(readme).toContain(promptPayRulesMarkdown());
  });

  test("counts working days by arithmetic over the dates, with no NETWORKDAYS or WORKDAY", () => {
    const interest = String(contractCell(aSource(), "interest"));
    expect(interest).toMatch(/^=SUM\(IFERROR\(/);
    expect(interest).toContain("MOD(Claims[Submitted Date],7)");
    expect(interest).not.toMatch(/NETWORKDAYS|WORKDAY|PAYER\./);
  });

  test("says n/a for the % of Medicare when the table has no Medicare amount column", () => {
    expect(contractCell(aSource(), "percentOfMedicare")).toBe("n/a");
  });

  test("divides the net effective amount by the table's Medicare amounts when it has them", () => {
    const netEffective = columnLetters(SCORE_COLUMNS.findIndex((c) => c.key === "netEffective"));
    expect(String(contractCell(aSource("Medicare Amount"), "percentOfMedicare"))).toMatch(
      new RegExp(`^=IFERROR\\(${netEffective}\\d+\\/SUMIFS\\(Claims\\[Medicare Amount\\],`),
    );
  });

  test("says n/a for prior authorizations, and adds nothing to the burden, when the table has no such column", () => {
    expect([contractCell(aSource(), "priorAuthorizations"), contractCell(aSource(), "priorAuthorizationCost")]).toEqual(
      ["n/a", 0],
    );
  });
});
