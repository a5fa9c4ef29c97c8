/**
 * The playground in a real Chromium: `npm start -- --playground` serves it, and the page must show the sample
 * workbook, run the real task pane against it, compute what the user types, and stay entirely on this machine.
 */
import { spawn, type ChildProcess } from "child_process";
import { existsSync, mkdirSync } from "fs";
import path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..");
const SCREENSHOT = path.join(ROOT, "test-results", "playground.png");
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Flags for a headless Chromium in a container: no sandbox, GPU or background traffic of its own. */
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
/** Console errors, page errors and requests to other hosts, each a line; the page must produce none. */
const problems: string[] = [];

/** Starts `npm start -- --playground` on a free port and resolves with the URL it prints. */
function startPlayground(): Promise<string> {
  const child = spawn(process.execPath, [path.join("scripts", "start.js"), "--playground", "--port", "0"], {
    cwd: ROOT,
    detached: true, // its own process group, so afterAll can stop webpack and everything it started
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
  // Its defaults relax web security for Lambda scraping; the playground must run under the normal rules and its CSP.
  const relaxed = new Set(["--disable-web-security", "--allow-running-insecure-content"]);
  const args = (sparticuz.args as string[]).filter((arg) => !relaxed.has(arg));
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: [...args, ...CHROMIUM_FLAGS] });
}

/** The grid cell at an A1 address. */
const cellAt = (address: string) => page.locator(`[role="gridcell"][data-address="${address}"]`);

/** Column letters of the header cell in row 1 whose text is `header`. */
async function columnOf(header: string): Promise<string> {
  const address = await page
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

/** Selects a cell, types into it as a user would, and presses Enter. */
async function typeIntoCell(address: string, input: string): Promise<void> {
  await cellAt(address).click();
  await page.keyboard.type(input);
  await page.keyboard.press("Enter");
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
  // Nothing may leave the machine: record and refuse any request to another host.
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

describe("the playground", () => {
  it("opens on the sample workbook's Claims sheet", async () => {
    await expectVisible(page.getByRole("tab", { name: "Claims" }));
    expect(await page.getByRole("tab", { name: "Claims" }).getAttribute("aria-selected")).toBe("true");
    await expectVisible(page.locator('[role="gridcell"][data-row="0"]', { hasText: /^HCPCS Code$/ }));
    expect(await page.getByRole("tab").allTextContents()).toEqual(
      expect.arrayContaining(["Claims", "Contracts", "Medicare 2025"]),
    );
  });

  it("runs the task pane beside the grid, listing the workbook's tables", async () => {
    const pane = page.getByRole("complementary", { name: "Task pane" });
    await expectVisible(pane.getByRole("heading", { name: "Payer Contracts" }));
    await expectVisible(pane.getByRole("listitem", { name: "Claims" }));
    expect(await pane.getByRole("listitem", { name: "Claims" }).textContent()).toMatch(/Sheet Claims/);
  });

  it("computes a formula typed into an empty cell and shows it in the formula bar", async () => {
    const header = await page.locator('[role="gridcell"][data-row="0"]').allTextContents();
    const blank = `${columnLetters(header.findIndex((text) => text === ""))}2`;

    await typeIntoCell(blank, "=2*21");

    await expectText(cellAt(blank), "42");
    await cellAt(blank).click();
    expect(await page.getByTestId("name-box").inputValue()).toBe(blank);
    expect(await page.getByTestId("formula-bar").inputValue()).toBe("=2*21");
  });

  it("sums sample claims and recalculates the sum when one of them is edited", async () => {
    const charges = await columnOf("Charge Amount");
    const header = await page.locator('[role="gridcell"][data-row="0"]').allTextContents();
    const target = `${columnLetters(header.findIndex((text) => text === ""))}3`;
    const shown = async (row: number) => shownNumber((await cellAt(`${charges}${row}`).textContent()) ?? "");
    const expected = (await shown(2)) + (await shown(3)) + (await shown(4));

    await typeIntoCell(target, `=SUM(${charges}2:${charges}4)`);
    expect(await waitForNumber(target, expected)).toBeCloseTo(expected, 2);
    await cellAt(target).click();
    expect(await page.getByTestId("formula-bar").inputValue()).toBe(`=SUM(${charges}2:${charges}4)`);

    await typeIntoCell(`${charges}2`, "1000");
    const updated = 1000 + (await shown(3)) + (await shown(4));
    expect(await waitForNumber(target, updated)).toBeCloseTo(updated, 2);
  });

  it("looks like a spreadsheet (screenshot in test-results/playground.png)", async () => {
    await cellAt("A1").click();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("logs no errors and sends nothing to another host", () => {
    expect(problems).toEqual([]);
  });
});

/** "A".."Z", "AA".. for a 0-based column index. */
function columnLetters(column: number): string {
  if (column < 0) throw new Error("no blank column in row 1");
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

async function expectVisible(locator: ReturnType<Page["locator"]>): Promise<void> {
  await locator.waitFor({ state: "visible", timeout: 30_000 });
}

async function expectText(locator: ReturnType<Page["locator"]>, text: string): Promise<void> {
  await expectTextMatching(locator, (shown) => shown === text);
  expect(await locator.textContent()).toBe(text);
}

async function expectTextMatching(locator: ReturnType<Page["locator"]>, accept: (text: string) => boolean) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !accept((await locator.textContent()) ?? "")) await page.waitForTimeout(100);
}

/** Waits up to 10 s for the cell to show `expected`, and returns the number it shows. */
async function waitForNumber(address: string, expected: number): Promise<number> {
  await expectTextMatching(cellAt(address), (text) => Math.abs(shownNumber(text) - expected) < 0.005);
  return shownNumber((await cellAt(address).textContent()) ?? "");
}
