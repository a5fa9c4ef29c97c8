/** Shared set-up of the formula tests: the PAYER functions registered, a simulator, and the registry cache on it. */
import { associated } from "../functions/support/installShim";
import "../../src/functions/functions";
import { registryCache } from "../../src/functions/registryCache";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../src/playground/simulator";

/**
 * A simulator over `snapshot` with the PAYER functions, its registry cache loaded and the workbook recalculated,
 * as the playground starts: construct, start the cache, await it (the start recalculates).
 */
export async function simulatorWithRegistry(snapshot: WorkbookSnapshot): Promise<WorkbookSimulator> {
  const simulator = new WorkbookSimulator(snapshot, { customFunctions: associated });
  await registryCache.start(simulator.excel);
  return simulator;
}

/** Waits for every change event and the registry refresh (with its recalculation) they started. */
export async function afterRefresh(simulator: WorkbookSimulator): Promise<void> {
  await simulator.whenIdle();
  await registryCache.settled();
}
