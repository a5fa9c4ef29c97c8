/**
 * Issue 16 "Done when", in a real Chromium: in the playground a user reads two hospitals' machine-readable files and
 * a health plan's in-network file in the Benchmarks tab, filtered to a few codes, writes the Benchmarks table, builds
 * the Benchmarks sheet, and a PAYER.MARKET_RATE cell shows the median the engine computes from the same files.
 */
import path from "path";
import { readFileSync } from "fs";
import { Decimal, exactPercentileInc } from "../../src/engine";
import type { MarketRate } from "../../src/formats/priceTransparency/marketRate";
import { readHospitalMrf } from "../../src/formats/priceTransparency/hospitalMrf";
import { readTicInNetwork } from "../../src/formats/priceTransparency/tic";
import { SHARED_DATA } from "../support/sharedData";
import { usePlaygroundPage } from "./support/playground";

/** A file of ../shared/data, which this test needs (CI copies it beside the repository). */
function sharedFile(...parts: string[]): string {
  if (SHARED_DATA === null)
    throw new Error("../shared/data not found beside the repository: the example files are there");
  return path.join(SHARED_DATA, "price-transparency", ...parts);
}
const HOSPITAL_FILES = [sharedFile("hospital-mrf", "V3.0.0_Tall_CSV_Format_Example.csv"), sharedFile("hospital-mrf", "V2.0.0_JSON_Format_Example.json")]; // prettier-ignore
const PLAN_FILE = sharedFile("tic", "in-network-rates-fee-for-service-single-plan-sample.json");
const CODES = ["70551", "27447", "99283"];

/** The rates the readers themselves keep from the three files for CODES. */
async function ratesOfFiles(): Promise<MarketRate[]> {
  const filter = { codes: new Set(CODES) };
  const rates: MarketRate[] = [];
  for (const file of HOSPITAL_FILES) {
    const read = await readHospitalMrf(readFileSync(file, "utf8"), { filter });
    if (!read.ok) throw new Error(`${file} must read`);
    rates.push(...read.value.rates);
  }
  const plan = await readTicInNetwork(readFileSync(PLAN_FILE, "utf8"), filter);
  if (!plan.ok) throw new Error(`${PLAN_FILE} must read`);
  return [...rates, ...plan.value.rates];
}

/** The median of a code's dollar rates, to the cent. */
function medianOf(rates: readonly MarketRate[], code: string): number {
  const dollars = rates.filter((r) => r.code === code && r.unit === "dollars").map((r) => r.rate);
  return exactPercentileInc(dollars, new Decimal("0.5"))!.toDecimalPlaces(2).toNumber();
}

let rates: MarketRate[];

const playground = usePlaygroundPage();
const { problems, taskPane, visible, cellAt } = playground;

describe("market benchmarks from price-transparency files", () => {
  it("reads two hospital files and a plan's in-network file, filtered to the codes typed", async () => {
    rates = await ratesOfFiles();
    await (await visible(taskPane().getByRole("tab", { name: "Benchmarks", exact: true }))).click();
    const panel = taskPane().getByRole("region", { name: "Benchmarks" });
    await panel.getByLabel("Hospital price files").setInputFiles(HOSPITAL_FILES);
    await panel.getByLabel("Health plan in-network files").setInputFiles(PLAN_FILE);
    await panel.getByRole("textbox", { name: "Codes" }).fill(CODES.join(", "));

    await panel.getByRole("button", { name: "Read 3 files" }).click();

    const files = await visible(panel.getByRole("list", { name: "Files read" }), 60_000);
    expect(await files.getByRole("listitem").count()).toBe(3);
    await visible(panel.getByRole("button", { name: `Write ${rates.length} rates` }));
  });

  it("writes the Benchmarks table on its own sheet", async () => {
    const panel = taskPane().getByRole("region", { name: "Benchmarks" });
    await panel.getByRole("button", { name: /^Write \d+ rates$/ }).click();

    await visible(panel.getByText("Done", { exact: true }), 60_000);
    await visible(playground.page.getByRole("tab", { name: "Benchmark Rates", exact: true }));
  });

  it("builds the Benchmarks sheet from the table", async () => {
    const panel = taskPane().getByRole("region", { name: "Benchmarks" });
    await (await visible(panel.getByRole("button", { name: "Build the Benchmarks sheet" }))).click();

    // The sheet's tab, not the task pane's tab of the same name.
    const sheetTabs = playground.page.getByRole("tablist", { name: "Sheets" });
    await visible(sheetTabs.getByRole("tab", { name: "Benchmarks", exact: true }), 60_000);
  });

  it("shows a code's market median in a PAYER.MARKET_RATE cell typed into a sheet", async () => {
    const expected = medianOf(rates, "70551");
    const target = await playground.blankCellIn("Claims", 2);

    await playground.typeIntoCell(target, '=PAYER.MARKET_RATE("70551", 0.5)');

    // An error value is an answer too: the test then fails showing it rather than timing out.
    // The cell has no number format: the grid shows the number as General does (325, 402.5).
    const shown = await playground.textWhen(
      cellAt(target),
      (text) => Number(text) === expected || text.startsWith("#"),
    );
    expect(Number(shown)).toBe(expected);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
