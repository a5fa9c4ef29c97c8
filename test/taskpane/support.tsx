/**
 * Shared by the task pane's specifications: the real App rendered on the workbook simulator with one tab selected,
 * files chosen as the browser hands them over, and the small workbook a user starts from.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "fs";
import path from "path";
import type { ExcelGateway } from "../../src/excel/core/excelGateway";
import type { WorkbookSimulator, WorkbookSnapshot } from "../../src/playground/simulator";
import { App } from "../../src/taskpane/App";
import { TASK_PANE_PANELS } from "../../src/taskpane/panels";
import { excelBeforeEachSync } from "../support/excelRequests";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");

// Each tab's code fetched before any test opens a tab, as in a pane whose tabs have all been opened once, so that a
// tab shows at once (test/taskpane/lazyPanel.test.tsx covers the first opening, while the code arrives).
beforeAll(() => Promise.all(TASK_PANE_PANELS.map((panel) => panel.load?.())));

/** Renders the task pane on `excel` (a simulator's, or one wrapped around it) and selects the tab named `tab`. */
export function openTab(excel: ExcelGateway, tab: string): void {
  render(<App excel={excel} />);
  fireEvent.click(screen.getByRole("tab", { name: tab }));
}

/** {@link openTab}, then the panel's region, which bears the tab's name. */
export function openPanel(excel: ExcelGateway, tab: string): Promise<HTMLElement> {
  openTab(excel, tab);
  return screen.findByRole("region", { name: tab });
}

/**
 * A chosen file as the browser gives it, with the bytes of test/fixtures/<folder>/<fixture>, named `name` (the
 * fixture's own name unless told) and, optionally, claiming a size it does not have.
 */
export function aFixtureFile(
  folder: string,
  fixture: string,
  options: { name?: string; claimedSize?: number } = {},
): File {
  const file = new File([readFileSync(path.join(FIXTURES, folder, fixture))], options.name ?? fixture);
  if (options.claimedSize !== undefined) Object.defineProperty(file, "size", { value: options.claimedSize });
  return file;
}

/** The workbook a user starts from: a Claims sheet of one claim line, in a Claims table unless `table` is false. */
export function oneClaimWorkbook({ table = true }: { table?: boolean } = {}): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Claims",
        cells: [
          ["Claim ID", "HCPCS Code"],
          ["C-1001", "99213"],
        ],
        ...(table ? { tables: [{ name: "Claims", address: "A1:B2" }] } : {}),
      },
    ],
  };
}

/** The simulator's Excel with a hand on its requests, for following an operation while it runs. */
export interface HeldExcel {
  readonly excel: ExcelGateway;
  /** Holds the next request sent until `release()`; `sent` resolves once that request is on its way. */
  holdNextRequest(): { readonly sent: Promise<void>; readonly release: () => void };
}

/** The simulator's Excel, able to hold one request (as a slow Excel would) while the test clicks Cancel. */
export function heldExcel(simulator: WorkbookSimulator): HeldExcel {
  let requests = 0;
  let hold: { readonly at: number; readonly sent: () => void; readonly gate: Promise<void> } | null = null;
  const excel = excelBeforeEachSync(simulator, (request) => {
    requests = request;
    if (hold === null || request !== hold.at) return undefined;
    hold.sent();
    return hold.gate;
  });
  return {
    excel,
    holdNextRequest() {
      let release = (): void => undefined;
      let markSent = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const sent = new Promise<void>((resolve) => (markSent = resolve));
      hold = { at: requests + 1, sent: markSent, gate };
      return { sent, release };
    },
  };
}

/**
 * Clicks `start` with the operation's first request held, checks that the pane shows the progress bar named
 * `progress` with a Cancel button meanwhile, clicks Cancel, lets the request go, and resolves with the text of the
 * notice the operation ends with (in `where`).
 */
export async function cancelWhileItRuns(
  held: HeldExcel,
  where: HTMLElement,
  start: HTMLElement,
  progress: string,
): Promise<string> {
  const { sent, release } = held.holdNextRequest();
  fireEvent.click(start);
  await act(async () => sent);
  expect(within(where).getByRole("progressbar", { name: progress })).toBeInTheDocument();
  const cancel = within(where).getByRole("button", { name: "Cancel" });
  expect(cancel).toBeEnabled();
  fireEvent.click(cancel);
  expect(cancel).toBeDisabled();
  await act(async () => release());
  const title = await within(where).findByText("Cancelled", {}, { timeout: 30_000 });
  return title.parentElement?.textContent ?? "";
}
