/**
 * Issue 17 "Done when": the Negotiation sheet, the Proposals sheet and the executive brief, saved as an .xlsx file
 * (exceljs, as a user's "Save as" would) with the tables they read, compute without the add-in: reopened from the
 * file bytes with no custom function registered, every figure is the same.
 */
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { formulasIn, savedAndReopened } from "../../support/xlsxRoundTrip";
import { valuesOn } from "../sharing/support";
import { aBriefWorkbook, BRIEF, buildBrief, buildNegotiation, buildProposals, NEGOTIATION, PROPOSALS } from "./briefSupport"; // prettier-ignore

jest.setTimeout(180_000);

const SHEETS = [NEGOTIATION, PROPOSALS, BRIEF] as const;

describe("a negotiation's three sheets saved as .xlsx and reopened without the add-in", () => {
  const simulator = aBriefWorkbook();
  let saved: WorkbookSnapshot;
  let reopened: WorkbookSimulator;

  beforeAll(async () => {
    await buildNegotiation(simulator);
    await buildProposals(simulator);
    const brief = await buildBrief(simulator);
    if (typeof brief === "string") throw new Error(brief);
    saved = await savedAndReopened(simulator);
    reopened = new WorkbookSimulator(saved);
    await reopened.whenIdle();
  });

  it.each(SHEETS)("%s keeps its live formulas in the file, none of them the add-in's", (sheet) => {
    const formulas = formulasIn(saved, sheet);
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.filter((formula) => /PAYER\./i.test(formula))).toEqual([]);
  });

  it.each(SHEETS)("%s shows the same figures, and no error, when reopened", (sheet) => {
    const numbers = (values: unknown[][]) => values.flat().filter((value) => typeof value === "number");
    const again = valuesOn(reopened, sheet).flat();
    expect(again.filter((value) => typeof value === "string" && value.startsWith("#"))).toEqual([]);
    expect(numbers([again])).toEqual(numbers(valuesOn(simulator, sheet)));
    expect(numbers([again]).length).toBeGreaterThan(10);
  });
});
