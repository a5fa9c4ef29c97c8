/**
 * Issue 16 "Done when", in a real Chromium: in the playground a user reads two hospitals' machine-readable files and
 * a health plan's in-network file in the Benchmarks tab, filtered to a few codes, and writes the Benchmarks table;
 * the rates the tab offers to write are those the readers give for the same files and codes.
 */
import path from "path";
import { readFileSync } from "fs";
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

/** How many rates the readers themselves keep from the three files for CODES. */
async function ratesOfFiles(): Promise<number> {
  const filter = { codes: new Set(CODES) };
  let count = 0;
  for (const file of HOSPITAL_FILES) {
    const read = await readHospitalMrf(readFileSync(file, "utf8"), { filter });
    if (!read.ok) throw new Error(`${file} must read`);
    count += read.value.rates.length;
  }
  const plan = await readTicInNetwork(readFileSync(PLAN_FILE, "utf8"), filter);
  if (!plan.ok) throw new Error(`${PLAN_FILE} must read`);
  return count + plan.value.rates.length;
}

const playground = usePlaygroundPage();
const { problems, taskPane, visible } = playground;

describe("market benchmarks from price-transparency files", () => {
  it("reads two hospital files and a plan's in-network file, filtered to the codes typed", async () => {
    const expected = await ratesOfFiles();
    await (await visible(taskPane().getByRole("tab", { name: "Benchmarks", exact: true }))).click();
    const panel = taskPane().getByRole("region", { name: "Benchmarks" });
    await panel.getByLabel("Hospital price files").setInputFiles(HOSPITAL_FILES);
    await panel.getByLabel("Health plan in-network files").setInputFiles(PLAN_FILE);
    await panel.getByRole("textbox", { name: "Codes" }).fill(CODES.join(", "));

    await panel.getByRole("button", { name: "Read 3 files" }).click();

    const files = await visible(panel.getByRole("list", { name: "Files read" }), 60_000);
    expect(await files.getByRole("listitem").count()).toBe(3);
    await visible(panel.getByRole("button", { name: `Write ${expected} rates` }));
  });

  it("writes the Benchmarks table on its own sheet", async () => {
    const panel = taskPane().getByRole("region", { name: "Benchmarks" });
    await panel.getByRole("button", { name: /^Write \d+ rates$/ }).click();

    await visible(panel.getByText("Done", { exact: true }), 60_000);
    await visible(playground.page.getByRole("tab", { name: "Benchmark Rates", exact: true }));
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
