import { fireEvent, waitFor, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { plantedWorkbook, type Planted } from "../../excel/varianceReview/support";
import { cancelWhileItRuns, heldExcel, openPanel } from "../support";

jest.setTimeout(60_000);

let planted: Planted;
beforeAll(async () => {
  planted = await plantedWorkbook(12);
});

async function openReviewPanel(simulator: WorkbookSimulator) {
  const panel = await openPanel(simulator.excel, "Variance review");
  await within(panel).findByRole("option", { name: `Claims (${planted.rowCount} rows)` });
  await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("HCPCS Code"));
  return panel;
}

describe("the task pane's Variance review panel", () => {
  it("suggests the allowed amount, the denied flag and the contract column from the headers", async () => {
    const panel = await openReviewPanel(new WorkbookSimulator(planted.snapshot));

    expect(within(panel).getByLabelText("Allowed amount")).toHaveValue("Allowed Amount");
    expect(within(panel).getByLabelText("Denied flag")).toHaveValue("Denied Flag");
    expect(within(panel).getByLabelText("Contract")).toHaveValue("Contract Name");
    expect(within(panel).getByLabelText("Dollars")).toHaveValue("1.00");
    expect(within(panel).getByLabelText("Percent")).toHaveValue("1");
  });

  it("asks which contract each payer has when the table has no contract column", async () => {
    const panel = await openReviewPanel(new WorkbookSimulator(planted.snapshot));

    fireEvent.change(within(panel).getByLabelText("Contract"), { target: { value: "" } });

    const payers = await within(panel).findByRole("group", { name: "Contract of each payer" });
    const acme = await within(payers).findByLabelText("Acme Health");
    await within(acme).findByRole("option", { name: "Acme Health PPO" });
    expect(acme).toHaveValue("");
  });

  it("runs the review, says what can be recovered, and asks before replacing its columns the next time", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    const panel = await openReviewPanel(simulator);

    fireEvent.click(within(panel).getByRole("button", { name: "Run variance review" }));

    await within(panel).findByText("Done", {}, { timeout: 30_000 });
    const money = (planted.recoverableCents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
    expect(panel.textContent).toContain(`${planted.underpaidRows.length} underpaid (${money} recoverable`);
    expect(simulator.sheetNames()).toEqual(expect.arrayContaining(["Claims Variance", "Claims Worklist"]));
    const replace = await within(panel).findByRole("checkbox", { name: /Replace the columns of the earlier review/ });
    expect(within(panel).getByRole("button", { name: "Run variance review" })).toBeDisabled();
    fireEvent.click(replace);
    expect(within(panel).getByRole("button", { name: "Run variance review" })).toBeEnabled();
  });

  it("shows a progress bar with Cancel while the review runs, and a cancelled review leaves the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(planted.snapshot);
    const held = heldExcel(simulator);
    const panel = await openPanel(held.excel, "Variance review");
    await within(panel).findByRole("option", { name: `Claims (${planted.rowCount} rows)` });
    await waitFor(() => expect(within(panel).getByLabelText("HCPCS/CPT code")).toHaveValue("HCPCS Code"));
    const before = simulator.describe();

    const run = within(panel).getByRole("button", { name: "Run variance review" });
    const ending = await cancelWhileItRuns(held, panel, run, "Writing the variance review");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });
});
