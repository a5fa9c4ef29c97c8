/**
 * Shared by the browser end-to-end tests: start the playground server (`npm start -- --playground`) on a free port,
 * launch a local Chromium (never downloaded), and open a page that records errors and refuses other hosts.
 */
import { spawn, type ChildProcess } from "child_process";
import { existsSync, mkdirSync } from "fs";
import path from "path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { columnLetters } from "../../../src/excel/core/columnLetters";

/** The repository's root. */
export const ROOT = path.resolve(__dirname, "..", "..", "..");
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

/** A running playground server. */
export interface PlaygroundServer {
  readonly url: string;
  /** Stops the server's whole process group, forcefully if it has not exited within 5 s. */
  stop(): Promise<void>;
}

/** Set by the e2e project's global setup: one playground server shared by every browser test file. */
export const SHARED_PLAYGROUND_URL = "PAYER_E2E_PLAYGROUND_URL";

/**
 * The playground server for a test file: the one the e2e project's global setup started (so webpack compiles once
 * per run, not once per file), else a server of its own, as `npm start -- --playground` starts it.
 */
export async function startPlayground(): Promise<PlaygroundServer> {
  const shared = process.env[SHARED_PLAYGROUND_URL];
  if (shared !== undefined) return { url: shared, stop: async () => undefined };
  return startPlaygroundServer();
}

/** Starts `npm start -- --playground` on a free port and resolves once it prints its URL. */
export async function startPlaygroundServer(): Promise<PlaygroundServer> {
  const child = spawn(process.execPath, [path.join("scripts", "start.js"), "--playground", "--port", "0"], {
    cwd: ROOT,
    detached: true, // its own process group, so stop() can end webpack and everything it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () => stopProcessGroup(child);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`No playground URL after 180 s. Output:\n${output}`)), 180_000);
      const onOutput = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Playground: (http:\/\/localhost:\d+\/playground\.html)/.exec(output)?.[1];
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout?.on("data", onOutput);
      child.stderr?.on("data", onOutput);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The playground server exited (${code}) before printing its URL. Output:\n${output}`));
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") process.kill(-child.pid, "SIGKILL");
}

/** The Debian package's Chromium where installed, else the one @sparticuz/chromium ships; never a download. */
export async function launchChromium(): Promise<Browser> {
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

/**
 * Opens `url` in a new page that pushes onto `problems` every console error, page error, failed request and
 * request to another host (which it refuses: nothing may leave the machine).
 */
export async function openGuardedPage(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
  return page;
}

/** The page of one browser test file, opened on the playground by {@link usePlaygroundPage}, and ways to use it. */
export interface PlaygroundPage {
  /** The open page; read it inside tests and hooks, after the file's `beforeAll` has opened it. */
  readonly page: Page;
  /** Console errors, page errors, failed requests and requests to other hosts, each a line; must stay empty. */
  readonly problems: string[];
  /** The task pane beside the grid. */
  taskPane(): Locator;
  /** The grid cell at an A1 address. */
  cellAt(address: string): Locator;
  /**
   * Opens the sheet's tab and returns the address, in `row`, of the first column whose row-1 header is blank: a cell
   * where a test types a formula without overwriting the sample's data.
   */
  blankCellIn(sheet: string, row: number): Promise<string>;
  /** Selects a cell, types into it as a user would, and presses Enter. */
  typeIntoCell(address: string, input: string): Promise<void>;
  /** Waits up to `timeout` ms (30 s unless told) for the locator to be visible, and returns it. */
  visible(locator: Locator, timeout?: number): Promise<Locator>;
  /** Waits up to 10 s for the locator's text to satisfy `accept`, and returns the text it shows then. */
  textWhen(locator: Locator, accept: (text: string) => boolean): Promise<string>;
  /** Saves a screenshot of the whole page to `file`, creating its folder. */
  screenshot(file: string): Promise<void>;
}

/**
 * Sets up a browser test file: before its tests, starts (or joins) the playground server, launches Chromium and opens
 * a guarded page on the playground; after them, closes both. Call once at the top level of the file; hooks the file
 * registers before this call (a reference computed in this process, say) run first.
 */
export function usePlaygroundPage(): PlaygroundPage {
  // Webpack's first compile and Chromium's start can take minutes on a busy machine.
  jest.setTimeout(300_000);
  let server: PlaygroundServer | undefined;
  let browser: Browser | undefined;
  let opened: Page | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startPlayground();
    browser = await launchChromium();
    opened = await openGuardedPage(browser, server.url, problems);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const page = (): Page => {
    if (opened === undefined) throw new Error("The playground page is opened in beforeAll; use it inside tests");
    return opened;
  };
  const cellAt = (address: string) => page().locator(`[role="gridcell"][data-address="${address}"]`);
  return {
    get page() {
      return page();
    },
    problems,
    taskPane: () => page().getByRole("complementary", { name: "Task pane" }),
    cellAt,
    blankCellIn: async (sheet, row) => {
      await page().getByRole("tab", { name: sheet, exact: true }).click();
      const header = await page().locator('[role="gridcell"][data-row="0"]').allTextContents();
      const blank = header.findIndex((text) => text === "");
      if (blank < 0) throw new Error(`no blank column in row 1 of ${sheet}`);
      return `${columnLetters(blank)}${row}`;
    },
    typeIntoCell: async (address, input) => {
      await cellAt(address).click();
      await page().keyboard.type(input);
      await page().keyboard.press("Enter");
    },
    visible: async (locator, timeout = 30_000) => {
      await locator.waitFor({ state: "visible", timeout });
      return locator;
    },
    textWhen: async (locator, accept) => {
      const deadline = Date.now() + 10_000;
      let text = (await locator.textContent()) ?? "";
      while (Date.now() < deadline && !accept(text)) {
        await page().waitForTimeout(100);
        text = (await locator.textContent()) ?? "";
      }
      return text;
    },
    screenshot: async (file) => {
      mkdirSync(path.dirname(file), { recursive: true });
      await page().screenshot({ path: file });
    },
  };
}

/** A form's field by its exact label (a required field's label ends in "*"), so "Allowed amount" is not also "Claim allowed amount". */
export function fieldIn(form: Locator, label: string): Locator {
  return form.getByLabel(new RegExp(`^${label}\\*?$`));
}
