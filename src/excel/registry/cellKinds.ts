/**
 * How one registry cell is read, by kind: what Excel's `range.values` may hold for it (numbers, text, booleans, ""),
 * what it becomes, and the words that tell a user what was expected. Each kind is data (STYLE.md "declare, then
 * derive"): the column specs name a kind, and parsing, messages and the README documentation all come from it.
 */
import { Decimal, type HcpcsCode, type IsoDate } from "../../engine";
import { isBlankCell, readDateCell, readDollars, readFraction, readHcpcsCodeCell, readQuantity } from "../../engine";
import { serialDateText } from "../../engine";
import { parseLocalityKey, type LocalityKey } from "../../engine";
import { parseModifier, POLICY_MODIFIERS, type Modifier, type PolicyModifier } from "../../engine";
import { methodChoices, type MethodWords } from "../../engine";
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

// Blank is the vocabulary's rule (empty, null or spaces only), re-exported for the table readers.
export { isBlankCell };

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
    const parsed = readHcpcsCodeCell(value);
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

const policyModifiers: readonly string[] = Object.keys(POLICY_MODIFIERS);

/** A modifier a contract may give its own percentage (`POLICY_MODIFIERS`); a number reads as its digits (22). */
export const policyModifierCell: CellKind<PolicyModifier> & { readonly allowed: readonly string[] } = {
  expected: `one of the modifiers ${policyModifiers.join(", ")}`,
  allowed: policyModifiers,
  read: (value) => {
    const parsed = parseModifier(value);
    return parsed.ok && policyModifiers.includes(parsed.value) ? (parsed.value as PolicyModifier) : undefined;
  },
};

/**
 * The dates a registry accepts: a contract, a carve-out or a schedule that starts before 1990 or after 2100 is a
 * typo (a 1899 date is what Excel shows for a 0 or a blank typed as a date), never a real agreement. Ends may be as
 * late as Excel's last date: 9999-12-31 is how many contract systems write "no end".
 */
export const DATE_BOUNDS = { first: "1990-01-01", lastStart: "2100-12-31", lastEnd: "9999-12-31" } as const;

/** A date cell of the vocabulary (an Excel serial, ISO text or US text 1/31/2025) between `first` and `last`. */
function datesBetween(first: string, last: string, expected: string): CellKind<IsoDate> {
  return {
    expected,
    shown: (value) => (typeof value === "number" ? serialDateText(value) : String(value).trim()),
    read: (value) => {
      const parsed = readDateCell(value);
      // ISO text compares as dates do.
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

/** A number or number text of zero or more; a "$" is allowed, as a conversion factor is dollars per RVU. */
function zeroOrMore(value: unknown): Decimal | undefined {
  const read = readDollars(value, "zeroOrMore");
  return typeof read === "string" ? undefined : read;
}

/** The largest rate a registry accepts, as the payer schedule import (the dearest gene therapies cost a few million). */
const MAX_DOLLARS = new Decimal(10_000_000);

/** Dollars from 0 to {@link MAX_DOLLARS} (a contract's rates are never negative): a number or text like $1,234.50. */
export const moneyCell: CellKind<Decimal> = {
  expected: "an amount in dollars from 0 to 10,000,000, like 91.00",
  read: (value) => {
    const read = zeroOrMore(value);
    return read !== undefined && read.lte(MAX_DOLLARS) ? read : undefined;
  },
};

/** A decimal number, zero or more (RVUs, GPCIs, conversion factors, fractions of the global package). */
export const decimalCell: CellKind<Decimal> = {
  expected: "a number, zero or more",
  read: zeroOrMore,
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
    const fraction = readFraction(value);
    if (typeof fraction === "string") return undefined;
    return !(fraction.isNegative() && !fraction.isZero()) && fraction.lte(MAX_FRACTION) ? fraction : undefined;
  },
};

/** Anesthesia base units: a whole number from 0 to 30 (the highest CMS lists is 30). */
export const baseUnitsCell: CellKind<number> = {
  expected: "a whole number of base units from 0 to 30, like 7",
  read: (value) => {
    const units = readQuantity(value);
    return typeof units === "number" && Number.isInteger(units) && units >= 0 && units <= 30 ? units : undefined;
  },
};

/** An anesthesia conversion factor in dollars per unit, above 0 and at most 1,000 (Medicare's is about 20). */
export const anesthesiaCfCell: CellKind<Decimal> = {
  expected: "a conversion factor in dollars above 0, like 21.09",
  read: (value) => {
    const read = zeroOrMore(value);
    return read !== undefined && read.gt(0) && read.lte(1000) ? read : undefined;
  },
};

/** A calendar year like 2025. */
export const yearCell: CellKind<number> = {
  expected: "a year like 2025",
  read: (value) => {
    const year = readQuantity(value);
    return typeof year === "number" && Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
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

/**
 * A choice column whose words (and the README's "Allowed" list, and the editor's choices) are an engine declaration
 * table's: a method table, the stop-loss kinds, the rate bases.
 */
export const wordsCell = <K extends string>(table: { readonly [P in K]: MethodWords }) => {
  const { words, labels } = methodChoices(table);
  return choiceCell(words, labels);
};
