/**
 * The Proposals sheet's walk-away floor and target, linked to the contract's Negotiation sheet (issue 17): built after
 * the Negotiation sheet, they are formulas referring to its floor and target dollars, so one change there moves every
 * proposal's verdict; built without it, they stay input cells. The workbook is briefSupport.ts's (Acme PPO earns
 * $10,000.00 a year: floor 2% = $200.00, target 4% = $400.00).
 */
import { PROPOSAL_SHEET_ROWS } from "../../../src/excel/negotiation/proposalSheetLayout";
import { parseAddress } from "../../../src/playground/simulator";
import { aBriefWorkbook, buildNegotiation, buildProposals, NEGOTIATION, PROPOSALS } from "./briefSupport";

jest.setTimeout(120_000);

const FLOOR = PROPOSAL_SHEET_ROWS.floor;
const TARGET = PROPOSAL_SHEET_ROWS.target;

describe("a Proposals sheet built once the Negotiation sheet exists", () => {
  const simulator = aBriefWorkbook();
  let inputCells: readonly string[];
  let negotiation: Awaited<ReturnType<typeof buildNegotiation>>;
  beforeAll(async () => {
    negotiation = await buildNegotiation(simulator);
    inputCells = (await buildProposals(simulator)).layout.inputCells;
  });

  it("takes its floor and target from the Negotiation sheet's floor and target dollars", () => {
    const cells = [FLOOR, TARGET].map((row) => simulator.cell(PROPOSALS, row, 1));
    expect(cells.map((cell) => cell.formula)).toEqual([
      `='${NEGOTIATION}'!${negotiation.layout.positions.floor.added}`,
      `='${NEGOTIATION}'!${negotiation.layout.positions.target.added}`,
    ]);
    expect(cells.map((cell) => cell.value)).toEqual([200, 400]);
  });

  it("no longer shades them as inputs: they are changed on the Negotiation sheet", () => {
    expect(inputCells).toEqual([]);
  });

  it("follows a target raised to 5% on the Negotiation sheet: $500.00", () => {
    const target = parseAddress(negotiation.layout.inputCells.target)!.rect;
    simulator.setCellInput(NEGOTIATION, target.row, target.column, "0.05");
    expect(simulator.cell(PROPOSALS, TARGET, 1).value).toBe(500);
  });
});

describe("a Proposals sheet built without a Negotiation sheet", () => {
  it("keeps its floor and target as input cells of 2% and 4% of current revenue", async () => {
    const simulator = aBriefWorkbook();
    const built = await buildProposals(simulator);
    const cells = [FLOOR, TARGET].map((row) => simulator.cell(PROPOSALS, row, 1));
    expect(cells.map((cell) => [cell.formula, cell.value])).toEqual([[null, 200], [null, 400]]); // prettier-ignore
    expect(built.layout.inputCells).toEqual([`B${FLOOR + 1}`, `B${TARGET + 1}`]);
  });
});
