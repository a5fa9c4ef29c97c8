// The Remittances panel in jsdom: files chosen as the browser hands them over (File objects built from the real
// fixture bytes), the preview, and the import into the workbook simulator.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt } from "../../playground/simulator/helpers";
import { aFixtureFile, oneClaimWorkbook, openTab } from "../support";

/** A chosen file with the bytes of an 835 in test/fixtures/x12-835 (and, optionally, a size it claims). */
const aFile = (name: string, claimedSize?: number) => aFixtureFile("x12-835", name, { claimedSize });

/**
 * The simulator's Excel with a gate: once `holdRequest(n)` is called, the n-th batch from then on waits until
 * `release()`, so a test can act (click Cancel) while a write is in the middle.
 */
function gatedExcel(simulator: WorkbookSimulator) {
  let countdown = -1;
  let opened: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const excel: ExcelGateway = {
    run: async (batch) => {
      if (countdown > 0 && --countdown === 0) await gate;
      return simulator.excel.run(batch);
    },
  };
  return {
    excel,
    holdRequest(n: number) {
      countdown = n;
      gate = new Promise<void>((resolve) => (opened = resolve));
    },
    release: () => opened(),
  };
}

/** The task pane on `excel`, with the Remittances tab selected. */
function openRemittances(excel: ExcelGateway) {
  openTab(excel, "Remittances");
}

/** Chooses files in the file picker, as the browser reports them; resolves once the preview lists them. */
async function choose(...files: File[]) {
  fireEvent.change(screen.getByLabelText("835 remittance files"), { target: { files } });
  return screen.findByRole("list", { name: "Chosen files" });
}

