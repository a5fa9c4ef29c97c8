/**
 * The uplift model in the playground, in a real Chromium: from the sample claims, the Uplift model tab builds the
 * default two-scenario model, and the model sheet shows the engine's totals.
 */
import { existsSync } from "fs";
import path from "path";
import { buildUpliftModel, MODEL_ROWS, type BuiltUpliftModel } from "../../src/excel/upliftModel";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { aModelRequest } from "../excel/upliftModel/support";
import { ROOT, usePlaygroundPage } from "./support/playground";

const SCREENSHOT = path.join(ROOT, "test-results", "uplift-model.png");

/** The same model built in this process, through the engine: the numbers the page must show. */
let expected: BuiltUpliftModel;

beforeAll(async () => {
  const reference = await buildUpliftModel(new WorkbookSimulator(buildSampleWorkbook()).excel, aModelRequest());
  if (!reference.ok) throw new Error(`the reference model failed: ${reference.issue.code}`);
  expected = reference.value;
});

const playground = usePlaygroundPage();
const { problems, taskPane, cellAt } = playground;

const money = (dollars: number) => dollars.toLocaleString("en-US", { style: "currency", currency: "USD" });

describe("the uplift model in the playground", () => {
  it("builds the default two-scenario model from the sample claims", async () => {
    await taskPane().getByRole("tab", { name: "Uplift model", exact: true }).click();
    const panel = taskPane().getByRole("region", { name: "Uplift model" });
    const codeColumn = panel.getByLabel("HCPCS/CPT code");
    await codeColumn.waitFor({ state: "visible", timeout: 30_000 });
    for (let i = 0; i < 100 && (await codeColumn.inputValue()) !== "HCPCS Code"; i++)
      await playground.page.waitForTimeout(100);
    expect(await codeColumn.inputValue()).toBe("HCPCS Code");
    expect(await panel.getByLabel("Scenario name").nth(0).inputValue()).toBe("5% on top 20");
    expect(await panel.getByLabel("Scenario name").nth(1).inputValue()).toBe("3% across the board");

    await panel.getByRole("button", { name: "Build model" }).click();

    await panel.getByText("Done", { exact: true }).waitFor({ state: "visible", timeout: 120_000 });
    expect(await panel.textContent()).toContain(`Built sheet "Uplift Model"`);
  });

  it("shows the model sheet with the engine's totals for each scenario", async () => {
    const sheetTab = playground.page.getByRole("tab", { name: "Uplift Model", exact: true });
    await sheetTab.waitFor({ state: "visible", timeout: 30_000 });
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    const row = MODEL_ROWS.firstScenario + 1;
    expect(await cellAt("B6").textContent()).toBe(money(expected.currentTotal));
    expect(await cellAt(`A${row}`).textContent()).toBe("5% on top 20");
    expect(await cellAt(`B${row}`).textContent()).toBe(money(expected.scenarios[0]!.delta));
    expect(await cellAt(`G${row}`).textContent()).toBe(money(expected.scenarios[0]!.newTotal));
    expect(await cellAt(`A${row + 1}`).textContent()).toBe("3% across the board");
    expect(await cellAt(`B${row + 1}`).textContent()).toBe(money(expected.scenarios[1]!.delta));
  });

  it("looks presentable (screenshot in test-results/uplift-model.png)", async () => {
    await cellAt("A1").click();
    await taskPane().getByText("Done", { exact: true }).scrollIntoViewIfNeeded();
    await playground.screenshot(SCREENSHOT);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
