/**
 * The Negotiation tab's "Build the objections sheet" (issue 17 item 4) on the workbook simulator: it builds the chosen
 * contract's Objections sheet, asks before replacing it, and replaces it only once the user confirms. The workbook is
 * the one of objectionSheetSupport.ts.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { anObjectionWorkbook } from "../../excel/negotiation/objectionSheetSupport";
import { openPanel } from "../support";

jest.setTimeout(60_000);

const SHEET = "Objections - Acme PPO";
const BUILT = `Built sheet "${SHEET}": enter your quality figures in its shaded cells.`;
const QUESTION = `The sheet "${SHEET}" will be replaced by the new build; anything typed on it is lost.`;

async function openOn(simulator: WorkbookSimulator) {
  await openPanel(simulator.excel, "Negotiation");
  fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2026-09-02" } });
  const button = await screen.findByRole("button", { name: "Build the objections sheet" });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

const sheetNames = (simulator: WorkbookSimulator) => simulator.describe().sheets.map((sheet) => sheet.name);

describe("building the objections sheet from the tab", () => {
  it("builds the chosen contract's sheet", async () => {
    const simulator = new WorkbookSimulator(anObjectionWorkbook());
    fireEvent.click(await openOn(simulator));
    expect(await screen.findByText(BUILT)).toBeInTheDocument();
    expect(sheetNames(simulator)).toContain(SHEET);
  });

  it("asks before replacing the contract's sheet, and replaces it once the user confirms", async () => {
    const simulator = new WorkbookSimulator(anObjectionWorkbook());
    const button = await openOn(simulator);
    fireEvent.click(button);
    await screen.findByText(BUILT);
    fireEvent.click(button);
    const dialog = (await screen.findByText(QUESTION)).closest<HTMLElement>('[role="dialog"]')!;
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    expect(await screen.findByText(BUILT.replace("Built", "Replaced"))).toBeInTheDocument();
    expect(sheetNames(simulator).filter((name) => name.startsWith("Objections"))).toEqual([SHEET]);
  });
});
