// The registry's cell kinds read through the engine's cell-value vocabulary: the same text reads the same way in a
// registry table, a claims table, a PAYER function argument and a payer's schedule file.
import { codeCell, dateCell, moneyCell, percentCell, readCell, yearCell } from "../../../src/excel/registry/cellKinds";
import type { CellKind } from "../../../src/excel/registry/cellKinds";

/** What a cell reads as, in text: a value's text, null for blank, "refused" when it does not read. */
function read<T>(kind: CellKind<T>, value: unknown): string | null {
  const cell = readCell(kind, value);
  if (!cell.ok) return "refused";
  return cell.value === null ? null : String(cell.value);
}

describe("a registry date cell", () => {
  it("reads an Excel date", () => expect(read(dateCell, 45658)).toBe("2025-01-01"));
  it("reads US text, month first", () => expect(read(dateCell, "1/31/2025")).toBe("2025-01-31"));
  // Changed with the vocabulary: these forms were refused in a registry while a payer file read them.
  it("reads US text with a two-digit year, as Excel does", () => expect(read(dateCell, "1/31/25")).toBe("2025-01-31"));
  it("reads ISO text with a time of day", () => expect(read(dateCell, "2025-01-31 00:00:00")).toBe("2025-01-31"));
  it("refuses a date before 1990, a typo in a contract", () => expect(read(dateCell, "1/31/89")).toBe("refused"));
  it("reads spaces as blank", () => expect(read(dateCell, "   ")).toBeNull());
});

describe("a registry money cell", () => {
  it("reads dollars with a currency mark and separators", () => expect(read(moneyCell, "$1,234.50")).toBe("1234.5"));
  it("refuses a rate in accounting parentheses, as a rate is never negative", () =>
    expect(read(moneyCell, "(12.00)")).toBe("refused"));
  it("refuses '165,91' rather than reading 16,591", () => expect(read(moneyCell, "165,91")).toBe("refused"));
});

describe("a registry percent cell", () => {
  it("reads '115%' as the fraction 1.15", () => expect(read(percentCell, "115%")).toBe("1.15"));
  it("reads a %-formatted cell's fraction", () => expect(read(percentCell, 1.15)).toBe("1.15"));
  it("refuses a negative percentage", () => expect(read(percentCell, "-5%")).toBe("refused"));
});

describe("a registry code cell", () => {
  it("gets back the leading zeros of a code typed as a number", () => expect(read(codeCell, 110)).toBe("00110"));
  // Changed with the vocabulary: an export's whole number was refused here while a payer file read it.
  it("reads an export's '99213.0' as 99213", () => expect(read(codeCell, "99213.0")).toBe("99213"));
});

describe("a registry year cell", () => {
  it("reads a year typed as text", () => expect(read(yearCell, " 2025 ")).toBe("2025"));
  it("refuses a year with a fraction", () => expect(read(yearCell, 2025.5)).toBe("refused"));
});
