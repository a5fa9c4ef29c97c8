// The cell-value vocabulary (src/engine/cellValues): the one way every table, argument and payer-file reader reads
// blank cells, numbers, dollars, percentages, dates and codes, and writes amounts and percentages for people.
import Papa from "papaparse";
import {
  centsDifference,
  createCentsReader,
  Decimal,
  dollarsText,
  excelSerialOf,
  isBlankCell,
  MAX_LINE_CENTS,
  parseNumberText,
  percentText,
  readCents,
  readDateCell,
  readDollars,
  readFraction,
  readHcpcsCodeCell,
  readQuantity,
  scaleCents,
  serialDateText,
  sumCents,
  zerosLostFrom,
  type Cents,
  type IsoDate,
} from "../../src/engine";
import { describeWithSharedData, readSharedData } from "../support/sharedData";

const text = (read: unknown) => (read instanceof Decimal ? read.toString() : read);

describe("a blank cell", () => {
  it.each([[""], ["   "], [null], [undefined]])("is blank when it holds %p", (value) =>
    expect(isBlankCell(value)).toBe(true),
  );
  it("is not blank when it holds 0", () => expect(isBlankCell(0)).toBe(false));
  it("is not blank when it holds FALSE", () => expect(isBlankCell(false)).toBe(false));
});

describe("number text", () => {
  it("reads thousands separators in groups of three", () =>
    expect(parseNumberText("1,234,567.5")?.toString()).toBe("1234567.5"));
  it("refuses a comma that is no thousands separator in a US reading ('1,5' is not 15)", () =>
    expect(parseNumberText("1,5")).toBeNull());
  it("reads a European decimal comma when the file writes decimals so", () =>
    expect(parseNumberText("1.234,50", { style: "comma" })?.toString()).toBe("1234.5"));
  it("reads accounting parentheses as a negative number", () =>
    expect(parseNumberText("(12.00)")?.toString()).toBe("-12"));
  it("refuses an exponent, which nobody types into an amount", () => expect(parseNumberText("1e20")).toBeNull());
  it("refuses a currency mark unless the cell is money", () => expect(parseNumberText("$12")).toBeNull());
});

describe("a count (units, volumes)", () => {
  it("reads numeric text with thousands separators", () => expect(readQuantity("1,250")).toBe(1250));
  it("reads a number as it is", () => expect(readQuantity(2.5)).toBe(2.5));
  it("says blank for an empty cell", () => expect(readQuantity(" ")).toBe("blank"));
  it("refuses '1,5' instead of reading 15 units", () => expect(readQuantity("1,5")).toBe("malformed"));
});

describe("dollars, by sign rule", () => {
  it("reads a currency mark and thousands separators exactly", () =>
    expect(text(readDollars("$1,234.50", "zeroOrMore"))).toBe("1234.5"));
  it("refuses a negative rate as negative (zero or more)", () =>
    expect(readDollars("(80.00)", "zeroOrMore")).toBe("negative"));
  it("reads a reversal in accounting parentheses as a negative amount (signed)", () =>
    expect(text(readDollars("(80.00)", "signed"))).toBe("-80"));
  it("reads the sign before or after the currency mark alike", () =>
    expect([readDollars("-$80", "signed"), readDollars("$-80", "signed")].map(text)).toEqual(["-80", "-80"]));
  it("reads a number as the decimal Excel shows, without binary noise", () =>
    expect(text(readDollars(1.1 * 1.05, "zeroOrMore"))).toBe("1.155"));
  it("says malformed for text that is no amount", () => expect(readDollars("call", "signed")).toBe("malformed"));
});

describe("an amount as whole cents", () => {
  it("rounds half a cent away from zero, so a reversal mirrors the line it reverses", () =>
    expect([readCents("80.005", { sign: "signed" }), readCents("-80.005", { sign: "signed" })]).toEqual([8001, -8001]));
  it("reads a number of dollars and cents exactly", () => expect(readCents(125.5, { sign: "signed" })).toBe(12550));
  it("refuses an amount above the bound of a line", () =>
    expect(readCents(200_000_000_000, { sign: "signed", most: MAX_LINE_CENTS })).toBe("tooLarge"));
  it("refuses a negative billed charge (zero or more)", () =>
    expect(readCents(-5, { sign: "zeroOrMore" })).toBe("negative"));
  it("reads the same text the same way from a reader that remembers texts", () => {
    const read = createCentsReader({ sign: "signed" });
    expect([read("$1,234.50"), read("$1,234.50")]).toEqual([123450, 123450]);
  });
});

