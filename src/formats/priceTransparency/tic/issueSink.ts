/**
 * Collects the warnings of one reading, at most {@link MAX_LISTED_WARNINGS} of them: a file of gigabytes with one
 * systematic fault would otherwise hold millions of identical messages. The rest are counted, and the count becomes
 * one "warningsOmitted" issue.
 */
import { shownValue, type TicExpected, type TicWarning } from "./issues";

/** Enough to show the pattern of a file's faults in the problems list without holding millions of messages. */
export const MAX_LISTED_WARNINGS = 1000;

/** The warnings of one reading, capped. */
export class IssueSink {
  private readonly listed: TicWarning[] = [];
  private omitted = 0;

  add(issue: TicWarning): void {
    if (this.listed.length < MAX_LISTED_WARNINGS) this.listed.push(issue);
    else this.omitted += 1;
  }

  /** A required field that is absent. */
  missing(at: string, field: string): void {
    this.add({ code: "fieldMissing", at, field });
  }

  /** A field whose value is not what the schema allows; `value` is shown as JSON. */
  invalid(at: string, field: string, expected: TicExpected, value: unknown): void {
    if (value === undefined) this.missing(at, field);
    else this.add({ code: "fieldInvalid", at, field, expected, found: shownValue(value) });
  }

  /** The warnings listed, then the count of those omitted. */
  warnings(): TicWarning[] {
    return this.omitted === 0 ? [...this.listed] : [...this.listed, { code: "warningsOmitted", count: this.omitted }];
  }
}

/** A JSON object (not an array, not null) read from the file. */
export type JsonRecord = { readonly [key: string]: unknown };

/** Whether a parsed value is a JSON object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Looks a value up in a closed table of the schema's words; undefined for anything else, including the names of
 * Object's own properties ("constructor"), which a plain index would find.
 */
export function lookUp<T>(table: Readonly<Record<string, T>>, value: unknown): T | undefined {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
}

/** A non-empty string field, or null after reporting it (missing or invalid). */
export function requiredText(record: JsonRecord, field: string, at: string, sink: IssueSink): string | null {
  const value = record[field];
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  sink.invalid(at, field, "text", value);
  return null;
}

/** An optional string field: null when absent; reported (and null) when present but not a non-empty string. */
export function optionalText(record: JsonRecord, field: string, at: string, sink: IssueSink): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  sink.invalid(at, field, "text", value);
  return null;
}

/** An optional list of strings (modifiers): empty when absent; the entries that are not strings are reported. */
export function optionalTextList(record: JsonRecord, field: string, at: string, sink: IssueSink): string[] {
  const value = record[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    sink.invalid(at, field, "textList", value);
    return [];
  }
  return value.map((entry: string) => entry.trim()).filter((entry) => entry !== "");
}