describe("the task pane's Remittances panel", () => {
  it("previews each chosen file: interchanges, claims, lines and denied lines", async () => {
    openRemittances(new WorkbookSimulator(oneClaimWorkbook()).excel);

    const list = await choose(aFile("emedny_sample.835"), aFile("tigershark_4010_out_of_balance.835"));

    const emedny = within(list).getByRole("listitem", { name: "emedny_sample.835" });
    expect(within(emedny).getByLabelText("Contents")).toHaveTextContent("1 interchange3 claims10 lines4 denied");
    expect(emedny).toHaveTextContent("No warnings");
    const tigershark = within(list).getByRole("listitem", { name: "tigershark_4010_out_of_balance.835" });
    expect(tigershark).toHaveTextContent("2 lines");
  });

  it("lists a file's warnings in plain words, then with their segment position, when expanded", async () => {
    openRemittances(new WorkbookSimulator(oneClaimWorkbook()).excel);
    const list = await choose(aFile("tigershark_4010_out_of_balance.835"));
    const file = within(list).getByRole("listitem", { name: "tigershark_4010_out_of_balance.835" });

    fireEvent.click(within(file).getByRole("button", { name: "1 warning" }));

    const warnings = within(file).getByRole("list", { name: "Warnings" });
    expect(within(warnings).getAllByRole("listitem")[0]).toHaveTextContent(
      /^The payment total differs from the claims it pays\. EDI detail: Segment \d+ \([A-Z0-9]+, line \d+/,
    );
  });

  it("shows why a file is refused, and still imports the others", async () => {
    openRemittances(new WorkbookSimulator(oneClaimWorkbook()).excel);

    const list = await choose(aFile("error.x12-837-claim-not-remittance.835"), aFile("emedny_sample.835"));

    expect(within(list).getByRole("listitem", { name: "error.x12-837-claim-not-remittance.835" })).toHaveTextContent(
      "Not importedThis X12 file holds 837 (health care claims), not an 835 remittance.",
    );
    expect(screen.getByRole("button", { name: "Import 10 lines" })).toBeEnabled();
  });

  it("refuses a file over the size limit before reading it, with its size and the limit", async () => {
    openRemittances(new WorkbookSimulator(oneClaimWorkbook()).excel);

    const list = await choose(aFile("emedny_sample.835", 150_000_000));

    expect(within(list).getByRole("listitem", { name: "emedny_sample.835" })).toHaveTextContent(
      "The file is 150.0 MB; 835 files over 100 MB are refused.",
    );
    expect(screen.queryByRole("button", { name: /^Import/ })).not.toBeInTheDocument();
  });

  it("imports the accepted files into a new sheet named Remittances, once", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    openRemittances(simulator.excel);
    await choose(aFile("emedny_sample.835"), aFile("tigershark_4010_out_of_balance.835"));
    expect(screen.getByRole("textbox", { name: "New sheet" })).toHaveValue("Remittances");

    fireEvent.click(screen.getByRole("button", { name: "Import 12 lines" }));

    expect(await screen.findByText("Done")).toBeInTheDocument();
    expect(screen.getByText(/Imported 12 lines from 2 files into table Remittances/)).toBeInTheDocument();
    expect(screen.getByText("=PAYER.DENIAL_RATE(Remittances[Outcome])")).toBeInTheDocument();
    expect(simulator.tables()).toContainEqual({ name: "Remittances", sheet: "Remittances", address: "A1:AK13" });
    expect(cellAt(simulator, "Remittances", "Q6").value).toBe("CO-29");
    expect(screen.queryByRole("button", { name: "Import 12 lines" })).not.toBeInTheDocument();
  });

  it("offers a new name for the next import, once the first took Remittances", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    openRemittances(simulator.excel);
    await choose(aFile("emedny_sample.835"));
    fireEvent.click(screen.getByRole("button", { name: "Import 10 lines" }));
    await screen.findByText("Done");

    await choose(aFile("tigershark_4010_out_of_balance.835"));

    await waitFor(() => expect(screen.getByRole("textbox", { name: "New sheet" })).toHaveValue("Remittances 2"));
    expect(screen.getByRole("textbox", { name: "Table name" })).toHaveValue("Remittances2");
  });

  it("proposes a free name, and will not import over an existing sheet", async () => {
    const simulator = new WorkbookSimulator({
      sheets: [...oneClaimWorkbook().sheets, { name: "Remittances", cells: [["last month"]] }],
    });
    openRemittances(simulator.excel);
    await choose(aFile("emedny_sample.835"));
    const sheetName = screen.getByRole("textbox", { name: "New sheet" });
    await waitFor(() => expect(sheetName).toHaveValue("Remittances 2"));

    fireEvent.change(sheetName, { target: { value: "remittances" } });

    expect(screen.getByText('A sheet named "Remittances" exists; choose another name.')).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Import 10 lines" })).toBeDisabled();
  });

  it("leaves nothing behind when the user cancels during the write", async () => {
    const simulator = new WorkbookSimulator(oneClaimWorkbook());
    const gated = gatedExcel(simulator);
    openRemittances(gated.excel);
    await choose(aFile("emedny_sample.835"));
    await waitFor(() => expect(screen.getByRole("button", { name: "Import 10 lines" })).toBeEnabled());
    // Requests of the write: look at the workbook, add the hidden staging sheet, then the rows (held).
    gated.holdRequest(3);

    fireEvent.click(screen.getByRole("button", { name: "Import 10 lines" }));
    await waitFor(() => expect(simulator.sheetNames()).toHaveLength(2));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await act(async () => gated.release());

    expect(await screen.findByText("Cancelled")).toBeInTheDocument();
    expect(simulator.sheetNames()).toEqual(["Claims"]);
    expect(simulator.tables().map((t) => t.name)).toEqual(["Claims"]);
  });

  it("shows a progress bar in files while the chosen files are read, and Cancel keeps the files listed before", async () => {
    openRemittances(new WorkbookSimulator(oneClaimWorkbook()).excel);
    await choose(aFile("emedny_sample.835"));
    const browsersReader = globalThis.FileReader;
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    // The browser reading the next file slowly: it starts once the test lets it.
    globalThis.FileReader = class extends browsersReader {
      override readAsArrayBuffer(blob: Blob) {
        markStarted();
        void gate.then(() => super.readAsArrayBuffer(blob));
      }
    };
    try {
      const files = [aFile("tigershark_4010_out_of_balance.835"), aFile("emedny_sample.835", 1_000)];
      fireEvent.change(screen.getByLabelText("835 remittance files"), { target: { files } });
      await act(async () => started);

      const bar = screen.getByRole("progressbar", { name: "Reading the files" });
      expect(bar.closest(".fui-Field")).toHaveTextContent("0 of 2 files");
      fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
      await act(async () => release());

      const title = await screen.findByText("Cancelled");
      expect(title.parentElement).toHaveTextContent(
        "Reading the files was cancelled: choose them again to see what they hold.",
      );
      const list = screen.getByRole("list", { name: "Chosen files" });
      expect(
        within(list)
          .getAllByRole("listitem")
          .map((item) => item.getAttribute("aria-label")),
      ).toEqual(["emedny_sample.835"]);
    } finally {
      globalThis.FileReader = browsersReader;
    }
  });
});
