/**
 * Remittance import in the playground, in a real Chromium: the user opens the Remittances panel, picks two 835
 * files, imports them, and measures the denial rate of the new table with a formula typed into the grid.
 *
 * The server and browser helpers below mirror test/e2e/playground.test.ts; they are local because no shared
 * test/e2e/support module existed when this test was written.
 */
import { spawn, type ChildProcess } from "child_process";
import { existsSync, mkdirSync } from "fs";
import path from "path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "x12-835");
const SCREENSHOT = path.join(ROOT, "test-results", "remittance-import.png");
const PREVIEW_SCREENSHOT = path.join(ROOT, "test-results", "remittance-preview.png");
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
/** Console errors, page errors and requests to other hosts; the page must produce none. */
const problems: string[] = [];

/** Starts `npm start -- --playground` on a free port and resolves with the URL it prints. */
function startPlayground(): Promise<string> {
  const child = spawn(process.execPath, [path.join("scripts", "start.js"), "--playground", "--port", "0"], {
    cwd: ROOT,
    detached: true, // its own process group, so afterAll stops webpack and everything it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`No playground URL after 180 s. Output:\n${output}`)), 180_000);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Playground: (http:\/\/localhost:\d+\/playground\.html)/.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on("data", onOutput);
    child.stderr?.on("data", onOutput);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The playground server exited (${code}) before printing its URL. Output:\n${output}`));
    });
  });
}

/** Stops the server's whole process group, forcefully if it has not exited within 5 s. */
async function stopPlayground(): Promise<void> {
  const child = server;
  if (child?.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") process.kill(-child.pid, "SIGKILL");
}

/** The Debian package's Chromium where installed, else the one @sparticuz/chromium ships; never a download. */
async function launchChromium(): Promise<Browser> {
  if (existsSync("/usr/bin/chromium")) {
    return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  }
  const packaged = require("@sparticuz/chromium");
  const sparticuz = packaged.default ?? packaged;
  const relaxed = new Set(["--disable-web-security", "--allow-running-insecure-content"]);
  const args = (sparticuz.args as string[]).filter((arg) => !relaxed.has(arg));
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: [...args, ...CHROMIUM_FLAGS] });
}

const cellAt = (address: string) => page.locator(`[role="gridcell"][data-address="${address}"]`);
const taskPane = () => page.getByRole("complementary", { name: "Task pane" });

async function typeIntoCell(address: string, input: string): Promise<void> {
  await cellAt(address).click();
  await page.keyboard.type(input);
  await page.keyboard.press("Enter");
}

async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "visible", timeout: 30_000 });
}

/** Waits up to 10 s for the locator's text to satisfy `accept`, and returns the text. */
async function textWhen(locator: Locator, accept: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  let text = (await locator.textContent()) ?? "";
  while (Date.now() < deadline && !accept(text)) {
    await page.waitForTimeout(100);
    text = (await locator.textContent()) ?? "";
  }
  return text;
}

beforeAll(async () => {
  const url = await startPlayground();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()}`));
  await page.route(
    (requested) => !LOCAL_HOSTS.has(requested.hostname) && requested.protocol.startsWith("http"),
    async (route) => {
      problems.push(`request to another host: ${route.request().url()}`);
      await route.abort();
    },
  );
  await page.goto(url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stopPlayground();
});

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
    await page.waitForTimeout(500); // let the accordion finish opening before the picture
    mkdirSync(path.dirname(PREVIEW_SCREENSHOT), { recursive: true });
    await taskPane().screenshot({ path: PREVIEW_SCREENSHOT });
  });

  it("imports them into a new Remittances sheet, shown in the grid", async () => {
    await taskPane().getByRole("button", { name: "Import 12 lines" }).click();

    await expectVisible(taskPane().getByText("Done", { exact: true }));
    const sheetTab = page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Remittances" });
    await expectVisible(sheetTab);
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    await expectVisible(page.locator('[role="gridcell"][data-row="0"]', { hasText: /^Adjustment Codes$/ }));
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
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(await page.getByTestId("formula-bar").inputValue()).toBe(
      "=PAYER.DENIAL_RATE(Remittances[Outcome])",
    );
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});
