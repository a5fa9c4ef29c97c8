/**
 * Inside Excel the first PAYER call can come before the contract registry is read: the function returns a promise,
 * Excel shows #BUSY! until it settles, then the price. The simulator takes the same path.
 */
import { associated } from "../functions/support/installShim";
import "../../src/functions/functions";
import { registryCache } from "../../src/functions/registryCache";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";

const PRICE = '=PAYER.EXPECTED_PAYMENT("Acme Health PPO", "99213", , 1, 500, "2025-03-01")';

describe("a PAYER function called before the registry is loaded", () => {
  it("shows #BUSY! until the registry is read, then the contract's price", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook(), { customFunctions: associated });
    const sheet = simulator.sheetNames()[0]!;
    const { columns } = simulator.usedSize(sheet);
    simulator.setCellInput(sheet, 0, columns + 1, PRICE);
    expect(simulator.cell(sheet, 0, columns + 1).value).toBe("#BUSY!");

    await registryCache.start(simulator.excel);
    await simulator.whenIdle();

    // The same formula entered now that the registry is loaded is computed at once: both show the same price.
    simulator.setCellInput(sheet, 1, columns + 1, PRICE);
    const loaded = simulator.cell(sheet, 1, columns + 1).value;
    expect(typeof loaded).toBe("number");
    expect(simulator.cell(sheet, 0, columns + 1).value).toBe(loaded);
  });
});
