// The Fee schedule panel in jsdom: a fixture file chosen as the browser hands it over (a File from its bytes), the
// mapping and problems it shows, a corrected mapping, and the import into the workbook simulator.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "fs";
import path from "path";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt } from "../../playground/simulator/helpers";
import { cancelWhileItRuns, heldExcel, oneClaimWorkbook, openTab } from "../support";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "payer-schedules");

/** A chosen file as the browser gives it, with the fixture's bytes. */
function aFile(
  name: string,
  bytes: Uint8Array<ArrayBuffer> = new Uint8Array(readFileSync(path.join(FIXTURES, name))),
): File {
  return new File([bytes], name);
}

/** The task pane on a simulator, with the Fee schedule tab selected. */
function openFeeSchedule(simulator = new WorkbookSimulator(oneClaimWorkbook())) {
  openTab(simulator.excel, "Fee schedule");
  return simulator;
}

/** Chooses a file in the file picker; resolves once the preview shows its counts. */
async function choose(file: File) {
  fireEvent.change(screen.getByLabelText("Fee schedule file"), { target: { files: [file] } });
  return screen.findByLabelText("Counts");
}

const dropdown = (field: string) => screen.getByRole("combobox", { name: new RegExp(`^${field}`) });

describe("the task pane's Fee schedule panel", () => {
  it("shows the header row it found and the suggested column of each field with its confidence", async () => {
    openFeeSchedule();

    await choose(aFile("banner-rows-odd-headers.csv"));

    expect(screen.getByText("Header found on row 4")).toBeInTheDocument();
    expect(screen.getByRole("spinbutton", { name: "Header row" })).toHaveValue(4);
    expect(dropdown("HCPCS Code")).toHaveDisplayValue("A: CPT/HCPCS Code");
    expect(dropdown("Facility Rate")).toHaveDisplayValue(/^E: Facility/);
    expect(screen.getByText(/^Suggested: A: CPT\/HCPCS Code \(\d+% sure\)$/)).toBeInTheDocument();
  });

  it("lists every problem by row, grouped by severity, with the counts", async () => {
    openFeeSchedule();

    const counts = await choose(aFile("problems-by-row.csv"));

    expect(counts).toHaveTextContent(/^17 rows below the header: \d+ clean, \d+ with errors/);
    const errors = screen.getByRole("list", { name: /^Errors \(\d+\)$/ });
    expect(within(errors).getAllByRole("listitem")[0]).toHaveTextContent(
      'Row 3, column Allowed: "N/A" is not valid; expected a rate in dollars, like 125.00 or $1,234.50.',
    );
    expect(screen.getByRole("list", { name: /^Notes/ })).toHaveTextContent(
      /Row 16, column Description: "=HYPERLINK.*" looks like a formula; it is kept as text/,
    );
  });

  it("imports nothing while errors remain, until the user chooses to skip the rows with errors", async () => {
    openFeeSchedule();
    await choose(aFile("problems-by-row.csv"));
    const importButton = screen.getByRole("button", { name: "Import" });
    expect(importButton).toBeDisabled();

    fireEvent.click(
      screen.getByRole("checkbox", { name: /^Import the \d+ clean rows and skip \d+ rows with errors$/ }),
    );

    expect(importButton).toBeEnabled();
  });

  it("previews again when the user corrects a column in the mapping", async () => {
    openFeeSchedule();
    await choose(aFile("excel-resaved-numeric-codes.csv"));

    fireEvent.change(dropdown("Facility Rate"), { target: { value: "3" } });
    expect(
      await screen.findByText("Column 4 is mapped to Non-Facility Rate and Facility Rate: map each column once."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).not.toBeInTheDocument();

    fireEvent.change(dropdown("Non-Facility Rate"), { target: { value: "" } });

    expect(dropdown("Facility Rate")).toHaveDisplayValue("D: Rate");
    expect(screen.getByLabelText("Counts")).toHaveTextContent(/^6 rows below the header: 5 clean, 1 with errors/);
  });

  it("imports the file into the new sheet and table it names, and says which table a contract should name", async () => {
    const simulator = openFeeSchedule();
    await choose(
      aFile("Acme_PPO_2025_fee_schedule.csv", readFileSync(path.join(FIXTURES, "banner-rows-odd-headers.csv"))),
    );
    expect(screen.getByRole("textbox", { name: "Table name" })).toHaveValue("FS_AcmePPO_2025");
    expect(screen.getByRole("textbox", { name: "Sheet name" })).toHaveValue("FS_AcmePPO_2025");
    fireEvent.change(screen.getByRole("textbox", { name: "Sheet name" }), { target: { value: "Acme PPO 2025" } });

    fireEvent.click(screen.getByRole("button", { name: "Import" }));

    expect(
      await screen.findByText(/^Imported 5 rates into table FS_AcmePPO_2025 on sheet "Acme PPO 2025"/),
    ).toHaveTextContent("enter FS_AcmePPO_2025 in a contract's Fee Schedule column (PayerContracts table).");
    expect(simulator.tables()).toContainEqual({ name: "FS_AcmePPO_2025", sheet: "Acme PPO 2025", address: "A1:H6" });
    expect(cellAt(simulator, "Acme PPO 2025", "A6").value).toBe("J1100");
  });

  it("asks before replacing a sheet of the same name", async () => {
    const simulator = openFeeSchedule();
    await choose(aFile("tab-delimited.tsv"));
    fireEvent.change(screen.getByRole("textbox", { name: "Sheet name" }), { target: { value: "claims" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Table name" }), { target: { value: "FS_Tab" } });

    await waitFor(() => expect(screen.getByRole("button", { name: "Import" })).toBeDisabled());
    fireEvent.click(screen.getByRole("checkbox", { name: 'Replace the existing sheet "Claims" and everything on it' }));
    fireEvent.click(screen.getByRole("button", { name: "Import" }));

    await screen.findByText(/^Imported 3 rates into table FS_Tab/);
    expect(cellAt(simulator, "claims", "A2").value).toBe("99213");
  });

  it("sends an .xls workbook to 'From the workbook' instead of reading it", async () => {
    openFeeSchedule();

    fireEvent.change(screen.getByLabelText("Fee schedule file"), {
      target: { files: [aFile("rates.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))] },
    });

    expect(
      await screen.findByText(
        `"rates.xls" is an Excel workbook: open it in Excel and use 'From the workbook' with the schedule selected.`,
      ),
    ).toBeInTheDocument();
  });

  describe("with an .xlsx file", () => {
    const host = globalThis as unknown as { Office?: unknown };
    /** Office's requirement-set check, answering `supported` for every set. */
    const excelSupporting = (supported: boolean) => {
      const isSetSupported = jest.fn((_name: string, _version?: string) => supported);
      host.Office = { context: { requirements: { isSetSupported } } };
      return isSetSupported;
    };
    afterEach(() => delete host.Office);

    it("refuses it where Excel cannot open .xlsx files from the add-in, and says to import from the workbook", async () => {
      const isSetSupported = excelSupporting(false);
      const simulator = openFeeSchedule();
      const before = simulator.sheetNames();

      fireEvent.change(screen.getByLabelText("Fee schedule file"), {
        target: { files: [aFile("Acme_PPO_2026.xlsx", new Uint8Array([0x50, 0x4b, 3, 4]))] },
      });

      expect(
        await screen.findByText(/^This version of Excel cannot open .xlsx files from the add-in/),
      ).toHaveTextContent(
        `Open "Acme_PPO_2026.xlsx" in Excel, then use 'From the workbook' with the schedule selected.`,
      );
      expect(isSetSupported).toHaveBeenCalledWith("ExcelApi", "1.13");
      expect(simulator.sheetNames()).toEqual(before);
    });
  });

  it("reads a schedule from a table in the workbook", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [
        ...oneClaimWorkbook().sheets,
        {
          name: "Rates",
          cells: [
            ["CPT", "Fee"],
            [99213, 92.14],
            [110, 410.5],
          ],
          tables: [{ name: "AcmeRates", address: "A1:B3" }],
        },
      ],
    });
    openFeeSchedule(simulator);
    fireEvent.click(screen.getByRole("radio", { name: "From the workbook" }));
    const range = await screen.findByRole("combobox", { name: "Range" });
    await waitFor(() =>
      expect(within(range).getByRole("option", { name: "Table AcmeRates (Rates)" })).toBeInTheDocument(),
    );

    fireEvent.change(range, { target: { value: "name:AcmeRates" } });
    fireEvent.click(screen.getByRole("button", { name: "Read the range" }));

    expect(await screen.findByText("Read Rates!A1:B3")).toBeInTheDocument();
    expect(screen.getByLabelText("Counts")).toHaveTextContent(/^2 rows below the header: 2 clean/);
    expect(screen.getByRole("list", { name: "Notes (1)" })).toHaveTextContent("code 110 lost its leading zeros");
  });

  it("shows a progress bar with Cancel while the schedule is written, and a cancelled import changes nothing", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const held = heldExcel(simulator);
    openTab(held.excel, "Fee schedule");
    await choose(
      aFile("Acme_PPO_2025_fee_schedule.csv", readFileSync(path.join(FIXTURES, "banner-rows-odd-headers.csv"))),
    );
    const start = screen.getByRole("button", { name: "Import" });
    await waitFor(() => expect(start).toBeEnabled());
    const before = simulator.describe();

    const ending = await cancelWhileItRuns(held, document.body, start, "Writing the fee schedule");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });

  it("checks a large file in steps with a progress bar in percent, and Cancel stops the check", async () => {
    openFeeSchedule();
    // 80,000 rates (over 1 MB): read and checked in slices that leave the pane responsive.
    const rows = Array.from({ length: 80_000 }, (_, i) => `${String(10_000 + i)},${(50 + (i % 500)).toFixed(2)}`);
    const bytes = new TextEncoder().encode(["CPT Code,Rate", ...rows].join("\n"));
    fireEvent.change(screen.getByLabelText("Fee schedule file"), {
      target: { files: [aFile("Acme_PPO_2025_fee_schedule.csv", bytes as Uint8Array<ArrayBuffer>)] },
    });

    const bar = await screen.findByRole("progressbar", { name: "Checking the schedule" });
    await waitFor(() => expect(bar.closest(".fui-Field")).toHaveTextContent(/Checking the rows: \d+%/), {
      timeout: 30_000,
    });
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));

    expect(
      await screen.findByText("The preview was cancelled: choose the file again to check it."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("progressbar", { name: "Checking the schedule" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Counts")).not.toBeInTheDocument();
  });
});