describe("a percentage", () => {
  it("reads a %-formatted cell, which holds the fraction", () => expect(text(readFraction(1.15))).toBe("1.15"));
  it("reads '115%' as the fraction 1.15", () => expect(text(readFraction("115%"))).toBe("1.15"));
  it("reads ' 3.5 % ' with spaces", () => expect(text(readFraction(" 3.5 % "))).toBe("0.035"));
  it("reads other numeric text as the fraction itself", () => expect(text(readFraction("1.15"))).toBe("1.15"));
  it("writes a fraction as people read it", () => expect(percentText(new Decimal("1.15"))).toBe("115%"));
  it("writes a number without float noise", () => expect(percentText(0.07)).toBe("7%"));
  it("writes a fixed number of decimals when asked", () =>
    expect(percentText(new Decimal("0.12345"), 1)).toBe("12.3%"));
});

describe("a date", () => {
  const read = (value: unknown) => {
    const date = readDateCell(value);
    return date.ok ? date.value : date.issue.code;
  };
  it("reads an Excel serial number", () => expect(read(45688)).toBe("2025-01-31"));
  it("reads a serial exported as General text", () => expect(read("45688")).toBe("2025-01-31"));
  it("reads ISO text, ignoring a time of day", () => expect(read("2025-01-31 00:00:00")).toBe("2025-01-31"));
  it("reads US text, month first", () => expect(read("1/31/2025")).toBe("2025-01-31"));
  it("reads a two-digit year as Excel does: 25 is 2025", () => expect(read("1/31/25")).toBe("2025-01-31"));
  it("reads a two-digit year as Excel does: 99 is 1999, not 2099", () => expect(read("12/31/99")).toBe("1999-12-31"));
  it("reads European text, day first with dots", () => expect(read("31.01.2025")).toBe("2025-01-31"));
  it("refuses a day that does not exist", () => expect(read("2/30/2025")).toBe("dateMalformed"));
  it("shows a serial as the date the cell shows", () => expect(serialDateText(1)).toBe("1899-12-31"));
  it("writes a date as the serial Excel sorts by", () => expect(excelSerialOf("2025-01-31" as IsoDate)).toBe(45688));
});

describe("a CPT/HCPCS code", () => {
  const read = (value: unknown) => {
    const code = readHcpcsCodeCell(value);
    return code.ok ? code.value : code.issue.code;
  };
  it("gets back the leading zeros Excel dropped from a number", () => expect(read(110)).toBe("00110"));
  it("reads an export's whole number '99213.0' as 99213", () => expect(read("99213.0")).toBe("99213"));
  it("reads a HCPCS Level II code as it is", () => expect(read("J1100")).toBe("J1100"));
  it("says which digits lost their zeros", () => expect(zerosLostFrom(110)).toBe("110"));
  it("says nothing was lost from a whole code", () => expect(zerosLostFrom("99213")).toBeNull());
});

describe("cents arithmetic", () => {
  it("sums amounts exactly, reversals included", () => expect(sumCents([12550, -2000, 1])).toBe(10551));
  it("gives a variance as allowed minus expected", () =>
    expect(centsDifference(9000 as Cents, 9250 as Cents)).toBe(-250));
  it("scales an amount with one half-up rounding", () =>
    expect(scaleCents(10001 as Cents, new Decimal("1.05"))).toBe(10501));
  it("writes dollars for a message, with separators and the sign before the mark", () =>
    expect([dollarsText(133981 as Cents), dollarsText(-8000 as Cents)]).toEqual(["$1,339.81", "-$80.00"]));
});

interface ClaimLine {
  hcpcs_code: string;
  paid_amount: string;
  charge_amount: string;
  claim_line_start_date: string;
}

describeWithSharedData("the Tuva synthetic claims read through the vocabulary", () => {
  let lines: ClaimLine[] = [];
  beforeAll(() => {
    lines = Papa.parse<ClaimLine>(readSharedData("claims/tuva-synthetic/medical_claim.csv"), {
      header: true,
      skipEmptyLines: true,
    }).data;
  });

  it("reads every paid amount, reversals included, as text to the cents decimal.js gives", () => {
    const exact = lines.reduce((sum, l) => sum.plus(new Decimal(l.paid_amount).times(100).round()), new Decimal(0));
    const read = createCentsReader({ sign: "signed" });
    const cents = lines.map((l) => read(l.paid_amount));
    expect(cents.every((c) => typeof c === "number")).toBe(true);
    expect(sumCents(cents as number[])).toBe(exact.toNumber());
  });

  it("reads every billed charge as zero or more", () => {
    const reads = lines.map((l) => readCents(l.charge_amount, { sign: "zeroOrMore" }));
    expect(reads.filter((r) => typeof r !== "number")).toEqual([]);
  });

  it("reads every line's service date that is filled", () => {
    const dates = lines.map((l) => l.claim_line_start_date).filter((d) => !isBlankCell(d));
    expect(dates.length).toBeGreaterThan(1000);
    expect(dates.filter((d) => !readDateCell(d).ok)).toEqual([]);
  });

  it("reads every filled code", () => {
    const codes = lines.map((l) => l.hcpcs_code).filter((c) => !isBlankCell(c));
    expect(codes.filter((c) => !readHcpcsCodeCell(c).ok)).toEqual([]);
  });
});
