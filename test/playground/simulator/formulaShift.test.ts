/** How a formula's references move when its cell is copied elsewhere, as Excel moves them. */
import { shiftFormula } from "../../../src/playground/simulator/formulaShift";

describe("moving a copied formula's references", () => {
  it("moves relative rows and columns by the distance of the copy", () => {
    expect(shiftFormula("=G2-F2", 3, 1)).toBe("=H5-G5");
  });

  it("keeps the parts marked absolute with $", () => {
    expect(shiftFormula("=$B$1*B2+B$1*$B2", 2, 2)).toBe("=$B$1*D4+D$1*$B4");
  });

  it("moves both corners of a range, and whole columns and whole rows", () => {
    expect(shiftFormula("=SUM(B2:C9)+SUM(B:B)+SUM(2:3)", 1, 1)).toBe("=SUM(C3:D10)+SUM(C:C)+SUM(3:4)");
  });

  it("moves references on other sheets, quoted or not, and keeps the sheet", () => {
    expect(shiftFormula("=Claims!B2+'Fee Schedule 2026'!$C3", 1, 0)).toBe("=Claims!B3+'Fee Schedule 2026'!$C4");
  });

  it("leaves text, structured references, names and function names alone", () => {
    expect(shiftFormula('=IF(A1="B2",LOG10(Claims[@[Charge Amount]]),UpliftRate)', 1, 1)).toBe(
      '=IF(B2="B2",LOG10(Claims[@[Charge Amount]]),UpliftRate)',
    );
  });

  it("breaks a reference pushed off the sheet into #REF!, a range as a whole", () => {
    expect(shiftFormula("=A2+SUM(A1:B2)", -1, 0)).toBe("=A1+SUM(#REF!)");
    expect(shiftFormula("=B1", 0, -2)).toBe("=#REF!");
  });

  it("writes references in capitals, as Excel does", () => {
    expect(shiftFormula("=sum(b2:b3)", 1, 0)).toBe("=sum(B3:B4)");
  });
});
