/**
 * How one registry cell is read, by kind: what Excel's `range.values` may hold for it (numbers, text, booleans, ""),
 * what it becomes, and the words that tell a user what was expected. Each kind is data (STYLE.md "declare, then
 * derive"): the column specs name a kind, and parsing, messages and the README documentation all come from it.
 */
import { Decimal, toDecimal } from "../../engine";
import { parseHcpcsCode, type HcpcsCode } from "../../engine";
import { parseIsoDate, type IsoDate } from "../../engine";
import { parseLocalityKey, type LocalityKey } from "../../engine";
import { parseModifier, type Modifier } from "../../engine";
import { hasControlCharacter, showControlCharacters } from "../../formats/cmsPfs";

/** A cell read: its value, or why not (the `expected` words of the kind). Blank cells read as `null`. */
export type CellRead<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false };

/** One kind of cell: its reader and the words used in messages and docs. */
export interface CellKind<T> {
  /** What a valid cell holds, for messages ("expected ...") and the README. */
  readonly expected: string;
  /** Reads a non-blank cell; `undefined` means the cell does not hold this kind of value. */
  readonly read: (value: unknown) => T | undefined;
  /**
   * A cell as the user sees it, for messages about a cell that does not read: a date cell holds a serial number
   * (1 for a 1899 date), which the user never sees. Absent: the cell's text.
   */
  readonly shown?: (value: unknown) => string;
}

/** Blank: empty, null, or spaces only (Excel gives "" for an empty cell). */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Reads a cell with a kind; blank cells read as null. */
export function readCell<T>(kind: CellKind<T>, value: unknown): CellRead<T> {
  if (isBlankCell(value)) return { ok: true, value: null };
  const read = kind.read(value);
  return read === undefined ? { ok: false } : { ok: true, value: read };
}

/**
 * Text as written, trimmed (numbers are read as their digits: a contract named 2025 is "2025"). A control character
 * (a NUL pasted from a damaged export) is refused: invisible in the cell, it would make "Summit" another contract.
 */
export const textCell: CellKind<string> = {
  expected: "text without control characters",
  shown: (value) => showControlCharacters(String(value).trim()),
  read: (value) => {
    if (typeof value === "number") return String(value);
    return typeof value === "string" && !hasControlCharacter(value) ? value.trim() : undefined;
  },
};

/** A CPT/HCPCS code; numbers get their leading zeros back (110 -> 00110). */
export const codeCell: CellKind<HcpcsCode> = {
  expected: "a CPT/HCPCS code like 99213, 0001F or J1100",
  read: (value) => {
    const parsed = parseHcpcsCode(value);
    return parsed.ok ? parsed.value : undefined;
  },
};

/** One modifier (26, TC, 50). */
export const modifierCell: CellKind<Modifier> = {
  expected: "one modifier of two letters or digits, like 26 or TC",
  read: (value) => {
    const parsed = parseModifier(value);
    return parsed.ok ? parsed.value : undefined;
  },
};

/** US-style date text as many exports write it: 1/31/2025 or 01/31/2025. */
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's serial dates as spreadsheets count them (so that serial 1 is 1899-12-31). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** An Excel serial number as the date it shows ("1899-12-31" for 1), or the number when it is no date at all. */
function serialDate(serial: number): string {
  const time = SERIAL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY;
  return Number.isFinite(serial) && serial >= 0 && serial < 2958466 ? new Date(time).toISOString().slice(0, 10) : String(serial); // prettier-ignore
}

/**
 * The dates a registry accepts: a contract, a carve-out or a schedule that starts before 1990 or after 2100 is a
 * typo (a 1899 date is what Excel shows for a 0 or a blank typed as a date), never a real agreement. Ends may be as
 * late as Excel's last date: 9999-12-31 is how many contract systems write "no end".
 */
export const DATE_BOUNDS = { first: "1990-01-01", lastStart: "2100-12-31", lastEnd: "9999-12-31" } as const;

