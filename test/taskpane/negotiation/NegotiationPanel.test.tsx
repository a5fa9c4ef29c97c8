/**
 * The Negotiation tab (issue 17 items 3, 5) on the workbook simulator: the renewal calendar as of a date, the
 * contract-language checklist of the chosen contract, and its negotiation log with the follow-up text of a meeting.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aNegotiationWorkbook } from "../../excel/negotiation/support";
import { openPanel } from "../support";

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Opens the tab on the workbook of test/excel/negotiation/support.ts, as of 2026-09-02. */
async function openNegotiation(simulator = new WorkbookSimulator(aNegotiationWorkbook())) {
  await openPanel(simulator.excel, "Negotiation");
  await screen.findByRole("list", { name: "Renewal calendar" });
  type("As of", "2026-09-02");
  await screen.findByText(/Give notice by 2026-10-02 \(in 30 days\)/);
  return simulator;
}

const FOLLOW_UP_OF_MARCH_12 = [
  "Per our conversation on March 12, 2026 (Rate proposal review; present: Dana Ruiz (Acme), Sam Lee), this note confirms where we stand on the Acme PPO contract.", // prettier-ignore
  "",
  "Tentative agreements:",
  "1. 4% on the top 20 codes from 2027-01-01",
  "2. Timely filing of 180 days",
  "",
  "Outstanding issues:",
  "- Lab carve-out rates (owner: Sam Lee, due March 26, 2026)",
  "",
  "Please confirm in writing that this reflects your understanding, or tell us what differs.",
].join("\n");

describe("the renewal calendar", () => {
  it("lists the contracts soonest term end first, each with its flag", async () => {
    await openNegotiation();
    const items = within(screen.getByRole("list", { name: "Renewal calendar" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Acme PPO Notice window closingGive notice by 2026-10-02 (in 30 days); the term ends on 2026-12-31.",
      "Summit MA Not yetStart negotiating on 2026-09-30, 9 months before the term ends on 2027-06-30.",
      "Cedar EPO No term endNo Term End Date in PayerContracts: the calendar cannot place it.",
    ]);
  });
});

describe("the contract-language checklist", () => {
  it("shows the chosen contract's reviewed clause with its status and notes", async () => {
    await openNegotiation();
    const reviewed = screen.getByRole("list", { name: "Clauses reviewed of Acme PPO" });
    expect(within(reviewed).getByRole("listitem", { name: "Timely filing" })).toHaveTextContent(
      "Timely filing: Watch · 90 days from the date of service",
    );
  });

  it("lists every other clause as not reviewed yet, with what to check", async () => {
    await openNegotiation();
    const open = within(screen.getByRole("list", { name: "Clauses not reviewed of Acme PPO" })).getAllByRole("listitem"); // prettier-ignore
    expect(open).toHaveLength(8);
    expect(open[0]).toHaveTextContent("Evergreen / auto-renewal");
    expect(open[0]).toHaveTextContent("Check: Whether the contract renews by itself");
  });

  it("reviews a clause through the form and moves it to the reviewed ones", async () => {
    const simulator = await openNegotiation();
    const open = screen.getByRole("list", { name: "Clauses not reviewed of Acme PPO" });
    fireEvent.click(within(within(open).getByRole("listitem", { name: "Audit provisions" })).getByRole("button", { name: "Review" })); // prettier-ignore
    type(/^Status/, "Problem");
    type("Notes", "Three-year look-back");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved row 3 of ContractClauses (sheet Contract Clauses).")).toBeInTheDocument();
    const reviewed = await screen.findByRole("list", { name: "Clauses reviewed of Acme PPO" });
    expect(within(reviewed).getByRole("listitem", { name: "Audit provisions" })).toHaveTextContent("Audit provisions: Problem · Three-year look-back"); // prettier-ignore
    expect(JSON.stringify(simulator.describe())).toContain("Three-year look-back");
  });
});

describe("the negotiation log", () => {
  afterEach(() => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  });

  it("shows the follow-up text of the contract's latest meeting", async () => {
    await openNegotiation();
    expect((screen.getByLabelText("Follow-up text") as HTMLTextAreaElement).value).toBe(FOLLOW_UP_OF_MARCH_12);
  });

  it("copies the follow-up text to the clipboard", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await openNegotiation();
    fireEvent.click(screen.getByRole("button", { name: "Copy follow-up" }));

    expect(await screen.findByText(/Copied to the clipboard/)).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(FOLLOW_UP_OF_MARCH_12);
  });

  it("selects the follow-up text for the user to copy when there is no clipboard", async () => {
    await openNegotiation();
    fireEvent.click(screen.getByRole("button", { name: "Copy follow-up" }));

    expect(await screen.findByText(/the text is selected, press Ctrl\+C/)).toBeInTheDocument();
    const box = screen.getByLabelText("Follow-up text") as HTMLTextAreaElement;
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, FOLLOW_UP_OF_MARCH_12.length]);
  });

  it("adds a log entry through the form and follows up its meeting", async () => {
    await openNegotiation();
    fireEvent.click(screen.getByRole("button", { name: "Add log entry" }));
    type(/^Date/, "2026-04-02");
    type(/^Meeting/, "Follow-up call");
    type("Tentative Agreements", "Lab carve-out at 55% of billed");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved row 4 of NegotiationLog (sheet Negotiation Log).")).toBeInTheDocument();
    const log = await screen.findByRole("list", { name: "Negotiation log of Acme PPO" });
    expect(within(log).getByRole("listitem", { name: "Log entry of row 4" })).toHaveTextContent("2026-04-02 Follow-up call · Open · Agreed: Lab carve-out at 55% of billed"); // prettier-ignore
    expect((screen.getByLabelText("Follow-up text") as HTMLTextAreaElement).value).toMatch(/^Per our conversation on April 2, 2026 \(Follow-up call\)/); // prettier-ignore
  });

  it("says what is missing before saving a log entry", async () => {
    await openNegotiation();
    fireEvent.click(screen.getByRole("button", { name: "Add log entry" }));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(screen.getByLabelText(/^Meeting/).closest(".fui-Field")).toHaveTextContent("Required.");
  });

  it("deletes a log entry only after the user confirms", async () => {
    await openNegotiation();
    const log = screen.getByRole("list", { name: "Negotiation log of Acme PPO" });
    fireEvent.click(within(within(log).getByRole("listitem", { name: "Log entry of row 3" })).getByRole("button", { name: "Delete" })); // prettier-ignore
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("The log entry of 2026-03-12 (row 3 of NegotiationLog)");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete", hidden: true }));

    expect(await screen.findByText("Deleted row 3.")).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Negotiation log of Acme PPO" })).getAllByRole("listitem")).toHaveLength(1)); // prettier-ignore
    expect((screen.getByLabelText("Follow-up text") as HTMLTextAreaElement).value).not.toContain("Timely filing of 180 days"); // prettier-ignore
  });
});
