/**
 * The proposal tracker's rows (issue 17 item 2): read from the Proposals table, checked as the table's reader reads
 * them (the cells each kind needs, a per-code list that reads), and saved through the registry row writer.
 */
import { editorIssueMessage } from "../../../src/excel/contracts/editorIssues";
import {
  checkProposalRow,
  loadProposals,
  saveProposalRow,
  type ProposalData,
} from "../../../src/excel/negotiation/proposalEditor";
import { PROPOSALS_SPEC } from "../../../src/excel/negotiation/proposalTable";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aProposalForm, aProposalWorkbook } from "./proposalSupport";

const NO_CLAIMS = { claims: [] };
const contextOf = (data: ProposalData) => ({ contractNames: data.contractNames, others: data.rows, editing: null });

describe("reading the Proposals table", () => {
  let data: ProposalData;
  beforeAll(async () => {
    data = await loadProposals(new WorkbookSimulator(aProposalWorkbook(NO_CLAIMS)).excel);
  });

  it("lists the contracts a proposal may name", () => {
    expect(data.contractNames).toEqual(["Acme PPO", "Summit MA", "Cedar EPO"]);
  });

  it("lists every proposal as a form, percentages as typed and choices in their words", () => {
    expect(
      data.rows.map((r) => [r.loaded.rowNumber, r.form.proposalName, r.form.party, r.form.kind, r.form.upliftFraction]),
    ).toEqual([
      // prettier-ignore
      [2, "Payer counter: 2% flat", "Payer", "Across the board", "2%"],
      [3, "Opening: 5% on top 20", "Ours", "Top-N uplift", "5%"],
      [4, "E/M codes", "Ours", "Per-code rates", ""],
      [5, "CF to 36", "Ours", "Conversion factor change", ""],
      [6, "Payer: E/M table", "Payer", "Per-code rates", ""],
      [7, "Summit ask", "Ours", "Across the board", "4%"],
    ]);
  });
});

describe("checking a proposal's form", () => {
  let data: ProposalData;
  beforeAll(async () => {
    data = await loadProposals(new WorkbookSimulator(aProposalWorkbook(NO_CLAIMS)).excel);
  });
  const errorsOf = (overrides: Parameters<typeof aProposalForm>[0]) =>
    checkProposalRow(aProposalForm(overrides), contextOf(data)).errors;

  it("accepts the payer's 3% across the board", () => {
    expect(errorsOf({})).toEqual({});
  });

  it("asks a top-N uplift for its number of codes", () => {
    expect(errorsOf({ kind: "Top-N uplift" }).topN).toBe(
      "a Top-N uplift proposal needs a number of top codes like 20.",
    );
  });

  it("points at the percentage of a per-code item that does not read", () => {
    expect(errorsOf({ kind: "Per-code rates", perCodeRates: "99213:5%; 99214:4" + "x" }).perCodeRates).toBe(
      'Per-code rates, item 2 ("99214:4x", at character 17): expected a percentage like 5% or 0.05, not below -100%.',
    );
  });

  it("asks a conversion-factor change for both factors", () => {
    expect(errorsOf({ kind: "Conversion factor change", oldConversionFactor: "33.4009" }).newConversionFactor).toBe(
      "a Conversion factor change proposal needs the proposed conversion factor in dollars, like 36.00.",
    );
  });

  it("refuses a contract PayerContracts does not have", () => {
    expect(errorsOf({ contractName: "Nowhere HMO" }).contractName).toBe(
      "Choose a contract of the PayerContracts table.",
    );
  });

  it("refuses a second proposal of the same name for the contract", () => {
    expect(errorsOf({ proposalName: "opening: 5% ON top 20" }).proposalName).toBe(
      "Row 3 already has a proposal of this name for the contract: rename this one, or edit that row.",
    );
  });

  it("refuses a term beyond ten years", () => {
    expect(errorsOf({ termYears: "12" }).termYears).toBe("Expected a whole number of years from 1 to 10, like 3.");
  });
});

describe("saving a proposal", () => {
  it("adds the row to the Proposals table, as its reader reads it back", async () => {
    const simulator = new WorkbookSimulator(aProposalWorkbook(NO_CLAIMS));
    const data = await loadProposals(simulator.excel);
    const saved = await saveProposalRow(simulator.excel, { ...contextOf(data), form: aProposalForm() });
    expect(saved.ok && saved.value).toMatchObject({ table: "Proposals", rowNumber: 8, createdTable: false });
    const after = await loadProposals(simulator.excel);
    expect(after.rows.at(-1)!.form).toMatchObject({ proposalName: "Payer: 3% flat", upliftFraction: "3%", termYears: "2" }); // prettier-ignore
    expect(after.rows.at(-1)!.problems).toEqual([]);
  });

  it("creates the Proposals table on its own sheet when the workbook has none", async () => {
    const workbook = aProposalWorkbook(NO_CLAIMS);
    const simulator = new WorkbookSimulator({ ...workbook, sheets: workbook.sheets.filter((s) => s.name !== "Proposal Tracker") }); // prettier-ignore
    const saved = await saveProposalRow(simulator.excel, { contractNames: ["Acme PPO"], others: [], editing: null, form: aProposalForm() }); // prettier-ignore
    expect(saved.ok && saved.value).toMatchObject({ table: PROPOSALS_SPEC.title, sheet: "Proposal Tracker", createdTable: true }); // prettier-ignore
  });

  it("writes nothing when the form does not check", async () => {
    const simulator = new WorkbookSimulator(aProposalWorkbook(NO_CLAIMS));
    const data = await loadProposals(simulator.excel);
    const saved = await saveProposalRow(simulator.excel, { ...contextOf(data), form: aProposalForm({ kind: "Top-N uplift" }) }); // prettier-ignore
    expect(!saved.ok && editorIssueMessage(saved.issue)).toMatch(/number of top codes/);
    expect((await loadProposals(simulator.excel)).rows).toHaveLength(6);
  });
});
