/**
 * Shared by the task pane's specifications: the real App rendered on the workbook simulator with one tab selected,
 * files chosen as the browser hands them over, and the small workbook a user starts from.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { readFileSync } from "fs";
import path from "path";
import type { ExcelGateway } from "../../src/excel/core/excelGateway";
import type { WorkbookSnapshot } from "../../src/playground/simulator";
import { App } from "../../src/taskpane/App";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");

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
