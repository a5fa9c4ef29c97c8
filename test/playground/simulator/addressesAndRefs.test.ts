/** A1 addresses and structured-reference translation, the simulator's two small languages. */
import { formatRect, parseAddress } from "../../../src/playground/simulator";
import { translateStructuredRefs, type TableShape } from "../../../src/playground/simulator/structuredRefs";
import { formatValue } from "../../../src/playground/simulator/numberFormat";

const claims: TableShape = {
  name: "Claims",
  sheetName: "Claim Lines",
  rect: { row: 0, column: 0, rowCount: 4, columnCount: 3 },
  columns: ["HCPCS Code", "Units", "Allowed Amount"],
};
const translate = (formula: string, row = 1) =>
  translateStructuredRefs(formula, { row, table: claims }, (name) =>
    name.toLowerCase() === "claims" ? claims : undefined,
  );

describe("A1 addresses", () => {
  it("parses sheet-qualified, quoted, absolute, column and row addresses", () => {
    expect(parseAddress("'Claim Lines'!$B$2:D5")).toEqual({
      sheet: "Claim Lines",
      rect: { row: 1, column: 1, rowCount: 4, columnCount: 3 },
    });
    expect(parseAddress("AA10")?.rect).toEqual({ row: 9, column: 26, rowCount: 1, columnCount: 1 });
    expect(formatRect(parseAddress("B:C")!.rect)).toBe("B:C");
    expect(formatRect(parseAddress("3:4")!.rect)).toBe("3:4");
  });

  it("refuses text that is not an address", () => {
    expect([parseAddress("Claims"), parseAddress("A1:B2:C3"), parseAddress("B")]).toEqual([null, null, null]);
  });
});

describe("structured references", () => {
  it("translates a column, a column span, headers, all and this row", () => {
    expect(translate("=SUM(Claims[Allowed Amount])")).toBe("=SUM('Claim Lines'!$C$2:$C$4)");
    expect(translate("=SUM(Claims[[Units]:[Allowed Amount]])")).toBe("=SUM('Claim Lines'!$B$2:$C$4)");
    expect(translate("=Claims[[#Headers],[Units]]")).toBe("='Claim Lines'!$B$1");
    expect(translate("=ROWS(Claims[#All])")).toBe("=ROWS('Claim Lines'!$A$1:$C$4)");
    expect(translate("=[@[Allowed Amount]]/[@Units]", 2)).toBe("='Claim Lines'!$C3/'Claim Lines'!$B3");
  });

  it("leaves brackets inside string literals alone", () => {
    expect(translate('="[x]"&Claims[Units]')).toBe(`="[x]"&'Claim Lines'!$B$2:$B$4`);
  });

  it("throws for an unknown column (the cell then shows #REF!)", () => {
    expect(() => translate("=SUM(Claims[Paid Amount])")).toThrow(/Paid Amount/);
  });
});

describe("number formats in text", () => {
  it("renders currency, negatives in parentheses, percentages, dates and text", () => {
    expect(formatValue(1234.5, "$#,##0.00")).toBe("$1,234.50");
    expect(formatValue(-12, "$#,##0.00;($#,##0.00)")).toBe("($12.00)");
    expect(formatValue(0.053, "0.0%")).toBe("5.3%");
    expect(formatValue(45672, "yyyy-mm-dd")).toBe("2025-01-15");
    expect(formatValue(45672, "m/d/yyyy")).toBe("1/15/2025");
    expect(formatValue(99213, "@")).toBe("99213");
    expect(formatValue(0.1 + 0.2, "General")).toBe("0.3");
  });
});
