/** Requests yield to the event loop as a real host's do, so the page stays responsive during a long write. */
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, run } from "./helpers";

const CHUNK = [["C-1001", "99213", 1, 150.25]];

describe("requests and the page's event loop", () => {
  it("handles a click on Cancel that arrives while a chunked write is in progress", async () => {
    const simulator = new WorkbookSimulator();
    const cancel = new AbortController();
    setImmediate(() => cancel.abort()); // the click, queued as an input event is, behind the running script
    let written = 0;
    await run(simulator, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let row = 0; row < 50 && !cancel.signal.aborted; row++) {
        sheet.getRangeByIndexes(row, 0, 1, 4).values = CHUNK;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk is what is tested
        await context.sync();
        written += 1;
      }
    });
    expect(written).toBe(1);
    expect(cellAt(simulator, "Sheet1", "A2").value).toBeNull();
  });

  it("lets a timer fire between the requests of one batch", async () => {
    const simulator = new WorkbookSimulator();
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let requests = 0;
    await run(simulator, async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      while (!fired && requests < 1000) {
        cell.values = [[requests]];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- requests until the timer fired
        await context.sync();
        requests += 1;
      }
    });
    expect(fired).toBe(true);
    expect(requests).toBeLessThan(1000);
  });

  it("lets the page run before a request is applied, as the request travels to Excel", async () => {
    const simulator = new WorkbookSimulator();
    const seen: unknown[] = [];
    await run(simulator, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["written"]];
      setImmediate(() => seen.push(cellAt(simulator, "Sheet1", "A1").value));
      await context.sync();
    });
    expect(seen).toEqual([null]);
  });

  it("sends no request for a sync with nothing queued, as office.js makes no round trip", async () => {
    const simulator = new WorkbookSimulator();
    await run(simulator, async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      await context.sync();
    });
    expect(simulator.requestLog).toEqual([{ bytes: expect.any(Number), ok: true }]);
  });
});
