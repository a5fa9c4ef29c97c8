/**
 * The operation runner's contract (ARCHITECTURE.md s.5): new content is staged in hidden sheets, the user's workbook
 * changes in one commit request, and whatever Excel does at any request, the workbook ends either as it was or as a
 * clean success, and the message says which.
 */
import { fail, ok } from "../../../../src/engine";
import type { ExcelGateway } from "../../../../src/excel/core/excelGateway";
import {
  describeOperationIssue,
  placeSheet,
  runOperation,
  storeSetting,
  type CommitStep,
  type OperationIssue,
} from "../../../../src/excel/core/operation";
import { WorkbookSimulator } from "../../../../src/playground/simulator";
import { excelBeforeEachSync } from "../../../support/excelRequests";

const SETTING = "payerContracts.test";

/** A workbook with the user's sheet and, optionally, an earlier build of "Report" recorded in settings. */
function aWorkbook(withEarlierReport = false): WorkbookSimulator {
  return new WorkbookSimulator({
    sheets: [
      {
        name: "Claims",
        cells: [
          ["HCPCS Code", "Allowed"],
          ["99213", 91.5],
        ],
      },
      ...(withEarlierReport ? [{ name: "Report", cells: [["old report"]] }] : []),
    ],
    settings: withEarlierReport ? { [SETTING]: { version: 1, built: "earlier" } } : {},
  });
}

/** Everything a user could see or an add-in could read back, ids left out. */
function snapshotOf(simulator: WorkbookSimulator) {
  return {
    sheets: simulator.sheetNames(),
    visible: simulator.visibleSheetNames(),
    tables: simulator.tables(),
    settings: simulator.settings(),
    cells: simulator.sheetNames().map((sheet) => {
      const { rows, columns } = simulator.usedSize(sheet);
      return Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => {
          const { value, formula, numberFormat } = simulator.cell(sheet, r, c);
          return { value, formula, numberFormat };
        }),
      );
    }),
  };
}

/** A report built in two staging requests and put in place, replacing the earlier one, with a setting. */
async function buildReport(excel: ExcelGateway, options: { signal?: AbortSignal; steps?: CommitStep[] } = {}) {
  const done: number[] = [];
  const result = await runOperation(
    excel,
    { what: "the report", signal: options.signal, onProgress: ({ done: d }) => done.push(d) },
    async (op) => {
      const earlier = await op.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject("Report").load("id,name");
        await context.sync();
        return sheet.isNullObject ? null : { id: sheet.id, name: sheet.name };
      });
      const [report] = await op.addStagingSheets(1);
      await op.write(
        (context) => {
          context.workbook.worksheets.getItem(report!.id).getRange("A1:B1").values = [["Code", "Total"]];
        },
        { done: 1, total: 2 },
      );
      await op.write(
        (context) => {
          context.workbook.worksheets.getItem(report!.id).getRange("A2:B2").values = [["99213", 91.5]];
        },
        { done: 2, total: 2 },
      );
      return ok({
        output: "built",
        steps: [
          ...placeSheet({ stagedId: report!.id, name: "Report", replaces: earlier }),
          storeSetting(SETTING, { version: 1, built: "now" }, "record the report"),
          ...(options.steps ?? []),
        ],
      });
    },
  );
  return { result, done };
}

const messageOf = (issue: unknown) => describeOperationIssue(issue as OperationIssue);

/** Requests of a clean run, counted. */
async function requestsOfACleanRun(withEarlierReport: boolean): Promise<number> {
  const simulator = aWorkbook(withEarlierReport);
  let count = 0;
  await buildReport(excelBeforeEachSync(simulator, () => void count++));
  return count;
}

/** Rejects request `n` before anything of it is applied (a protected sheet refuses the first command). */
const refusing = (simulator: WorkbookSimulator, n: number) =>
  excelBeforeEachSync(simulator, (request) =>
    request === n ? Promise.reject({ code: "AccessDenied", message: "The sheet is protected." }) : undefined,
  );

/** Applies every command of request `n`, then fails it (a command Excel refuses, queued last). */
const failingAfterApplying = (simulator: WorkbookSimulator, n: number) =>
  excelBeforeEachSync(simulator, (request, context) => {
    if (request === n) context.workbook.worksheets.getItem("A sheet deleted meanwhile").getRange("A1").values = [["x"]];
  });

describe("a clean run", () => {
  it("puts the staged sheet in place under its name, visible, with the setting, and leaves no working sheet", async () => {
    const simulator = aWorkbook();
    const { result, done } = await buildReport(simulator.excel);
    expect(result).toEqual({ ok: true, value: "built" });
    expect(simulator.sheetNames()).toEqual(["Claims", "Report"]);
    expect(simulator.visibleSheetNames()).toEqual(["Claims", "Report"]);
    expect(simulator.cell("Report", 1, 1).value).toBe(91.5);
    expect(simulator.settings()[SETTING]).toEqual({ version: 1, built: "now" });
    expect(done).toEqual([1, 2]);
  });

  it("replaces an earlier build in the commit", async () => {
    const simulator = aWorkbook(true);
    await buildReport(simulator.excel);
    expect(simulator.sheetNames()).toEqual(["Claims", "Report"]);
    expect(simulator.cell("Report", 0, 0).value).toBe("Code");
  });

  it("removes the working sheets an interrupted earlier run left behind, in its commit", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        { name: "Claims", cells: [["x"]] },
        { name: "~pc zzzz01 1", cells: [["half-written"]] },
        { name: "~Frozen for sharing", cells: [["half-written record"]] },
      ],
    });
    await buildReport(simulator.excel);
    expect(simulator.sheetNames()).toEqual(["Claims", "Report"]);
  });
});

