/**
 * Issue 13 "Done when", in a real Chromium: a long operation (importing CMS's full 2025 PPRRVU file, 19,090 rows
 * written 5,000 at a time, for a locality the sample has not imported) paints its progress bar as it advances, with
 * counts, and a click on Cancel stops it before anything reaches the user's workbook: the same sheets, and the same
 * MedicareSchedules rows, as before.
 */
import { existsSync } from "fs";
import path from "path";
import { ROOT, usePlaygroundPage } from "./support/playground";

const CMS_PFS_2025 = path.join(ROOT, "..", "shared", "data", "cms-pfs", "2025-rvu25d");
const PPRRVU = path.join(CMS_PFS_2025, "PPRRVU2025_Oct.csv");
const GPCI = path.join(CMS_PFS_2025, "GPCI2025.csv");
/** The sample workbook registers Houston; Manhattan is new, so the import would add a sheet and a registry row. */
const LOCALITY = "13202-01";
const LOCALITY_NAME = "MANHATTAN";

const playground = usePlaygroundPage();
const { problems, taskPane, visible, cellAt } = playground;

/** What the user can see of the workbook: its sheet tabs, and the first rows of MedicareSchedules. */
async function workbookSeen(): Promise<{ readonly sheets: string[]; readonly registry: string[] }> {
  const page = playground.page;
  await visible(page.getByRole("tab", { name: "Medicare Schedules", exact: true }));
  const sheets = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allTextContents();
  await page.getByRole("tab", { name: "Medicare Schedules", exact: true }).click();
  const registry = await Promise.all(
    ["A1", "A2", "B2", "C2", "A3", "B3", "A4"].map(async (address) => (await cellAt(address).textContent()) ?? ""),
  );
  await page.getByRole("tab", { name: "Claims", exact: true }).click();
  return { sheets, registry };
}

describe("a long operation's progress and Cancel", () => {
  let before: Awaited<ReturnType<typeof workbookSeen>>;

  it("has CMS's full relative value file to import", () => {
    expect(existsSync(PPRRVU) && existsSync(GPCI)).toBe(true);
  });

  it("is ready to import a Medicare schedule for a new locality", async () => {
    before = await workbookSeen();
    expect(before.sheets).toContain("Medicare Schedules");

    await taskPane().getByRole("tab", { name: "Medicare schedule", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Medicare schedule" });
    await panel.getByLabel("PPRRVU file").setInputFiles(PPRRVU);
    await panel.getByLabel("GPCI file").setInputFiles(GPCI);
    const locality = await visible(panel.getByRole("combobox", { name: "Locality" }));
    await locality.click();
    await playground.page.keyboard.type(LOCALITY);
    await playground.page.keyboard.press("ArrowDown");
    await playground.page.keyboard.press("Enter");
    expect(await locality.inputValue()).toContain(LOCALITY_NAME);

    await visible(panel.getByRole("button", { name: "Import schedule" }));
    expect(await panel.getByRole("button", { name: "Import schedule" }).isEnabled()).toBe(true);
  });

  it("paints the progress bar advancing at least twice, with counts, then stops on Cancel", async () => {
    const page = playground.page;
    const panel = taskPane().getByRole("region", { name: "Medicare schedule" });
    // Sampled on animation frames, so only what the browser really painted is seen: the bar's value and its counts.
    const watching = page.waitForFunction(
      () => {
        const painted = ((window as unknown as { painted?: { value: number; hint: string }[] }).painted ??= []);
        const bar = document.querySelector('[role="progressbar"][aria-label="Writing the Medicare schedule"]');
        const value = Number(bar?.getAttribute("aria-valuenow") ?? NaN);
        const hint = bar?.closest(".fui-Field")?.querySelector(".fui-Field__validationMessage")?.textContent ?? "";
        if (Number.isFinite(value) && value !== painted[painted.length - 1]?.value) painted.push({ value, hint });
        if (painted.length < 2) return false;
        const cancel = bar!.closest(".fui-Field")!.parentElement!.querySelector("button")!.getBoundingClientRect();
        return { painted, cancelAt: { x: cancel.left + cancel.width / 2, y: cancel.top + cancel.height / 2 } };
      },
      undefined,
      { polling: "raf", timeout: 120_000 },
    );

    // As on a slower laptop: each 5,000-row request then takes seconds, time enough for a click between two of them
    // (on this machine the whole import can end within one click's round trip).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
    let painted: { value: number; hint: string }[];
    try {
      await panel.getByRole("button", { name: "Import schedule" }).click();
      const seen = (await (await watching).jsonValue()) as {
        painted: typeof painted;
        cancelAt: { x: number; y: number };
      };
      painted = seen.painted;
      // A real mouse click where Cancel was painted, at once: the locator's click waits for frames the busy page
      // gives only between requests, and by then the import may be over.
      await page.mouse.click(seen.cancelAt.x, seen.cancelAt.y);
    } finally {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    }

    const [first, second] = painted;
    expect(first!.value).toBeGreaterThan(0);
    expect(second!.value).toBeGreaterThan(first!.value);
    expect(second!.value).toBeLessThan(1);
    expect(first!.hint).toMatch(/^[\d,]+ of 19,090 rows/);
    expect(second!.hint).toMatch(/^[\d,]+ of 19,090 rows/);
    const notice = await visible(panel.getByText("Cancelled", { exact: true }), 120_000);
    expect(await notice.locator("..").textContent()).toContain("Nothing was changed: the workbook is as it was.");
  });

  it("leaves the workbook as it was: the same sheets, the same MedicareSchedules rows", async () => {
    expect(await workbookSeen()).toEqual(before);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
