import { fireEvent, waitFor, within } from "@testing-library/react";
import { describeVarianceReviewIssue, runVarianceReview } from "../../../src/excel/varianceReview";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aReviewRequest, plantedWorkbook } from "../../excel/varianceReview/support";
import { cancelWhileItRuns, heldExcel, openPanel } from "../support";

jest.setTimeout(120_000);

/** A small claims table after a variance review, as a user has it before opening the Performance tab. */
async function reviewedClaims(): Promise<WorkbookSimulator> {
  const planted = await plantedWorkbook(12);
  const simulator = new WorkbookSimulator(planted.snapshot);
  const review = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers));
  if (!review.ok) throw new Error(describeVarianceReviewIssue(review.issue));
  return simulator;
}

async function buildButton(panel: HTMLElement): Promise<HTMLElement> {
  await within(panel).findByRole("option", { name: /^Claims \(/ });
  const button = within(panel).getByRole("button", { name: "Build performance sheet" });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

describe("the task pane's Performance panel", () => {
  it("builds the Contract Performance sheet from a reviewed table, says what it found and links to the sheet", async () => {
    const simulator = await reviewedClaims();
    const panel = await openPanel(simulator.excel, "Performance");
    expect(await within(panel).findByLabelText("Submitted date")).toHaveValue("Submitted Date");
    expect(within(panel).getByLabelText("Paid date")).toHaveValue("Paid Date");
    expect(within(panel).getByLabelText("Prior authorization number")).toHaveValue("Prior Auth");

    fireEvent.click(await buildButton(panel));

    const done = await within(panel).findByText("Done", {}, { timeout: 60_000 });
    expect(done.parentElement).toHaveTextContent(
      /^Done\s*Built sheet "Contract Performance": 2 contracts over \d+ months; no denial spikes; no days-to-pay spikes\./,
    );
    expect(done.parentElement).toHaveTextContent(
      /Renegotiate first: (Acme Health PPO|Summit Medicare Advantage) \(mostly (underpayment|denials|days to pay|burden)\)\./,
    );
    expect(within(panel).getByRole("button", { name: "Go to sheet “Contract Performance”" })).toBeInTheDocument();
    expect(simulator.activeSheetName()).toBe("Contract Performance");
  });

  it("says to run the variance review first on a table that has none", async () => {
    const simulator = new WorkbookSimulator(buildSampleWorkbook());
    const panel = await openPanel(simulator.excel, "Performance");
    expect(
      await within(panel).findByText(
        "Table Claims has no variance review yet: run it on the Variance review tab first.",
      ),
    ).toBeInTheDocument();
  });

  it("shows a progress bar with Cancel while the sheet is built, and a cancelled build changes nothing", async () => {
    const simulator = await reviewedClaims();
    const held = heldExcel(simulator);
    const panel = await openPanel(held.excel, "Performance");
    const build = await buildButton(panel);
    const before = simulator.describe();

    const ending = await cancelWhileItRuns(held, panel, build, "Building the performance sheet");

    expect(ending).toContain("Nothing was changed");
    expect(simulator.describe()).toEqual(before);
  });
});
