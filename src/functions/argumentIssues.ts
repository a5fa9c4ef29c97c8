/**
 * Why a function's arguments cannot be used, as values (STYLE.md "two error channels"), and the one catalogue that
 * words them. Each becomes `#VALUE!` (errors.ts); the message names the argument as the user sees it and, for a cell
 * of a range, its row (1-based, counted from the range's first row).
 */
import { catalogue, type Messages } from "../engine";
import type { NumberLimit } from "./argumentLimits";

/** Why the arguments cannot be read; each becomes `#VALUE!` with {@link argumentIssueMessage}. */
export type ArgumentIssue =
  | { readonly code: "argumentMissing"; readonly argument: string; readonly description: string }
  | { readonly code: "notOneColumn"; readonly argument: string; readonly rows: number; readonly columns: number }
  | { readonly code: "notOneValue"; readonly argument: string; readonly rows: number; readonly columns: number }
  | {
      readonly code: "tooManyColumns";
      readonly argument: string;
      readonly rows: number;
      readonly columns: number;
      readonly maxColumns: number;
    }
  | {
      readonly code: "rowsMismatch";
      readonly argument: string;
      readonly rows: number;
      readonly other: string;
      readonly otherRows: number;
    }
  | { readonly code: "notANumber"; readonly argument: string; readonly value: string; readonly description: string }
  | {
      readonly code: "notATable";
      readonly argument: string;
      readonly rows: number;
      readonly columns: number;
      readonly expectedColumns: number;
      readonly description: string;
    }
  | {
      readonly code: "choiceUnknown";
      readonly argument: string;
      readonly value: string;
      readonly choices: readonly string[];
      /** What else the argument takes, in words ('a percentile like "p90"'), or null. */
      readonly otherwise: string | null;
      readonly defaultChoice: string;
    }
  | {
      readonly code: "controlCharacter";
      readonly argument: string;
      /** The cell's row in the argument's range, or null for a single value. */
      readonly row: number | null;
      /** The character's code, e.g. 0 for NUL. */
      readonly codePoint: number;
      /** 1-based position of the character in the text. */
      readonly position: number;
    }
  | { readonly code: "notFinite"; readonly argument: string; readonly row: number | null; readonly value: string }
  | {
      readonly code: "outOfRange";
      readonly argument: string;
      readonly row: number | null;
      /** The value as read, formatted for people. */
      readonly value: string;
      readonly limit: NumberLimit;
    };

/** Where a cell is: the argument, with the row when the argument is a range. */
const at = (issue: { readonly argument: string; readonly row: number | null }): string =>
  issue.row === null ? issue.argument : `${issue.argument} row ${issue.row}`;

/** A character code as Unicode writes it: U+0000. */
const unicode = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

const integers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** How the bounds of a limit are shown: 10,000; $100,000,000; 10 (1,000%). */
const BOUND_FORMATS: { readonly [U in NumberLimit["unit"]]: (bound: number) => string } = {
  count: (bound) => integers.format(bound),
  dollars: (bound) => (bound < 0 ? `-$${integers.format(-bound)}` : `$${integers.format(bound)}`),
  fraction: (bound) => `${bound} (${integers.format(bound * 100)}%)`,
};

/** The accepted range of a limit: "at most 10,000" or "$0 to $100,000,000". */
export function limitRange(limit: NumberLimit): string {
  const format = BOUND_FORMATS[limit.unit];
  return limit.least === null ? `at most ${format(limit.most)}` : `${format(limit.least)} to ${format(limit.most)}`;
}

const ARGUMENT_MESSAGES: Messages<ArgumentIssue> = {
  argumentMissing: (i) => `${i.argument} is required: ${i.description}`,
  notOneColumn: (i) =>
    `${i.argument} is ${i.rows} rows by ${i.columns} columns; give one column (or one row) of values.`,
  notOneValue: (i) => `${i.argument} takes one value, not a range of ${i.rows} rows by ${i.columns} columns.`,
  tooManyColumns: (i) =>
    `${i.argument} is ${i.rows} rows by ${i.columns} columns; give at most ${i.maxColumns} adjacent cells per row.`,
  rowsMismatch: (i) =>
    `${i.argument} has ${i.rows} rows but ${i.other} has ${i.otherRows}; give ranges covering the same rows.`,
  notANumber: (i) => `${i.argument}: '${i.value}' is not a number; ${i.argument} is ${i.description}`,
  notATable: (i) =>
    `${i.argument} is ${i.rows} rows by ${i.columns} columns; give one value or a table of ${i.expectedColumns} columns: ${i.argument} is ${i.description}`,
  choiceUnknown: (i) =>
    `${i.argument}: '${i.value}' is not one of ${i.choices.map((c) => `"${c}"`).join(", ")}${i.otherwise === null ? "" : ` or ${i.otherwise}`}; leave it out for "${i.defaultChoice}".`,
  controlCharacter: (i) =>
    `${at(i)}: the text holds an invisible control character (${unicode(i.codePoint)}) at character ${i.position}; retype the text${
      // Excel's CLEAN removes the first 32 codes only, not DEL or the C1 controls.
      i.codePoint < 32 ? ", or clean it with Excel's CLEAN function" : ""
    }.`,
  notFinite: (i) => `${at(i)}: ${i.value} is not a finite number; check the cell or the formula that gives it.`,
  outOfRange: (i) => `${at(i)}: ${i.value} is outside the range of ${i.limit.what}: ${limitRange(i.limit)}.`,
};

/** The message of an argument issue, naming the argument as the user sees it. */
export const argumentIssueMessage: (issue: ArgumentIssue) => string = catalogue(ARGUMENT_MESSAGES);
