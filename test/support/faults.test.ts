/** Fault injection: one fault at one request, counted over all batches, and the matrix of an operation's cases. */
import type { ExcelGateway } from "../../src/excel/core/excelGateway";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { claimsWorkbook, rejectionOf } from "../playground/simulator/helpers";
import {
  countingExcel,
  countRequests,
  excelWithFault,
  faultCases,
  faultMatrix,
  runCleanly,
  runWithFault,
  type Operation,
} from "./faults";

const claims = () => new WorkbookSimulator(claimsWorkbook());

/** Writes one value into Contract!B1 in one request. */
const writeB1 = (excel: ExcelGateway, value: string) =>
  excel.run(async (context) => {
    context.workbook.worksheets.getItem("Contract").getRange("B1").values = [[value]];
    await context.sync();
  });

const contractB1 = (simulator: WorkbookSimulator) => simulator.cell("Contract", 0, 1).value;

/**
 * An operation done right, for the matrix: it builds a "Review" sheet in two requests and, on a failure or a Cancel
 * before it finished, deletes what it built and says the workbook is as it was.
 */
const buildReview: Operation = async (excel, signal) => {
  try {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Review");
      sheet.getRange("A1:B1").values = [["HCPCS Code", "Allowed Amount"]];
      await context.sync();
      if (signal.aborted) throw new Error("cancelled");
      sheet.getRange("A2:B2").values = [["99213", 92.5]];
      await context.sync();
    });
    return { ok: true, message: "The Review sheet is ready." };
  } catch {
    await excel.run(async (context) => {
      const built = context.workbook.worksheets.getItemOrNullObject("Review");
      await context.sync();
      if (!built.isNullObject) built.delete();
    });
    return { ok: false, message: "Nothing was written: the workbook is as it was." };
  }
};

describe("a gateway that counts requests", () => {
  it("counts every sync that sends commands, over all batches", async () => {
    const simulator = claims();
    const excel = countingExcel(simulator);
    await writeB1(excel, "first");
    await excel.run(async (context) => {
      await context.sync(); // nothing queued: no request
      context.workbook.worksheets.getItem("Claims").getRange("A1").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("Claims").getRange("F1").values = [["Note"]];
    }); // the end of the batch sends what is still queued
    expect(excel.requests).toBe(3);
  });
});

describe("a request refused before any of it is applied", () => {
  it("applies none of the request's commands and rejects as Excel does in cell-editing mode", async () => {
    const simulator = claims();
    const excel = excelWithFault(simulator, { request: 2, mode: "refused" });
    await writeB1(excel, "request 1");
    const error = await rejectionOf(writeB1(excel, "request 2"));
    expect([error.code, contractB1(simulator)]).toEqual(["InvalidOperationInCellEditMode", "request 1"]);
    expect(simulator.requestLog.map((r) => r.ok)).toEqual([true, false]);
  });

  it("fires once: the requests after it go through", async () => {
    const simulator = claims();
    const excel = excelWithFault(simulator, { request: 1, mode: "refused" });
    await rejectionOf(writeB1(excel, "refused"));
    await writeB1(excel, "retried");
    expect([excel.fired, contractB1(simulator)]).toEqual([true, "retried"]);
  });
});

describe("a request that applies all its commands, then fails", () => {
  it("keeps every command of the request applied and rejects it", async () => {
    const simulator = claims();
    const excel = excelWithFault(simulator, { request: 1, mode: "failsAfterApplying" });
    const error = await rejectionOf(writeB1(excel, "applied"));
    expect([error.code, contractB1(simulator)]).toEqual(["GeneralException", "applied"]);
  });
});

describe("a Cancel just before a request", () => {
  it("aborts the user's signal and still sends the request, as one already on its way", async () => {
    const simulator = claims();
    const cancel = new AbortController();
    const excel = excelWithFault(simulator, { request: 2, mode: "cancelled" }, cancel);
    await writeB1(excel, "request 1");
    expect(cancel.signal.aborted).toBe(false);
    await writeB1(excel, "request 2");
    expect([cancel.signal.aborted, contractB1(simulator)]).toEqual([true, "request 2"]);
  });
});

describe("the fault matrix of an operation", () => {
  it("lists three faults for each request of a clean run", () => {
    expect(faultCases(2).map((c) => c.title)).toEqual([
      "request 1 is refused before any of it is applied",
      "request 1 applies all its commands, then fails",
      "Cancel is pressed just before request 1",
      "request 2 is refused before any of it is applied",
      "request 2 applies all its commands, then fails",
      "Cancel is pressed just before request 2",
    ]);
  });

  it("counts the requests of a clean run to list the cases", async () => {
    const cases = await faultMatrix(claims, buildReview);
    expect(cases.map((c) => [c.request, c.mode])).toEqual([
      [1, "refused"],
      [1, "failsAfterApplying"],
      [1, "cancelled"],
      [2, "refused"],
      [2, "failsAfterApplying"],
      [2, "cancelled"],
    ]);
  });

  it("refuses to count an operation that fails without any fault", async () => {
    const failing: Operation = async () => ({ ok: false, message: "No claims table." });
    await expect(countRequests(claims, failing)).rejects.toThrow("fails without any fault: No claims table.");
  });

  it("shows the workbook changed when an operation does not clean up after a failure", async () => {
    const careless: Operation = async (excel) => {
      try {
        await excel.run(async (context) => {
          context.workbook.worksheets.add("Review");
          await context.sync();
          context.workbook.worksheets.getItem("Review").getRange("A1").values = [["HCPCS Code"]];
          await context.sync();
        });
        return { ok: true, message: "Done." };
      } catch {
        return { ok: false, message: "The workbook is as it was." };
      }
    };
    const run = await runWithFault(claims, careless, { request: 2, mode: "refused" });
    expect(run.outcome.ok).toBe(false);
    expect(run.after.sheets.map((s) => s.name)).toEqual(["Claims", "Contract", "Review"]);
    expect(run.after).not.toEqual(run.before);
  });
});

describe("an operation that cleans up, run through its matrix", () => {
  const REQUESTS = 2;

  it("builds the Review sheet in 2 requests", async () => {
    expect(await countRequests(claims, buildReview)).toBe(REQUESTS);
  });

  it.each(faultCases(REQUESTS))("ends as it was or as a clean run, as its message says, when $title", async (fault) => {
    const clean = await runCleanly(claims, buildReview);
    const run = await runWithFault(claims, buildReview, fault);
    expect(run.fired).toBe(true);
    expect(run.after).toEqual(run.outcome.ok ? clean.after : run.before);
    expect(run.outcome).toEqual(
      run.outcome.ok ? clean.outcome : { ok: false, message: "Nothing was written: the workbook is as it was." },
    );
  });

  it.each(faultCases(REQUESTS).filter((c) => c.mode !== "cancelled"))(
    "retries successfully after $title",
    async (fault) => {
      const clean = await runCleanly(claims, buildReview);
      const run = await runWithFault(claims, buildReview, fault);
      const retried = await run.retry();
      expect([run.outcome.ok, retried.outcome.ok]).toEqual([false, true]);
      expect(retried.after).toEqual(clean.after);
    },
  );
});
