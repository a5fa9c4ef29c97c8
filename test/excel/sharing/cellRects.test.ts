/** Cells grouped into the blocks a freeze or a repair writes with one command each. */
import { parseRectAddress, rectAddress, rectsOf } from "../../../src/excel/sharing";

const cell = (address: string) => {
  const rect = parseRectAddress(address)!;
  return { row: rect.row, column: rect.column, address };
};
const blocksOf = (...addresses: string[]) =>
  rectsOf(addresses.map(cell)).map(({ rect, cells }) => [rectAddress(rect), cells.map((c) => c.address)]);

describe("grouping cells into blocks", () => {
  it("makes one block of a column of per-row formulas", () => {
    expect(blocksOf("G2", "G3", "G4", "G5")).toEqual([["G2:G5", ["G2", "G3", "G4", "G5"]]]);
  });

  it("makes one block of side-by-side columns over the same rows, listing its cells row by row", () => {
    expect(blocksOf("H2", "G2", "H3", "G3")).toEqual([["G2:H3", ["G2", "H2", "G3", "H3"]]]);
  });

  it("starts a new block where a column has a gap", () => {
    expect(blocksOf("B1", "B2", "B4")).toEqual([
      ["B1:B2", ["B1", "B2"]],
      ["B4", ["B4"]],
    ]);
  });

  it("keeps columns of different lengths apart", () => {
    expect(blocksOf("A1", "A2", "B1")).toEqual([
      ["B1", ["B1"]],
      ["A1:A2", ["A1", "A2"]],
    ]);
  });
});

describe("reading a block's address back", () => {
  it("reads a cell and a range as the record writes them", () => {
    expect(parseRectAddress("B7")).toEqual({ row: 6, column: 1, rowCount: 1, columnCount: 1 });
    expect(parseRectAddress("A6:AA40")).toEqual({ row: 5, column: 0, rowCount: 35, columnCount: 27 });
  });

  it("refuses what is not a block of one sheet, so a hand-edited record row is kept rather than restored", () => {
    expect([
      parseRectAddress("Pricing!B7"),
      parseRectAddress("B7:A6"),
      parseRectAddress("total"),
      parseRectAddress("A0"),
    ]).toEqual([null, null, null, null]);
  });
});
