/**
 * The Negotiation tab's "Build the brief" (issue 17 item 6) on the workbook simulator: it names the sheet still to
 * build with nothing written, builds the brief once the Negotiation and Proposals sheets exist, and replaces it only
 * after the user confirms. The workbook is briefSupport.ts's.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import {
  aBriefWorkbook,
  BRIEF,
  buildNegotiation,
  buildProposals,
  PROPOSALS,
} from "../../excel/negotiation/briefSupport";
import { openPanel } from "../support";

jest.setTimeout(60_000);

const BUILT = `Built sheet "${BRIEF}": one landscape page of formulas over the Negotiation and Proposals sheets, ready to print or share.`; // prettier-ignore
const QUESTION = `The sheet "${BRIEF}" will be replaced by the new build; anything typed on it is lost.`;

async function openOn(simulator: WorkbookSimulator) {
  await openPanel(simulator.excel, "Negotiation");
  fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2026-09-02" } });
  const button = await screen.findByRole("button", { name: "Build the brief" });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

const sheetNames = (simulator: WorkbookSimulator) => simulator.describe().sheets.map((sheet) => sheet.name);

describe("building the executive brief from the tab", () => {
  it("names the Proposals sheet still to build, with nothing written", async () => {
    const simulator = aBriefWorkbook();
    await buildNegotiation(simulator);
    const button = await openOn(simulator);
    const before = simulator.describe();
    fireEvent.click(button);
    expect(
      await screen.findByText(
        new RegExp(`not built for it yet: "${PROPOSALS}"\\. Build it from the Negotiation tab first\\.`),
      ),
    ).toBeInTheDocument();
    expect(simulator.describe()).toEqual(before);
  });

  it("builds the brief, then replaces it only once the user confirms", async () => {
    const simulator = aBriefWorkbook();
    await buildNegotiation(simulator);
    await buildProposals(simulator);
    const button = await openOn(simulator);
    fireEvent.click(button);
    expect(await screen.findByText(BUILT)).toBeInTheDocument();
    fireEvent.click(button);
    const dialog = (await screen.findByText(QUESTION)).closest<HTMLElement>('[role="dialog"]')!;
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    expect(await screen.findByText(BUILT.replace("Built", "Replaced"))).toBeInTheDocument();
    expect(sheetNames(simulator).filter((name) => name.startsWith("Brief"))).toEqual([BRIEF]);
  });
});
