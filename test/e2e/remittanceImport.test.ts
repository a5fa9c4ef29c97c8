/**
 * Remittance import in the playground, in a real Chromium: the user opens the Remittances panel, picks two 835
 * files, imports them, and measures the denial rate of the new table with a formula typed into the grid.
 */
import { mkdirSync } from "fs";
import path from "path";
import { ROOT, usePlaygroundPage } from "./support/playground";

const FIXTURES = path.join(ROOT, "test", "fixtures", "x12-835");
const SCREENSHOT = path.join(ROOT, "test-results", "remittance-import.png");
const PREVIEW_SCREENSHOT = path.join(ROOT, "test-results", "remittance-preview.png");

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt, typeIntoCell, textWhen, visible: expectVisible } = playground;

describe("importing 835 remittances in the playground", () => {
  it("previews two chosen 835 files in the Remittances panel (test-results/remittance-preview.png)", async () => {
    await taskPane().getByRole("tab", { name: "Remittances" }).click();

    await taskPane()
      .getByLabel("835 remittance files")
      .setInputFiles([
        path.join(FIXTURES, "emedny_sample.835"),
        path.join(FIXTURES, "tigershark_4010_out_of_balance.835"),
      ]);

    const emedny = taskPane().getByRole("listitem", { name: "emedny_sample.835" });
    await expectVisible(emedny);
    expect(await emedny.textContent()).toMatch(/10 lines.*4 denied/);
    expect(
      await taskPane().getByRole("listitem", { name: "tigershark_4010_out_of_balance.835" }).textContent(),
    ).toMatch(/2 lines.*1 warning/);

    await taskPane().getByRole("button", { name: "1 warning" }).click();
    await expectVisible(taskPane().getByRole("list", { name: "Warnings" }));
    await playground.page.waitForTimeout(500); // let the accordion finish opening before the picture
    mkdirSync(path.dirname(PREVIEW_SCREENSHOT), { recursive: true });
    await taskPane().screenshot({ path: PREVIEW_SCREENSHOT });
  });

  it("imports them into a new Remittances sheet, shown in the grid", async () => {
    await taskPane().getByRole("button", { name: "Import 12 lines" }).click();

    await expectVisible(taskPane().getByText("Done", { exact: true }));
    const sheetTab = playground.page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Remittances" });
    await expectVisible(sheetTab);
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    await expectVisible(playground.page.locator('[role="gridcell"][data-row="0"]', { hasText: /^Adjustment Codes$/ }));
    expect(await cellAt("B13").textContent()).toBe("001-SSSSSSSSSS");
  });

  it("measures the denial rate of the imported lines with =PAYER.DENIAL_RATE typed into the grid", async () => {
    await typeIntoCell("A15", "Denial rate");
    await typeIntoCell("B15", "=PAYER.DENIAL_RATE(Remittances[Outcome])");

    // eMedNY denies 4 of its 10 lines (CO-29, CO-251); the two TigerShark lines are paid.
    const shown = await textWhen(cellAt("B15"), (text) => Math.abs(Number(text) - 4 / 12) < 0.001);
    expect(Number(shown)).toBeCloseTo(4 / 12, 3);
  });

  it("looks presentable (screenshot in test-results/remittance-import.png)", async () => {
    await cellAt("B15").click();
    await playground.screenshot(SCREENSHOT);
    expect(await playground.page.getByTestId("formula-bar").inputValue()).toBe(
      "=PAYER.DENIAL_RATE(Remittances[Outcome])",
    );
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
