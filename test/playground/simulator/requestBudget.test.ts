/** The request size budget (Excel on the web refuses requests over 5 MB). */
import { DEFAULT_REQUEST_BUDGET_BYTES, ErrorCodes, WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, rejectionOf, run } from "./helpers";

const rows = (count: number) => Array.from({ length: count }, (_, i) => [`C-${i}`, "99213", 1, 150.25]);

describe("the request size budget", () => {
  it("is 5 MB unless configured", () => {
    expect(DEFAULT_REQUEST_BUDGET_BYTES).toBe(5 * 1024 * 1024);
  });

  it("rejects an oversized request with RequestPayloadSizeLimitExceeded and applies nothing of it", async () => {
    const simulator = new WorkbookSimulator(undefined, { requestBudgetBytes: 10_000 });
    const error = await rejectionOf(
      run(simulator, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("F1").values = [["small write first"]];
        sheet.getRange("A1:D1000").values = rows(1000);
        await context.sync();
      }),
    );
    expect(error.code).toBe(ErrorCodes.requestPayloadSizeLimitExceeded);
    expect(cellAt(simulator, "Sheet1", "F1").value).toBeNull();
    expect(cellAt(simulator, "Sheet1", "A1").value).toBeNull();
    expect(simulator.requestLog).toEqual([{ bytes: expect.any(Number), ok: false }]);
    expect(simulator.requestLog[0]!.bytes).toBeGreaterThan(10_000);
  });

  it("accepts the same rows written in chunks under the budget, logging each request", async () => {
    const simulator = new WorkbookSimulator(undefined, { requestBudgetBytes: 10_000 });
    await run(simulator, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const data = rows(1000);
      for (let start = 0; start < data.length; start += 200) {
        sheet.getRangeByIndexes(start, 0, 200, 4).values = data.slice(start, start + 200);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk is the point of chunking
        await context.sync();
      }
    });
    expect(simulator.requestLog).toHaveLength(5);
    expect(simulator.requestLog.every((r) => r.ok && r.bytes <= 10_000)).toBe(true);
    expect(cellAt(simulator, "Sheet1", "A1000").value).toBe("C-999");
  });
});