/** A date between `first` and `last` (ISO text compares as dates): an Excel serial, ISO text or US text 1/31/2025. */
function datesBetween(first: string, last: string, expected: string): CellKind<IsoDate> {
  return {
    expected,
    shown: (value) => (typeof value === "number" ? serialDate(value) : String(value).trim()),
    read: (value) => {
      let input = value;
      const us = typeof value === "string" ? US_DATE.exec(value.trim()) : null;
      if (us) input = `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
      const parsed = parseIsoDate(input);
      return parsed.ok && parsed.value >= first && parsed.value <= last ? parsed.value : undefined;
    },
  };
}

/** A date from 1990 to 2100 (start dates, term and notice dates): an Excel date, ISO text 2025-01-31 or US text. */
export const dateCell: CellKind<IsoDate> = datesBetween(
  DATE_BOUNDS.first,
  DATE_BOUNDS.lastStart,
  `a date from ${DATE_BOUNDS.first} to ${DATE_BOUNDS.lastStart}: an Excel date or text like 2025-01-31`,
);

/** An end date: from 1990 on, up to 9999-12-31 ("no end" in many exports). */
export const endDateCell: CellKind<IsoDate> = datesBetween(
  DATE_BOUNDS.first,
  DATE_BOUNDS.lastEnd,
  `a date from ${DATE_BOUNDS.first} on: an Excel date or text like 2025-12-31`,
);

/** Whether a kind reads dates (the editor writes them as Excel dates). */
export function isDateKind(kind: CellKind<unknown>): boolean {
  return kind === (dateCell as CellKind<unknown>) || kind === (endDateCell as CellKind<unknown>);
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "x"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

/** TRUE/FALSE, yes/no, Y/N or 1/0. */
export const booleanCell: CellKind<boolean> = {
  expected: "TRUE or FALSE (or yes/no)",
  read: (value) => {
    if (typeof value === "boolean") return value;
    const text = String(value).trim().toLowerCase();
    return TRUE_WORDS.has(text) ? true : FALSE_WORDS.has(text) ? false : undefined;
  },
};

/**
 * Numbers as Excel gives them carry binary noise (0.1 + 0.2); 15 significant digits is what Excel itself shows, so
 * reading through that many digits gives back the decimal the user typed.
 */
function numberToDecimal(value: number): Decimal | undefined {
  return Number.isFinite(value) ? new Decimal(Number(value.toPrecision(15)).toString()) : undefined;
}

/** Commas that separate thousands ("1,234.50"); any other comma is no US number ("165,91" is not 16,591). */
const GROUPED_DIGITS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Money or decimal text as users paste it: "$1,234.50", " 12.5 ". */
function decimalFromText(text: string): Decimal | undefined {
  const bare = text.trim().replace(/^\$/, "");
  if (bare.includes(",") && !GROUPED_DIGITS.test(bare)) return undefined;
  return toDecimal(bare.replace(/,/g, "")) ?? undefined;
}

function nonNegativeDecimal(value: unknown): Decimal | undefined {
  const read =
    typeof value === "number" ? numberToDecimal(value) : typeof value === "string" ? decimalFromText(value) : undefined;
  return read !== undefined && !read.isNegative() ? read : undefined;
}

/** The largest rate a registry accepts, as the payer schedule import (the dearest gene therapies cost a few million). */
const MAX_DOLLARS = new Decimal(10_000_000);

/** Dollars from 0 to {@link MAX_DOLLARS}: a number or text like $1,234.50. */
export const moneyCell: CellKind<Decimal> = {
  expected: "an amount in dollars from 0 to 10,000,000, like 91.00",
  read: (value) => {
    const read = nonNegativeDecimal(value);
    return read !== undefined && read.lte(MAX_DOLLARS) ? read : undefined;
  },
};

/** A decimal number, zero or more (RVUs, GPCIs, conversion factors, fractions of the global package). */
export const decimalCell: CellKind<Decimal> = {
  expected: "a number, zero or more",
  read: nonNegativeDecimal,
};

/** The largest percentage a registry accepts (1000%); above it, 115 was surely meant as 115%. */
const MAX_FRACTION = 10;

/**
 * A percentage as a fraction (ARCHITECTURE.md 4: 5% = 0.05): a cell formatted as % holds 1.15 for 115%, and text
 * "115%" reads as 1.15. A bare 115 is refused rather than read as 11,500%: it is almost surely a typo for 115%.
 */
export const percentCell: CellKind<Decimal> = {
  expected: "a percentage like 115% (or the fraction 1.15)",
  read: (value) => {
    let fraction: Decimal | undefined;
    if (typeof value === "number") fraction = numberToDecimal(value);
    else if (typeof value === "string") {
      const text = value.trim();
      fraction = text.endsWith("%") ? decimalFromText(text.slice(0, -1))?.dividedBy(100) : decimalFromText(text);
    }
    return fraction !== undefined && !fraction.isNegative() && fraction.lte(MAX_FRACTION) ? fraction : undefined;
  },
};

/** A calendar year like 2025. */
export const yearCell: CellKind<number> = {
  expected: "a year like 2025",
  read: (value) => {
    const year = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
    return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
  },
};

/** A Medicare locality: MAC and locality numbers, "04412-18" (Excel may have dropped the leading zero). */
export const localityCell: CellKind<LocalityKey> = {
  expected: "a Medicare locality: MAC and locality numbers like 04412-18",
  read: (value) => {
    const parsed = parseLocalityKey(value);
    return parsed.ok ? parsed.value : undefined;
  },
};

/** A one-digit PFS payment indicator (PCTC, MULT PROC, BILAT SURG, ASST SURG, CO-SURG, TEAM SURG). */
export const indicatorCell: CellKind<string> = {
  expected: "a one-digit indicator from the CMS RVU file (0-9)",
  read: (value) => {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    return /^\d$/.test(text) ? text : undefined;
  },
};

/** A PFS status code letter. */
export const statusCodeCell: CellKind<string> = {
  expected: "a PFS status code letter like A, R or T",
  read: (value) =>
    typeof value === "string" && /^[A-Za-z]$/.test(value.trim()) ? value.trim().toUpperCase() : undefined,
};

/** GLOB DAYS: 000, 010, 090 (Excel turns "090" into 90: digits are re-padded), MMM, XXX, YYY or ZZZ. */
export const globalDaysCell: CellKind<string> = {
  expected: "000, 010, 090, MMM, XXX, YYY or ZZZ",
  read: (value) => {
    const text = (typeof value === "number" ? String(value) : typeof value === "string" ? value : "")
      .trim()
      .toUpperCase();
    if (/^\d{1,3}$/.test(text)) return text.padStart(3, "0");
    return /^(MMM|XXX|YYY|ZZZ)$/.test(text) ? text : undefined;
  },
};

/** "NA" where CMS has not developed a PE RVU for the setting; blank otherwise. */
export const naIndicatorCell: CellKind<boolean> = {
  expected: 'blank or "NA"',
  read: (value) => (typeof value === "string" && value.trim().toUpperCase() === "NA" ? true : undefined),
};

/**
 * One word from a fixed list, case-insensitive, with synonyms: `choiceCell({ "fee schedule": "fee schedule",
 * "% of medicare": "percent of medicare" }, ["Fee Schedule", ...])`.
 */
export function choiceCell<T extends string>(
  words: Readonly<Record<string, T>>,
  shown: readonly string[],
): CellKind<T> & { readonly allowed: readonly string[] } {
  return {
    expected: `one of ${shown.join(", ")}`,
    allowed: shown,
    read: (value) => (typeof value === "string" ? words[value.trim().toLowerCase().replace(/\s+/g, " ")] : undefined),
  };
}
