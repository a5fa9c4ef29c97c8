/**
 * The Negotiation tab's "Build the Negotiation sheet" (issue 17 item 1) on the workbook simulator: it builds the chosen
 * contract's sheet from the form's defaults, asks before replacing it, and refuses a floor above the target with
 * nothing written. The workbook's figures are those worked out by hand in negotiationSheetSupport.ts.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aNegotiationSheetWorkbook } from "../../excel/negotiation/negotiationSheetSupport";
import { openPanel } from "../support";

jest.setTimeout(60_000);

const SHEET = "Negotiation - Acme PPO";
const BUILT = `Built sheet "${SHEET}": zone of possible agreement from $200.00 to $350.00 added a year.`;

async function openOn(simulator: WorkbookSimulator) {
  await openPanel(simulator.excel, "Negotiation");
  fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2026-09-02" } });
  const button = await screen.findByRole("button", { name: "Build the Negotiation sheet" });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

const QUESTION = `The sheet "${SHEET}" will be replaced by the new build; anything typed on it is lost.`;

/** The confirmation dialog once it asks (looked for from its text: role queries over the whole pane are slow). */
async function confirmation(): Promise<HTMLElement> {
  return (await screen.findByText(QUESTION)).closest<HTMLElement>('[role="dialog"]')!;
}

const sheetNames = (simulator: WorkbookSimulator) => simulator.describe().sheets.map((sheet) => sheet.name);

describe("building the Negotiation sheet from the tab", () => {
  it("builds the chosen contract's sheet with the defaults the form states", async () => {
    const simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    fireEvent.click(await openOn(simulator));
    expect(await screen.findByText(BUILT)).toBeInTheDocument();
    expect(sheetNames(simulator)).toContain(SHEET);
  });

  it("asks before replacing the contract's sheet, and keeps it when the user cancels", async () => {
    const simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    const button = await openOn(simulator);
    fireEvent.click(button);
    await screen.findByText(BUILT);
    const before = simulator.describe();
    fireEvent.click(button);
    fireEvent.click(within(await confirmation()).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByText(QUESTION)).not.toBeInTheDocument());
    expect(simulator.describe()).toEqual(before);
  });

  it("replaces the sheet once the user confirms, without adding a copy", async () => {
    const simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    const button = await openOn(simulator);
    fireEvent.click(button);
    await screen.findByText(BUILT);
    fireEvent.click(button);
    fireEvent.click(within(await confirmation()).getByRole("button", { name: "Replace", hidden: true }));
    expect(await screen.findByText(BUILT.replace("Built", "Replaced"))).toBeInTheDocument();
    expect(sheetNames(simulator).filter((name) => name.startsWith("Negotiation"))).toEqual([SHEET]);
  });

  it("refuses a floor above the target, saying why, with nothing written", async () => {
    const simulator = new WorkbookSimulator(aNegotiationSheetWorkbook());
    const button = await openOn(simulator);
    const before = simulator.describe();
    fireEvent.change(screen.getByLabelText(/^Walk-away floor/), { target: { value: "6" } });
    fireEvent.click(button);
    expect(await screen.findByText(/^The walk-away floor \(6%\) is above the target \(4%\)/)).toBeInTheDocument();
    expect(simulator.describe()).toEqual(before);
  });
});
