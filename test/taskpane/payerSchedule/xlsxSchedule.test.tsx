/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The Fee schedule panel with a payer's .xlsx file read through Excel (the simulator's insertWorksheetsFromBase64,
// which opens the file with exceljs: hence Node's module builds in this jsdom suite).
import { fireEvent, screen } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { saveXlsx } from "../../../src/playground/xlsx";
import { oneClaimWorkbook, openTab } from "../support";

const host = globalThis as unknown as { Office?: unknown };
beforeEach(() => {
  host.Office = { context: { requirements: { isSetSupported: () => true } } };
});
afterEach(() => delete host.Office);

/** The task pane on a simulator, with the Fee schedule tab selected. */
function openFeeSchedule(simulator = new WorkbookSimulator(oneClaimWorkbook())) {
  openTab(simulator.excel, "Fee schedule");
  return simulator;
}

const choose = (file: File) =>
  fireEvent.change(screen.getByLabelText("Fee schedule file"), { target: { files: [file] } });

async function payerXlsx(): Promise<File> {
  const payer = new WorkbookSimulator({
    sheets: [{ name: "Rates", cells: [["CPT", "Fee"], ["00100", 410.5], ["99213", 92.14]], numberFormats: [{ address: "A2:A3", format: "@" }] }], // prettier-ignore
  });
  return new File([(await saveXlsx(payer)).bytes as Uint8Array<ArrayBuffer>], "Acme_PPO_2026.xlsx");
}

describe("the Fee schedule panel with an .xlsx file", () => {
  it("reads its first sheet through Excel into the preview, codes as text, and leaves no sheet behind", async () => {
    const simulator = openFeeSchedule();
    const before = simulator.sheetNames();

    choose(await payerXlsx());

    expect(await screen.findByLabelText("Counts", {}, { timeout: 20_000 })).toHaveTextContent(/^2 rows below the header: 2 clean/); // prettier-ignore
    expect(screen.getByText("Read Acme_PPO_2026!A1:B3")).toBeInTheDocument();
    expect(screen.queryByText(/lost its leading zeros/)).not.toBeInTheDocument();
    expect(simulator.sheetNames()).toEqual(before);
  });

  it("says a damaged or mislabelled file is not a workbook, and changes nothing", async () => {
    const simulator = openFeeSchedule();
    const before = simulator.sheetNames();

    choose(new File([new TextEncoder().encode("CPT,Fee\n99213,92.14\n")], "rates.xlsx"));

    expect(await screen.findByText(/^"rates.xlsx" is not an .xlsx workbook Excel can open/, {}, { timeout: 20_000 })).toBeInTheDocument(); // prettier-ignore
    expect(simulator.sheetNames()).toEqual(before);
  });
});
