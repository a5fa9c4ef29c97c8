import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ExcelGateway } from "../../src/excel/core/excelGateway";
import { App } from "../../src/taskpane/App";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../src/playground/simulator";

const snapshot: WorkbookSnapshot = {
  sheets: [
    {
      name: "Claims",
      cells: [
        ["Claim ID", "HCPCS Code", "Charge Amount"],
        ["C-1001", "99213", 145],
        ["C-1002", "20610", 210],
      ],
      tables: [{ name: "Claims", address: "A1:C3" }],
    },
    {
      name: "Contracts",
      cells: [
        ["Contract", "Payer"],
        ["Acme PPO 2025", "Acme Health"],
      ],
      tables: [{ name: "PayerContracts", address: "A1:B2" }],
    },
  ],
};

/** Excel when the request fails, as Office reports it (an OfficeExtension.Error has a code). */
function failingExcel(message: string, code: string): ExcelGateway {
  return { run: () => Promise.reject(Object.assign(new Error(message), { code })) };
}

describe("the task pane's Workbook panel", () => {
  it("lists the workbook's tables with their sheet, row count and columns", async () => {
    render(<App excel={new WorkbookSimulator(snapshot).excel} />);

    const claims = await screen.findByRole("listitem", { name: "Claims" });
    expect(claims).toHaveTextContent("Sheet Claims");
    expect(claims).toHaveTextContent("2 rows");
    expect(claims).toHaveTextContent("Claim ID, HCPCS Code, Charge Amount");
    expect(screen.getByRole("listitem", { name: "PayerContracts" })).toHaveTextContent("1 row");
  });

  it("shows the add-in's name as the pane's heading", async () => {
    render(<App excel={new WorkbookSimulator(snapshot).excel} />);

    expect(screen.getByRole("heading", { level: 1, name: "Payer Contracts" })).toBeInTheDocument();
    await screen.findByRole("list", { name: "Tables" }); // let the first read finish inside the test
  });

  it("says in a message bar that Excel stopped, not Office's own words, when the workbook cannot be read", async () => {
    render(<App excel={failingExcel("The request failed because the workbook is busy.", "GeneralException")} />);

    const title = await screen.findByText("Could not read the workbook");
    expect(title.parentElement).toHaveTextContent(
      "Excel stopped before the workbook could be read: Excel reported an unexpected error (Excel error GeneralException). Nothing was changed.",
    );
    expect(title.parentElement).not.toHaveTextContent("The request failed because the workbook is busy.");
    expect(screen.queryByRole("list", { name: "Tables" })).not.toBeInTheDocument();
  });

  it("shows tables added since it opened when the user clicks Refresh", async () => {
    const simulator = new WorkbookSimulator(snapshot);
    render(<App excel={simulator.excel} />);
    await screen.findByRole("listitem", { name: "Claims" });
    await simulator.excel.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.add("Denials");
      sheet.getRange("A1:B2").values = [
        ["Claim ID", "Adjustment Reason Code"],
        ["C-1002", "CO-50"],
      ];
      sheet.tables.add("Denials!A1:B2", true).name = "Denials";
      await context.sync();
    });

    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));

    const list = await screen.findByRole("list", { name: "Tables" });
    expect(await within(list).findByRole("listitem", { name: "Denials" })).toHaveTextContent("1 row");
  });

  it("says so when the workbook has no tables", async () => {
    render(<App excel={new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] }).excel} />);

    expect(await screen.findByText(/This workbook has no tables yet/)).toBeInTheDocument();
  });
});
