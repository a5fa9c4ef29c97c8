/** Wrappers of the simulator's Excel that step into its requests, for specifications of what happens mid-request. */
import type { ExcelGateway } from "../../src/excel/core/excelGateway";
import type { WorkbookSimulator } from "../../src/playground/simulator";

/**
 * The simulator's Excel, calling `beforeSync(request, context)` as each `context.sync()` begins (`request` counts the
 * syncs from 1 over all batches: each sync sends one request). The sync goes ahead at once when it returns nothing,
 * once its promise resolves when it returns one, and fails with its rejection, as Excel fails a request.
 */
export function excelBeforeEachSync(
  simulator: WorkbookSimulator,
  beforeSync: (request: number, context: Excel.RequestContext) => void | Promise<void>,
): ExcelGateway {
  let requests = 0;
  return {
    run: (batch) =>
      simulator.excel.run((context: Excel.RequestContext) => {
        const sync = context.sync.bind(context);
        context.sync = ((value?: unknown) => {
          requests += 1;
          const before = beforeSync(requests, context);
          return before === undefined ? sync(value) : before.then(() => sync(value));
        }) as typeof context.sync;
        return batch(context);
      }),
  };
}
