/** The registry cache: loaded once, answered from memory, refreshed when a registry table changes. */
import "./support/installShim";
import { RegistryCache } from "../../src/functions/registryCache";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";

/** The sample's contracts that sort before Summit's: Acme's professional contract and its two hospital ones. */
const CONTRACTS_BEFORE_SUMMIT = ["Acme Behavioral Health", "Acme Health PPO", "Acme Hospital PPO"];

/** 0-based row of the Summit contract in the sample's PayerContracts table. */
function summitRow(simulator: WorkbookSimulator): number {
  for (let r = 1; r < simulator.usedSize("Contracts").rows; r++)
    if (simulator.cell("Contracts", r, 0).value === "Summit Medicare Advantage") return r;
  throw new Error("no Summit row");
}

describe("the registry cache", () => {
  it("has nothing before it starts, and the registry once it has loaded", async () => {
    const cache = new RegistryCache();
    expect(cache.current()).toBeNull();
    const waiting = cache.ready();
    await cache.start(new WorkbookSimulator(buildSampleWorkbook()).excel);
    // The sample's two professional contracts and its two hospital ones, sorted by name.
    expect((await waiting).registry.contractNames).toEqual([
      "Acme Behavioral Health",
      "Acme Health PPO",
      "Acme Hospital PPO",
      "Summit Medicare Advantage",
    ]);
    expect(cache.current()?.registry.contractNames).toHaveLength(4);
  });

  it("reads the registry again after an edit of a registry table, with no call from anyone", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const cache = new RegistryCache();
    await cache.start(simulator.excel);
    simulator.setCellInput("Contracts", summitRow(simulator), 0, "Summit MA");
    await simulator.whenIdle();
    await cache.settled();
    expect(cache.current()?.registry.contractNames).toEqual([...CONTRACTS_BEFORE_SUMMIT, "Summit MA"]);
  });

  it("coalesces a burst of edits into at most one more read", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const cache = new RegistryCache();
    await cache.start(simulator.excel);
    const row = summitRow(simulator);
    const before = simulator.requestLog.length;
    for (const name of ["A", "B", "C", "D", "Summit Final"]) simulator.setCellInput("Contracts", row, 0, name);
    await simulator.whenIdle();
    await cache.settled();
    expect(cache.current()?.registry.contractNames).toContain("Summit Final");
    // A refresh is 1 request to see that no operation is staging a table, 3 to read, 2 to watch and recalculate;
    // five edits cost at most two refreshes.
    expect(simulator.requestLog.length - before).toBeLessThanOrEqual(12);
  });

  it("follows the edits of a table deleted and made again under the same name (as a rebuilt table is)", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const cache = new RegistryCache();
    await cache.start(simulator.excel);
    await simulator.excel.run(async (context) => {
      const table = context.workbook.tables.getItem("PayerContracts");
      const range = table.getRange().load("address");
      await context.sync();
      table.convertToRange();
      context.workbook.worksheets.getItem("Contracts").tables.add(range.address, true).name = "PayerContracts";
      await context.sync();
    });
    await simulator.whenIdle();
    await cache.settled();

    simulator.setCellInput("Contracts", summitRow(simulator), 0, "Summit MA");
    await simulator.whenIdle();
    await cache.settled();

    expect(cache.current()?.registry.contractNames).toEqual([...CONTRACTS_BEFORE_SUMMIT, "Summit MA"]);
  });
});
