/**
 * The variance review through the workbook simulator: on a workbook with planted underpayments, overpayments and
 * denials it flags exactly those lines, its Summary (evaluated by HyperFormula) recovers exactly their sum, a re-run
 * replaces its own columns, and a cancel or a failure leaves the workbook as it was.
 */
import {
  describeVarianceReviewIssue,
  REVIEW_COLUMN_NAMES,
  reviewSheetNames,
  runVarianceReview,
  type VarianceReviewResult,
} from "../../../src/excel/varianceReview";
import { WORKLIST_HEADERS } from "../../../src/excel/varianceReview/reviewSheets";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import { columnLetters } from "../../../src/excel/core/columnLetters";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aReviewRequest, columnValues, headerRow, plantedWorkbook, type Planted } from "./support";
import { excelBeforeEachSync } from "../../support/excelRequests";

jest.setTimeout(60_000);

let planted: Planted;
beforeAll(async () => {
  planted = await plantedWorkbook();
});

async function reviewed(simulator: WorkbookSimulator, overrides = {}): Promise<VarianceReviewResult> {
  const result = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers, overrides), {
    now: () => new Date("2025-06-30T12:00:00Z"),
  });
  if (!result.ok) throw new Error(describeVarianceReviewIssue(result.issue));
  return result.value;
}

const rowsFlagged = (flags: unknown[], flag: string) => flags.flatMap((f, i) => (f === flag ? [i + 1] : []));

describe("a review of a table with planted variances", () => {
  let simulator: WorkbookSimulator;
  let result: VarianceReviewResult;
  const names = reviewSheetNames("Claims");
  beforeAll(async () => {
    simulator = new WorkbookSimulator(planted.snapshot);
    result = await reviewed(simulator);
  });

  it("adds the five review columns at the end of the table", () => {
    expect(headerRow(simulator, "Claims").slice(-5)).toEqual(REVIEW_COLUMN_NAMES);
    const last = columnLetters(planted.headers.length + REVIEW_COLUMN_NAMES.length - 1);
    expect(simulator.tables().find((t) => t.name === "Claims")!.address).toMatch(new RegExp(`^A1:${last}\\d+$`));
  });

  it("flags exactly the planted underpaid, overpaid and denied lines, and every other line OK", () => {
    const flags = columnValues(simulator, "Claims", "Variance Flag", planted.rowCount);
    expect(rowsFlagged(flags, "Underpaid")).toEqual(planted.underpaidRows);
    expect(rowsFlagged(flags, "Overpaid")).toEqual(planted.overpaidRows);
    expect(rowsFlagged(flags, "Denied")).toEqual(planted.deniedRows);
    expect(rowsFlagged(flags, "OK")).toHaveLength(planted.rowCount - 7);
  });

  it("explains a denial by its category and code", () => {
    const reasons = columnValues(simulator, "Claims", "Variance Reason", planted.rowCount);
    expect(reasons[planted.deniedRows[0]! - 1]).toBe("Denied (Medical necessity): CO-50");
  });

  it("totals the recoverable underpayment on the Summary, by live formula, to the planted sum", () => {
    const { payerTotal, codeTotal } = summaryRows(simulator);
    expect(Math.round((simulator.cell(names.summary, payerTotal - 1, 6).value as number) * 100)).toBe(
      planted.recoverableCents,
    );
    expect(Math.round((simulator.cell(names.summary, codeTotal - 1, 6).value as number) * 100)).toBe(
      planted.recoverableCents,
    );
    expect(result.summary.total.recoverableAmount).toBe(planted.recoverableCents);
    expect(simulator.cell(names.summary, payerTotal - 1, 6).formula).toMatch(/^=SUM\(/);
  });

  it("gives each payer's lines, expected amount and denied lines as the engine sums them", () => {
    result.summary.byPayer.forEach(({ payer, totals }, i) => {
      const row = 5 + i; // 0-based: the header is on row 5 (1-based)
      expect(simulator.cell(names.summary, row, 0).value).toBe(payer);
      expect(simulator.cell(names.summary, row, 1).value).toBe(totals.lines);
      expect(Math.round((simulator.cell(names.summary, row, 2).value as number) * 100)).toBe(totals.expectedAmount);
      expect(Math.round((simulator.cell(names.summary, row, 3).value as number) * 100)).toBe(totals.allowedAmount);
      expect(simulator.cell(names.summary, row, 8).value).toBe(totals.deniedLines);
    });
  });

  it("lists the underpaid claims on the Worklist, largest recoverable first", () => {
    const column = WORKLIST_HEADERS.indexOf("Recoverable");
    const recoverable = result.summary.worklist.map((_, i) => simulator.cell(names.worklist, 4 + i, column).value as number); // prettier-ignore
    expect(recoverable).toHaveLength(planted.underpaidRows.length);
    expect([...recoverable].sort((a, b) => b - a)).toEqual(recoverable);
    expect(Math.round(recoverable.reduce((a, b) => a + b, 0) * 100)).toBe(planted.recoverableCents);
  });

  it("says on each Worklist claim which codes were underpaid, its flags and why", () => {
    const cellOf = (i: number, header: string) => simulator.cell(names.worklist, 4 + i, WORKLIST_HEADERS.indexOf(header)).value; // prettier-ignore
    result.summary.worklist.forEach((claim, i) => {
      expect(cellOf(i, "Underpaid Codes")).toBe(claim.underpaidCodes);
      expect(cellOf(i, "Flags")).toContain("Underpaid");
      expect(cellOf(i, "Reason (largest underpaid line)")).toMatch(/below/);
    });
  });

  it("colours the flag column with conditional formats, one per flag that needs attention", () => {
    const formats = simulator.conditionalFormats("Claims");
    expect(formats).toHaveLength(4);
    const flag = columnLetters(planted.headers.length + REVIEW_COLUMN_NAMES.indexOf("Variance Flag"));
    expect(formats.every((f) => f.address.startsWith(`${flag}2:${flag}`))).toBe(true);
  });

  it("remembers its columns and sheets in the workbook's settings", () => {
    expect(simulator.settings()["payerContracts.varianceReview.claims"]).toMatchObject({
      columns: REVIEW_COLUMN_NAMES,
    });
  });
});

/** The 1-based rows of the Summary's two total rows, found by their label. */
function summaryRows(simulator: WorkbookSimulator): { payerTotal: number; codeTotal: number } {
  const sheet = reviewSheetNames("Claims").summary;
  const totals: number[] = [];
  for (let r = 0; r < simulator.usedSize(sheet).rows; r++)
    if (simulator.cell(sheet, r, 0).value === "Total") totals.push(r + 1);
  return { payerTotal: totals[0]!, codeTotal: totals[1]! };
}

describe("running the review again", () => {
  it("asks for confirmation before replacing the columns of the earlier review", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    await reviewed(simulator);
    const again = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers));
    expect(!again.ok && again.issue.code).toBe("confirmReplace");
  });

  it("replaces only its own columns and sheets once confirmed, with the new tolerance", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    await reviewed(simulator);
    const sheetsBefore = simulator.sheetNames();
    const again = await reviewed(simulator, {
      replaceExisting: true,
      tolerance: { amount: 1_000, fraction: 0.5, rule: "both" },
    });
    expect(again.replaced).toBe(true);
    expect(simulator.sheetNames()).toEqual(sheetsBefore);
    expect(headerRow(simulator, "Claims")).toHaveLength(planted.headers.length + REVIEW_COLUMN_NAMES.length);
    const flags = columnValues(simulator, "Claims", "Variance Flag", planted.rowCount);
    expect(rowsFlagged(flags, "Underpaid")).toEqual([]);
    expect(rowsFlagged(flags, "Denied")).toEqual(planted.deniedRows);
  });

  it("refuses to write over a column of the user's that has a review column's name", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    simulator.setCellInput("Claims", 0, 13, "Variance Flag");
    const result = await runVarianceReview(
      simulator.excel,
      aReviewRequest(planted.headers, {
        mapping: { ...aReviewRequest(planted.headers).mapping, adjustmentCodes: null },
      }),
    );
    expect(!result.ok && describeVarianceReviewIssue(result.issue)).toBe(
      'Table Claims already has a column "Variance Flag" that the add-in did not write: rename it, then run the review again.',
    );
  });
});

