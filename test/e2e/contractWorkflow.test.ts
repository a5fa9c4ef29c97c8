/**
 * Issue 4 "Done when", in a real Chromium: in the playground a user imports a payer CSV through the Fee schedule
 * panel into a new table, defines a new contract on it in the Contracts panel, and a PAYER.EXPECTED_PAYMENT cell
 * typed into the sample's Claims sheet shows the new contract's amount.
 */
import { existsSync } from "fs";
import path from "path";
import { fieldIn as field, ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "contract-workflow.png");
const PAYER_CSV = path.join(ROOT, "test", "fixtures", "payer-schedules", "e2e-cedar-hmo-2025.csv");
const CONTRACT = "Cedar Health HMO";
const TABLE = "FS_CedarHMO_2025";
/** The CSV's rate for 99213. */
const RATE_99213 = "98.76";

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt, visible } = playground;

/** A form input by its label; a required field's label ends in "*". */

describe("from a payer CSV to a priced claim line", () => {
  it("imports the payer CSV into a new table through the Fee schedule panel", async () => {
    await (await visible(taskPane().getByRole("tab", { name: "Fee schedule", exact: true }))).click();
    const panel = taskPane().getByRole("region", { name: "Fee schedule" });
    await panel.getByLabel("Fee schedule file").setInputFiles(PAYER_CSV);
    await visible(panel.getByLabel("Table name"));
    await panel.getByLabel("Sheet name").fill("Cedar HMO 2025");
    await panel.getByLabel("Table name").fill(TABLE);

    await panel.getByRole("button", { name: "Import", exact: true }).click();

    await visible(panel.getByText("Done", { exact: true }), 60_000);
    await visible(playground.page.getByRole("tab", { name: "Cedar HMO 2025", exact: true }));
  });

  it("defines a new contract on the imported table in the Contracts panel", async () => {
    await taskPane().getByRole("tab", { name: "Contracts", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Contracts" });
    await (await visible(panel.getByRole("button", { name: "New contract" }))).click();
    const form = panel.getByRole("form", { name: "New contract version" });
    await field(form, "Contract Name").fill(CONTRACT);
    await field(form, "Payer").fill("Cedar Health");
    await field(form, "Product").fill("HMO");
    await field(form, "Effective Start Date").fill("2025-01-01");
    await field(form, "Method").selectOption("Fee Schedule");
    await field(form, "Fee Schedule").selectOption(TABLE);

    await form.getByRole("button", { name: "Save version" }).click();

    await visible(panel.getByText(/Saved row \d+ of PayerContracts \(sheet Contracts\)/));
    const contract = await visible(panel.getByRole("listitem", { name: CONTRACT }));
    expect(await contract.textContent()).toContain(`Fee Schedule ${TABLE}`);
  });

  it("prices a claim line under the new contract in a formula typed into the Claims sheet", async () => {
    const target = await playground.blankCellIn("Claims", 2);

    await cellAt(target).click();
    await playground.page.keyboard.type(`=PAYER.EXPECTED_PAYMENT("${CONTRACT}", "99213", , 1, , "2025-06-01", "11")`);
    await playground.page.keyboard.press("Enter");

    await playground.page.waitForFunction(
      ([address, expected]) =>
        document.querySelector(`[role="gridcell"][data-address="${address}"]`)?.textContent?.includes(expected!) ===
        true,
      [target, RATE_99213] as const,
      { timeout: 30_000 },
    );
    expect(await cellAt(target).textContent()).toContain(RATE_99213);
    await cellAt(target).click();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
