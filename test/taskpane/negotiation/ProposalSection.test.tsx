/**
 * The proposal tracker in the Negotiation tab (issue 17 item 2) on the workbook simulator: the chosen contract's
 * proposals, a payer counter-proposal added through the form, and the Proposals sheet built, then replaced only
 * once the user confirms.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aProposalWorkbook, type Row } from "../../excel/negotiation/proposalSupport";
import { openPanel } from "../support";

// Building reads the registry and the claims and writes a sheet on the simulator: seconds on a busy machine.
const SLOW = { timeout: 20_000 };
jest.setTimeout(120_000);

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** A few lines of Acme PPO and Summit MA, with the headers a claims export has. */
const CLAIMS: readonly Row[] = [
  { "Claim ID": "C1", "HCPCS Code": "99213", Contract: "Acme PPO", "Paid Amount": 100, "Charge Amount": 200 },
  { "Claim ID": "C2", "HCPCS Code": "99214", Contract: "Acme PPO", "Paid Amount": 150, "Charge Amount": 300 },
  { "Claim ID": "C3", "HCPCS Code": "99213", Contract: "Summit MA", "Paid Amount": 90, "Charge Amount": 200 },
];

async function openProposals(simulator = new WorkbookSimulator(aProposalWorkbook({ claims: CLAIMS }))) {
  await openPanel(simulator.excel, "Negotiation");
  await screen.findByRole("list", { name: "Proposals of Acme PPO" });
  const build = await screen.findByRole("button", { name: "Build Proposals sheet" });
  // The button waits for the claims table's mapping, read while the tab's other sections read theirs.
  await waitFor(() => expect(build).toBeEnabled(), SLOW);
  return simulator;
}

describe("the proposal tracker", () => {
  it("lists the chosen contract's proposals, ours and the payer's", async () => {
    await openProposals();
    const items = within(screen.getByRole("list", { name: "Proposals of Acme PPO" })).getAllByRole("listitem");
    expect(items).toHaveLength(5);
    expect(items[0]).toHaveTextContent("2026-03-20 Payer · Across the board · Countered");
  });

  it("adds a payer counter-proposal through the form", async () => {
    await openProposals();
    fireEvent.click(screen.getByRole("button", { name: "Add proposal" }));
    type(/^Proposal/, "Payer: 3% flat");
    type(/^Party/, "Payer");
    type(/^Date/, "2026-04-02");
    type(/^Kind/, "Across the board");
    type("Uplift %", "3%");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved row 8 of Proposals (sheet Proposal Tracker).", {}, SLOW)).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Proposals of Acme PPO" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(6));
  });

  it("says what a kind of proposal needs before saving it", async () => {
    await openProposals();
    fireEvent.click(screen.getByRole("button", { name: "Add proposal" }));
    type(/^Proposal/, "Top codes");
    type(/^Date/, "2026-04-02");
    type(/^Kind/, "Top-N uplift");
    type("Uplift %", "5%");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(screen.getByLabelText("Top N").closest(".fui-Field")).toHaveTextContent("a Top-N uplift proposal needs a number of top codes like 20."); // prettier-ignore
  });

  it("builds the Proposals sheet, and replaces it only once the user confirms", async () => {
    const simulator = await openProposals();
    fireEvent.click(screen.getByRole("button", { name: "Build Proposals sheet" }));
    // Acme's two lines: 5% on its top 20 codes adds 5.00 + 7.50; the payer's E/M table 3% x 100 + 2.5% x 150.
    const built = await screen.findByText(/^Built sheet "Proposals - Acme PPO" from 2 claim lines\./, {}, SLOW);
    expect(built).toHaveTextContent("Opening: 5% on top 20: +$12.50 in year 1");
    expect(built).toHaveTextContent("Payer: E/M table: +$6.75 in year 1, +$6.75 over the term");

    fireEvent.click(screen.getByRole("button", { name: "Build Proposals sheet" }));
    const dialog = await screen.findByRole("dialog", {}, SLOW);
    expect(dialog).toHaveTextContent('The sheet "Proposals - Acme PPO" already exists.');
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));

    expect(await screen.findByText(/^Replaced sheet "Proposals - Acme PPO"/, {}, SLOW)).toBeInTheDocument();
    expect(simulator.sheetNames().filter((name) => name.startsWith("Proposals"))).toEqual(["Proposals - Acme PPO"]);
  });
});
