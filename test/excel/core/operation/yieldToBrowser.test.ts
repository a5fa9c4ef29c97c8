/**
 * Long operations give the page a turn between their steps (issue 13 item 2): a yield lets other tasks (a render, a
 * click on Cancel) run first, and a long computation in chunks stops at the first yield after a cancel.
 */
import { ok } from "../../../../src/engine";
import { inChunks, runOperation, yieldToBrowser } from "../../../../src/excel/core/operation";
import { WorkbookSimulator } from "../../../../src/playground/simulator";

class Stopped extends Error {}

describe("giving the page a turn", () => {
  it("lets a task queued before it run first (a promise callback would not)", async () => {
    const order: string[] = [];
    setImmediate(() => order.push("the page's task"));

    await yieldToBrowser();
    order.push("the operation again");

    expect(order).toEqual(["the page's task", "the operation again"]);
  });
});

describe("a long computation in chunks", () => {
  it("maps every item in order and reports progress after each chunk", async () => {
    const progress: { done: number; total: number }[] = [];

    const doubled = await inChunks([1, 2, 3, 4, 5], (n) => n * 2, {
      size: 2,
      checkCancelled: () => undefined,
      onProgress: (p) => progress.push(p),
    });

    expect(doubled).toEqual([2, 4, 6, 8, 10]);
    expect(progress).toEqual([
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
  });

  it("stops at the next chunk once the user has cancelled, without working on the rest", async () => {
    let cancelled = false;
    const worked: number[] = [];

    const run = inChunks(
      [1, 2, 3, 4, 5, 6],
      (n) => {
        worked.push(n);
        return n;
      },
      {
        size: 2,
        checkCancelled: () => {
          if (cancelled) throw new Stopped();
        },
        onProgress: () => setImmediate(() => (cancelled = true)), // the click, handled during the next turn
      },
    );

    await expect(run).rejects.toBeInstanceOf(Stopped);
    expect(worked).toEqual([1, 2]);
  });

  it("refuses a chunk size below 1", async () => {
    await expect(inChunks([1], (n) => n, { size: 0, checkCancelled: () => undefined })).rejects.toThrow(
      "the chunk size must be 1 or more, not 0",
    );
  });
});

describe("the operation runner's turns", () => {
  it("sees a Cancel clicked while the page had its turn before a write, and leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Claims", cells: [["HCPCS Code"]] }] });
    const controller = new AbortController();
    let secondWrite = false;

    const result = await runOperation(
      simulator.excel,
      { what: "the report", signal: controller.signal },
      async (op) => {
        const [sheet] = await op.addStagingSheets(1);
        await op.write((context) => {
          context.workbook.worksheets.getItem(sheet!.id).getRange("A1").values = [["first"]];
        });
        setImmediate(() => controller.abort()); // the click on Cancel, waiting for the page's next turn
        await op.write(() => {
          secondWrite = true;
        });
        return ok({ output: null, steps: [] });
      },
    );

    expect(result).toMatchObject({ ok: false, issue: { code: "cancelled", workbook: { kind: "unchanged" } } });
    expect(secondWrite).toBe(false);
    expect(simulator.sheetNames()).toEqual(["Claims"]);
  });

  it("runs a computation in chunks inside an operation and stops it on Cancel", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Claims", cells: [["HCPCS Code"]] }] });
    const controller = new AbortController();
    const lines = Array.from({ length: 10_000 }, (_, i) => i);
    let priced = 0;

    const result = await runOperation(
      simulator.excel,
      { what: "the review", signal: controller.signal },
      async (op) => {
        await op.inChunks(lines, (line) => ++priced && line, {
          size: 2_000,
          onProgress: ({ done }) => done === 4_000 && setImmediate(() => controller.abort()),
        });
        return ok({ output: null, steps: [] });
      },
    );

    expect(result).toMatchObject({ ok: false, issue: { code: "cancelled" } });
    expect(priced).toBe(4_000);
  });
});
