/**
 * Issue 17 "Done when", in a real Chromium: in the playground a user walks one negotiation from the Negotiation tab:
 * builds the contract's Negotiation sheet, adds a payer counter-proposal and builds the Proposals sheet, logs a
 * meeting and copies its follow-up text, and builds the executive brief. Screenshots of the sheets and the brief are
 * kept in test-results.
 */
import { existsSync } from "fs";
import path from "path";
import { fieldIn as field, ROOT, usePlaygroundPage } from "./support/playground";

const SHOTS = path.join(ROOT, "test-results");

const playground = usePlaygroundPage();
const { problems, taskPane, visible } = playground;

const panel = () => taskPane().getByRole("region", { name: "Negotiation" });
let contract = "";

/** Waits for a sheet's tab, opens it and keeps a screenshot of the page. */
async function showSheet(name: string, file: string): Promise<void> {
  const tab = await visible(playground.page.getByRole("tab", { name, exact: true }), 120_000);
  await tab.click();
  await playground.screenshot(path.join(SHOTS, file));
  expect(existsSync(path.join(SHOTS, file))).toBe(true);
}

describe("one negotiation, walked from the Negotiation tab", () => {
  it("builds the chosen contract's Negotiation sheet: BATNA, floor, target, opening and the ZOPA", async () => {
    await (await visible(taskPane().getByRole("tab", { name: "Negotiation", exact: true }))).click();
    // The tab's contract choice comes first; the claims groups below have a Contract column field of their own.
    const contractSelect = await visible(panel().getByLabel("Contract", { exact: true }).first(), 60_000);
    // The tab opens on the calendar's first renewal, a hospital contract in the sample; the Negotiation sheet models
    // a professional contract's claims, so the walk takes the sample's professional PPO.
    await contractSelect.selectOption("Acme Health PPO");
    contract = await contractSelect.inputValue();
    expect(contract).toBe("Acme Health PPO");
    // No Benchmarks table in the sample: the payer's likely maximum is entered rather than taken from market p75.
    await panel().getByLabel("Payer's likely maximum, % of current revenue (%)").fill("6");
    const build = panel().getByRole("button", { name: "Build the Negotiation sheet" });
    await playground.page.waitForFunction(
      () =>
        [...document.querySelectorAll("button")].some(
          (b) => b.textContent === "Build the Negotiation sheet" && !b.disabled,
        ),
      undefined,
      { timeout: 60_000 },
    );

    await build.click();

    await showSheet(`Negotiation - ${contract}`.slice(0, 31), "negotiation-sheet.png");
    const zopa = playground.page.locator('[role="gridcell"]', { hasText: /^(Zone of possible agreement|No zone)/ });
    expect(await zopa.count()).toBeGreaterThan(0);
  });

  it("adds a payer counter-proposal through the form and builds the Proposals sheet with it", async () => {
    await panel().getByRole("button", { name: "Add proposal" }).click();
    const form = panel().getByRole("form");
    await field(form, "Proposal").fill("Payer: 2% across the board");
    await field(form, "Party").selectOption("Payer");
    await field(form, "Date").fill("2026-04-02");
    await field(form, "Kind").selectOption("Across the board");
    await field(form, "Uplift %").fill("2%");
    await form.getByRole("button", { name: "Save" }).click();
    const proposals = await visible(panel().getByRole("list", { name: `Proposals of ${contract}` }), 60_000);
    await visible(proposals.getByText(/Payer · Across the board/));

    await panel().getByRole("button", { name: "Build Proposals sheet" }).click();

    await showSheet(`Proposals - ${contract}`.slice(0, 31), "proposals-sheet.png");
    await visible(panel().getByText(/Payer: 2% across the board: \+\$[\d,.]+ in year 1/), 60_000);
  });

  it("logs a meeting and copies its follow-up text", async () => {
    await panel().getByRole("button", { name: "Add log entry" }).click();
    const form = panel().getByRole("form");
    await field(form, "Date").fill("2026-04-02");
    await field(form, "Meeting").fill("Rate meeting");
    await field(form, "Tentative Agreements").fill("E/M codes at 4% over the current rates");
    await form.getByRole("button", { name: "Save" }).click();
    const followUp = await visible(panel().getByLabel("Follow-up text"), 60_000);
    const deadline = Date.now() + 30_000;
    let text = await followUp.inputValue();
    while (!text.startsWith("Per our conversation on April 2, 2026") && Date.now() < deadline) {
      await playground.page.waitForTimeout(200);
      text = await followUp.inputValue();
    }
    expect(text).toMatch(/^Per our conversation on April 2, 2026/);
    expect(text).toContain("E/M codes at 4% over the current rates");

    await panel().getByRole("button", { name: "Copy follow-up" }).click();

    // Headless Chromium may refuse the clipboard: the text is then selected for Ctrl+C. Either way nothing is sent.
    await visible(panel().getByText(/Copied to the clipboard|the text is selected, press Ctrl\+C/));
  });

  it("builds the executive brief from the two sheets, free of PAYER formulas", async () => {
    await panel().getByRole("button", { name: "Build the brief" }).click();

    await showSheet(`Brief - ${contract}`.slice(0, 31), "negotiation-brief.png");
    const zone = playground.page.locator('[role="gridcell"]', { hasText: /^(Zone of agreement|No zone)/ });
    expect(await zone.count()).toBeGreaterThan(0);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