describe("a review that does not finish", () => {
  const snapshotOf = (simulator: WorkbookSimulator) => ({
    sheets: simulator.sheetNames(),
    headers: headerRow(simulator, "Claims"),
    table: simulator.tables().find((t) => t.name === "Claims")!.address,
    flags: columnValues(simulator, "Claims", "Variance Flag", planted.rowCount),
  });

  it("leaves the workbook as it was when cancelled mid-write", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    const before = snapshotOf(simulator);
    const controller = new AbortController();
    const result = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers), {
      signal: controller.signal,
      maxRowsPerRequest: 10,
      onProgress: () => controller.abort(),
    });
    expect(!result.ok && result.issue.code).toBe("cancelled");
    expect(snapshotOf(simulator)).toEqual(before);
  });

  it("keeps the earlier review's values, Summary and Worklist when a re-run fails in Excel", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    await reviewed(simulator);
    const before = snapshotOf(simulator);
    let armed = false;
    const result = await runVarianceReview(
      failingOnceWhen(simulator, () => armed),
      aReviewRequest(planted.headers, {
        replaceExisting: true,
        tolerance: { amount: 1_000, fraction: 0.5, rule: "both" },
      }),
      { maxRowsPerRequest: 20, onProgress: () => (armed = true) },
    );
    expect(!result.ok && describeVarianceReviewIssue(result.issue)).toBe(
      "The variance review of table Claims did not complete: Excel stopped while the new content was being " +
        "prepared: Excel reported an unexpected error (Excel error GeneralException). Nothing was changed: the " +
        "workbook is as it was.",
    );
    expect(snapshotOf(simulator)).toEqual(before);
  });
});

/** The simulator's Excel, whose next sync fails once (as a lost connection does) after `when` turns true. */
function failingOnceWhen(simulator: WorkbookSimulator, when: () => boolean): ExcelGateway {
  let failed = false;
  return excelBeforeEachSync(simulator, () => {
    if (!when() || failed) return undefined;
    failed = true;
    return Promise.reject(Object.assign(new Error("The connection was lost"), { code: "GeneralException" }));
  });
}

describe("payers without a contract column", () => {
  it("prices by the payer -> contract mapping and flags a payer mapped to no contract", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    const request = aReviewRequest(planted.headers);
    const result = await reviewed(simulator, {
      mapping: { ...request.mapping, contractName: null },
      payerContracts: { "acme health": "Acme Health PPO" },
    });
    const byPayer = new Map(result.summary.byPayer.map((p) => [p.payer, p.totals]));
    const acme = byPayer.get("Acme Health")!;
    expect(acme.noContractRateLines).toBe(0);
    const other = [...byPayer].find(([payer]) => payer !== "Acme Health")![1];
    expect(other.noContractRateLines).toBe(other.lines - other.deniedLines);
  });
});
