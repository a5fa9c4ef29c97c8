/**
 * Issue 14 "Done when", in a real Chromium: in the playground a user imports CMS's MS-DRG weights and OPPS
 * Addendum B through the Hospital schedules tab, defines a hospital-only contract with MS-DRG inpatient terms in the
 * Contracts tab, and a PAYER.INPATIENT_PAYMENT cell typed into the sheet shows the stay's payment: the DRG's FY2026
 * weight (read here from the same CMS file) times the contract's base rate.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../src/engine";
import { SHARED_DATA } from "../support/sharedData";
import { fieldIn as field, ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "hospital-contract.png");
/** A file of ../shared/data, which this test needs (CI copies it beside the repository). */
function sharedFile(...parts: string[]): string {
  if (SHARED_DATA === null) throw new Error("../shared/data not found beside the repository: the CMS files are there");
  return path.join(SHARED_DATA, ...parts);
}
const DRG_FILE = sharedFile("cms-ipps", "ipps_drgstable_FY2026_cms_pricer.csv");
const ADDENDUM_B_FILE = sharedFile("cms-opps", "opps_addendum_b_2025-10_section508.csv");
const CONTRACT = "Cedar Hospital";
const BASE_RATE = "9800";
const DRG = "470";

/** MS-DRG 470's FY2026 relative weight, from the pricer CSV's own row ("470,20251001,1.9289,..."). */
function weightOf(drg: string): string {
  const row = readFileSync(DRG_FILE, "utf8")
    .split(/\r?\n/)
    .find((line) => line.startsWith(`${drg},`));
  if (row === undefined) throw new Error(`no MS-DRG ${drg} in ${DRG_FILE}`);
  return row.split(",")[2]!;
}

/** The stay's payment under MS-DRG terms with no outlier or transfer: weight x base rate, to the cent. */
const EXPECTED = new Decimal(weightOf(DRG)).times(BASE_RATE).toDecimalPlaces(2).toFixed(2);

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt, visible } = playground;

/** A form input by its label; a required field's label ends in "*". */

describe("from CMS's hospital files to a priced inpatient stay", () => {
  it("imports the FY2026 MS-DRG weights and the October 2025 Addendum B in the Hospital schedules tab", async () => {
    await (await visible(taskPane().getByRole("tab", { name: "Hospital schedules", exact: true }))).click();
    const panel = taskPane().getByRole("region", { name: "Hospital schedules" });

    await panel.getByLabel("MS-DRG weights file").setInputFiles(DRG_FILE);
    const weights = panel.getByRole("group", { name: "MS-DRG weights" });
    await visible(weights.getByLabel("MS-DRG weights summary"));
    expect(await weights.getByLabel("MS-DRG weights summary").textContent()).toContain("FY2026");
    await weights.getByRole("button", { name: "Import MS-DRG weights" }).click();
    await visible(weights.getByText("Done", { exact: true }), 120_000);

    await panel.getByLabel("Addendum B file").setInputFiles(ADDENDUM_B_FILE);
    const addendumB = panel.getByRole("group", { name: "OPPS Addendum B" });
    await visible(addendumB.getByLabel("Addendum B summary"));
    expect(await addendumB.getByLabel("Addendum B summary").textContent()).toContain("quarter from 2025-10-01");
    await addendumB.getByRole("button", { name: "Import Addendum B" }).click();
    await visible(addendumB.getByText("Done", { exact: true }), 120_000);
  });

  it("defines a hospital-only contract and its MS-DRG inpatient terms in the Contracts tab", async () => {
    await taskPane().getByRole("tab", { name: "Contracts", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Contracts" });
    await (await visible(panel.getByRole("button", { name: "New contract" }))).click();
    const version = panel.getByRole("form", { name: "New contract version" });
    await field(version, "Contract Name").fill(CONTRACT);
    await field(version, "Payer").fill("Cedar Health");
    await field(version, "Effective Start Date").fill("2025-01-01");
    await field(version, "Method").selectOption("None (hospital terms only)");
    await version.getByRole("button", { name: "Save version" }).click();
    await visible(panel.getByText(/Saved row \d+ of PayerContracts/));

    const contract = await visible(panel.getByRole("listitem", { name: CONTRACT }));
    await contract.getByRole("button", { name: "Add inpatient terms" }).click();
    const terms = panel.getByRole("form", { name: "New inpatient terms" });
    expect(await field(terms, "Contract Name").inputValue()).toBe(CONTRACT);
    await field(terms, "Effective Start Date").fill("2025-01-01");
    await field(terms, "Inpatient Method").selectOption("MS-DRG");
    await field(terms, "Base Rate").fill(BASE_RATE);
    await terms.getByRole("button", { name: "Save terms" }).click();

    await visible(panel.getByText(/Saved row \d+ of InpatientTerms \(sheet Inpatient Terms\)/));
    const saved = await visible(panel.getByRole("listitem", { name: CONTRACT }));
    await visible(saved.getByRole("listitem", { name: "Inpatient terms from 2025-01-01" }));
  });

  it("prices a stay under the new contract in a PAYER.INPATIENT_PAYMENT formula typed into a sheet", async () => {
    const target = await playground.blankCellIn("Claims", 2);

    await cellAt(target).click();
    await playground.page.keyboard.type(
      `=PAYER.INPATIENT_PAYMENT("${CONTRACT}", "${DRG}", "2025-11-02", "2025-11-05", 42000)`,
    );
    await playground.page.keyboard.press("Enter");

    // An error value ("#N/A") is an answer too: the test then fails showing it rather than timing out.
    const shown = await playground.textWhen(cellAt(target), (text) => text.includes(EXPECTED) || text.startsWith("#"));
    expect(shown).toContain(EXPECTED);
    await cellAt(target).click();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