describe("a body's own refusal", () => {
  it("is returned as is, after the staging sheets are removed", async () => {
    const simulator = aWorkbook();
    const before = snapshotOf(simulator);
    const result = await runOperation(simulator.excel, { what: "the report" }, async (op) => {
      await op.addStagingSheets(2);
      return fail({ code: "sheetTaken" as const });
    });
    expect(result).toEqual({ ok: false, issue: { code: "sheetTaken" } });
    expect(snapshotOf(simulator)).toEqual(before);
  });
});

describe.each([false, true])("faults at every request (earlier build: %s)", (withEarlierReport) => {
  let requests = 0;
  beforeAll(async () => {
    requests = await requestsOfACleanRun(withEarlierReport);
  });

  it("counts the requests of a clean run: read, add, two writes, look, commit", () => {
    expect(requests).toBe(6);
  });

  it("leaves the workbook as it was when any request is refused, and says so", async () => {
    for (let n = 1; n <= requests; n++) {
      const simulator = aWorkbook(withEarlierReport);
      const before = snapshotOf(simulator);
      const { result } = await buildReport(refusing(simulator, n));
      expect(result.ok).toBe(false);
      expect(snapshotOf(simulator)).toEqual(before);
      expect(!result.ok && messageOf(result.issue)).toMatch(
        /^The report did not complete: .*: the workbook or a sheet is protected, or you may not change it \(Excel error AccessDenied\)\. Nothing was changed: the workbook is as it was\.$/,
      );
    }
  });

  it("ends as it was or as a clean success when a request fails after applying, and the message says which", async () => {
    const clean = aWorkbook(withEarlierReport);
    await buildReport(clean.excel);
    for (let n = 1; n <= requests; n++) {
      const simulator = aWorkbook(withEarlierReport);
      const before = snapshotOf(simulator);
      const { result } = await buildReport(failingAfterApplying(simulator, n));
      if (result.ok) expect(snapshotOf(simulator)).toEqual(snapshotOf(clean));
      else {
        expect(snapshotOf(simulator)).toEqual(before);
        expect(messageOf(result.issue)).toContain("Nothing was changed: the workbook is as it was.");
      }
      // The commit's own failure after applying is a success: everything took effect.
      if (n === requests) expect(result.ok).toBe(true);
    }
  });

  it("leaves the workbook as it was when cancelled before any request, and a retry succeeds", async () => {
    for (let n = 1; n <= requests; n++) {
      const simulator = aWorkbook(withEarlierReport);
      const before = snapshotOf(simulator);
      const controller = new AbortController();
      const excel = excelBeforeEachSync(simulator, (request) => {
        if (request === n) controller.abort();
      });
      const { result } = await buildReport(excel, { signal: controller.signal });
      if (result.ok) expect(n).toBeGreaterThanOrEqual(requests - 1);
      else {
        expect(snapshotOf(simulator)).toEqual(before);
        expect(messageOf(result.issue)).toBe(
          "The report was cancelled. Nothing was changed: the workbook is as it was.",
        );
      }
      const retry = await buildReport(simulator.excel);
      expect(retry.result.ok).toBe(true);
    }
  });
});

describe("a commit Excel applies in part", () => {
  it("is completed from where Excel stopped", async () => {
    const simulator = aWorkbook(true);
    let failOnce = true;
    // A step that fails the first time it is applied, after the earlier steps took effect.
    const flaky: CommitStep = {
      describe: "format the report",
      apply: (context) => {
        if (failOnce) {
          failOnce = false;
          context.workbook.worksheets.getItem("No such sheet").getRange("A1").values = [["x"]];
        } else context.workbook.worksheets.getItem("Report").getRange("A1").format.font.bold = true;
      },
    };
    const { result } = await buildReport(simulator.excel, { steps: [flaky] });
    expect(result.ok).toBe(true);
    expect(simulator.sheetNames()).toEqual(["Claims", "Report"]);
    expect(simulator.settings()[SETTING]).toEqual({ version: 1, built: "now" });
  });

  it("says what is done and what is not when the rest cannot be completed either", async () => {
    const simulator = aWorkbook(true);
    const broken: CommitStep = {
      describe: "format the report",
      apply: (context) => {
        context.workbook.worksheets.getItem("No such sheet").getRange("A1").values = [["x"]];
      },
    };
    const { result } = await buildReport(simulator.excel, { steps: [broken] });
    expect(!result.ok && messageOf(result.issue)).toBe(
      "The report did not complete: Excel stopped while the result was being saved: a sheet, table or setting it " +
        "needed no longer exists (renamed or deleted meanwhile?) (Excel error ItemNotFound). Part of the change was " +
        'saved. Done: show the new sheet "Report"; remove the earlier sheet "Report"; name the new sheet "Report"; ' +
        "record the report. Not done: format the report. Run it again to complete it.",
    );
  });
});
