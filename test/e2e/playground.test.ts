/**
 * The playground in a real Chromium: `npm start -- --playground` serves it, and the page must show the sample
 * workbook, run the real task pane against it, compute what the user types, and stay entirely on this machine.
 */
import { existsSync } from "fs";
import path from "path";
import type { Locator } from "playwright-core";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "playground.png");

const playground = usePlaygroundPage();
const { problems, cellAt, typeIntoCell, textWhen, visible: expectVisible } = playground;

/** Column letters of the header cell in row 1 whose text is `header`. */
async function columnOf(header: string): Promise<string> {
  const address = await playground.page
    .locator('[role="gridcell"][data-row="0"]', { hasText: new RegExp(`^${header}$`) })
    .first()
    .getAttribute("data-address");
  if (address === null) throw new Error(`No header "${header}" in row 1`);
  return address.replace(/\d+$/, "");
}

/** A number as the grid shows it ("$1,234.50", "(12.00)", "42"). */
function shownNumber(text: string): number {
  const negative = /^\(.*\)$/.test(text.trim()) || text.trim().startsWith("-");
  const magnitude = Number(text.replace(/[^0-9.]/g, ""));
  return negative ? -magnitude : magnitude;
}

describe("the playground", () => {
  it("opens on the sample workbook's Claims sheet", async () => {
    // "Claims" exactly: the sample also has a Hospital Claims sheet.
    const claimsTab = playground.page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Claims", exact: true }); // prettier-ignore
    await expectVisible(claimsTab);
    expect(await claimsTab.getAttribute("aria-selected")).toBe("true");
    await expectVisible(playground.page.locator('[role="gridcell"][data-row="0"]', { hasText: /^HCPCS Code$/ }));
    expect(await playground.page.getByRole("tab").allTextContents()).toEqual(
      expect.arrayContaining(["Claims", "Contracts", "Medicare 2025"]),
    );
  });

  it("runs the task pane beside the grid, listing the workbook's tables", async () => {
    const pane = playground.page.getByRole("complementary", { name: "Task pane" });
    await expectVisible(pane.getByRole("heading", { name: "Payer Contracts" }));
    const claimsTable = pane.getByRole("listitem", { name: "Claims", exact: true });
    await expectVisible(claimsTable);
    expect(await claimsTable.textContent()).toMatch(/Sheet Claims/);
  });

  it("computes a formula typed into an empty cell and shows it in the formula bar", async () => {
    const blank = await playground.blankCellIn("Claims", 2);

    await typeIntoCell(blank, "=2*21");

    await expectText(cellAt(blank), "42");
    await cellAt(blank).click();
    expect(await playground.page.getByTestId("name-box").inputValue()).toBe(blank);
    expect(await playground.page.getByTestId("formula-bar").inputValue()).toBe("=2*21");
  });

  it("sums sample claims and recalculates the sum when one of them is edited", async () => {
    const charges = await columnOf("Charge Amount");
    const target = await playground.blankCellIn("Claims", 3);
    const shown = async (row: number) => shownNumber((await cellAt(`${charges}${row}`).textContent()) ?? "");
    const expected = (await shown(2)) + (await shown(3)) + (await shown(4));

    await typeIntoCell(target, `=SUM(${charges}2:${charges}4)`);
    expect(await waitForNumber(target, expected)).toBeCloseTo(expected, 2);
    await cellAt(target).click();
    expect(await playground.page.getByTestId("formula-bar").inputValue()).toBe(`=SUM(${charges}2:${charges}4)`);

    await typeIntoCell(`${charges}2`, "1000");
    const updated = 1000 + (await shown(3)) + (await shown(4));
    expect(await waitForNumber(target, updated)).toBeCloseTo(updated, 2);
  });

  it("looks like a spreadsheet (screenshot in test-results/playground.png)", async () => {
    await cellAt("A1").click();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});

async function expectText(locator: Locator, text: string): Promise<void> {
  await textWhen(locator, (shown) => shown === text);
  expect(await locator.textContent()).toBe(text);
}

/** Waits up to 10 s for the cell to show `expected`, and returns the number it shows. */
async function waitForNumber(address: string, expected: number): Promise<number> {
  await textWhen(cellAt(address), (text) => Math.abs(shownNumber(text) - expected) < 0.005);
  return shownNumber((await cellAt(address).textContent()) ?? "");
}
