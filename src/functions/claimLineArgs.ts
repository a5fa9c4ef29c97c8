/**
 * The claim-line arguments shared by `PAYER.EXPECTED_PAYMENT`, `PAYER.PRICING_TRACE` and `PAYER.MEDICARE_RATE`,
 * read cell by cell into engine types (ARCHITECTURE.md 4): codes as text or numbers, modifiers in one cell or
 * adjacent cells, units default 1, billed in dollars, service date default today, place of service a POS code or
 * "facility"/"non-facility". Repeated cells are read once per call (a claims column repeats codes and dates).
 */
import { isBlankCell, readCents, readDateCell, readHcpcsCodeCell, readQuantity } from "../engine";
import type { HcpcsCode, IsoDate } from "../engine";
import { parseModifiers, type Modifier } from "../engine";
import type { Cents } from "../engine";
import { parsePlaceOfService, type CareSetting } from "../engine";
import { fail, ok, type Result } from "../engine";
import { argumentIssueError, engineIssueError } from "./errors";
import type { ArgumentIssue } from "./argumentIssues";
import { ARGUMENT_LIMITS } from "./argumentLimits";
import type { ArgSpecTable } from "./excelArgs";

/** A claim line's fields as the engine takes them. */
export interface LineFields {
  readonly hcpcsCode: HcpcsCode;
  readonly modifiers: readonly Modifier[];
  readonly units: number;
  readonly chargeAmount: Cents | null;
  readonly serviceDate: IsoDate;
  readonly setting: CareSetting;
  /** The POS code as given, for the trace ("11"), or the setting word. */
  readonly placeOfService: string;
}

/** The modifiers argument: up to four, in one cell ("26 59", "26,59") or adjacent cells. */
export const MODIFIERS_ARGUMENT = {
  kind: "cells",
  maxColumns: 4,
  optional: true,
  description: 'per line up to four modifiers, in one cell ("26 59") or adjacent cells.',
} as const satisfies ArgSpecTable[string];

/** The arguments of `PAYER.EXPECTED_PAYMENT` and `PAYER.PRICING_TRACE`, in Excel order. */
export const CONTRACT_LINE_ARGUMENTS = {
  contract: { kind: "column", optional: false, description: "a contract name from the PayerContracts table." },
  code: { kind: "column", optional: false, description: "the CPT/HCPCS code, text or number (110 reads as 00110)." },
  modifiers: MODIFIERS_ARGUMENT,
  units: {
    kind: "column",
    optional: true,
    description: "units of service; blank = 1. On an anesthesia code (00100-01999): the anesthesia minutes, required.",
    limit: ARGUMENT_LIMITS.lineUnits,
  },
  billed: {
    kind: "column",
    optional: true,
    description: "the billed charge in dollars, for lesser-of and % of billed.",
    limit: ARGUMENT_LIMITS.lineCharge,
  },
  service_date: { kind: "column", optional: true, description: "the date of service; blank = today." },
  place_of_service: {
    kind: "column",
    optional: true,
    description: 'a POS code like 11 or 22, or "facility"/"non-facility"; blank = non-facility.',
  },
} as const satisfies ArgSpecTable;

/** Today's date where the user is (Excel's TODAY()), the default date of service. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/** Memoises a cell reader for one call: claims columns repeat the same codes, dates and places of service. */
function memo<T>(read: (value: unknown) => T): (value: unknown) => T {
  const seen = new Map<unknown, T>();
  return (value) => {
    const key = value ?? null;
    let result = seen.get(key);
    if (result === undefined && !seen.has(key)) {
      result = read(key);
      seen.set(key, result);
    }
    return result as T;
  };
}

/**
 * The billed charge in cents, null when blank, or the error: a bare value, not a Result, because charges rarely
 * repeat and 100,000 lines would otherwise make 100,000 wrappers (issue 20).
 */
function readBilled(value: unknown): Cents | null | CustomFunctions.Error {
  // A billed charge is never negative (the vocabulary's "zeroOrMore"); its size is bounded by ARGUMENT_LIMITS.
  const cents = readCents(value, { sign: "zeroOrMore" });
  if (cents === "blank") return null;
  if (typeof cents === "string")
    return argumentIssueError({
      code: "notANumber",
      argument: "billed",
      value: String(value),
      description: "the billed charge in dollars, zero or more.",
    });
  return cents;
}

function readUnits(value: unknown): Result<number, CustomFunctions.Error> {
  const units = readQuantity(value);
  if (units === "blank") return ok(1);
  if (units === "malformed" || units <= 0)
    return fail(engineIssueError({ code: "unitsInvalid", value: String(value) }));
  return ok(units);
}

/** The readers of one call, each memoised. */
export interface LineReaders {
  /** The lines refused before reading (argumentLimits.ts), by 0-based row: never read, never priced. */
  readonly refused: ReadonlyMap<number, ArgumentIssue>;
  readonly code: (value: unknown) => Result<HcpcsCode, CustomFunctions.Error>;
  readonly modifiers: (cells: readonly unknown[] | undefined) => Result<readonly Modifier[], CustomFunctions.Error>;
  readonly units: (value: unknown) => Result<number, CustomFunctions.Error>;
  readonly billed: (value: unknown) => Cents | null | CustomFunctions.Error;
  readonly serviceDate: (value: unknown) => Result<IsoDate, CustomFunctions.Error>;
  readonly placeOfService: (
    value: unknown,
  ) => Result<{ readonly setting: CareSetting; readonly shown: string }, CustomFunctions.Error>;
}

const NO_MODIFIERS: Result<readonly Modifier[], CustomFunctions.Error> = ok([]);

const engineResult = <T>(result: Result<T>): Result<T, CustomFunctions.Error> =>
  result.ok ? result : fail(engineIssueError(result.issue));

/**
 * Fresh memoised readers for one function call.
 * @param refused The call's lines whose cells fail their checks (`rowIssues`), answered with the issue.
 * @param today The default date of service.
 */
export function lineReaders(
  refused: ReadonlyMap<number, ArgumentIssue> = new Map(),
  today: IsoDate = todayIso(),
): LineReaders {
  const modifierCache = new Map<string, Result<readonly Modifier[], CustomFunctions.Error>>();
  return {
    refused,
    code: memo((value) => engineResult(readHcpcsCodeCell(value))),
    modifiers: (cells) => {
      // Most lines carry no modifier: answer them without building a key of their cells.
      if (cells === undefined || cells.every(isBlankCell)) return NO_MODIFIERS;
      const key = cells.map((c) => String(c ?? "")).join("\u0000");
      let result = modifierCache.get(key);
      if (result === undefined) {
        result = engineResult(parseModifiers(...cells.map((c) => (isBlankCell(c) ? null : c))));
        modifierCache.set(key, result);
      }
      return result;
    },
    units: memo(readUnits),
    billed: readBilled,
    serviceDate: memo((value) => (isBlankCell(value) ? ok(today) : engineResult(readDateCell(value)))),
    placeOfService: memo((value) => {
      const parsed = parsePlaceOfService(value);
      if (!parsed.ok) return fail(engineIssueError(parsed.issue));
      return ok({ setting: parsed.value.setting, shown: parsed.value.placeOfServiceCode ?? parsed.value.setting });
    }),
  };
}

/** The claim-line columns of a call's arguments; columns that were omitted are null (defaults apply). */
export interface LineColumns {
  readonly code: readonly unknown[];
  readonly modifiers: readonly (readonly unknown[])[] | null;
  readonly units?: readonly unknown[] | null;
  readonly billed?: readonly unknown[] | null;
  readonly service_date: readonly unknown[] | null;
  readonly place_of_service: readonly unknown[] | null;
}

/** A line's fields, overwritten line after line by {@link readLineFieldsInto}: copy what you keep. */
export type LineFieldsRecord = { -readonly [K in keyof LineFields]: LineFields[K] };

/** A record for {@link readLineFieldsInto} to fill. */
export const newLineFieldsRecord = (): LineFieldsRecord => ({
  hcpcsCode: "" as HcpcsCode,
  modifiers: [],
  units: 1,
  chargeAmount: null,
  serviceDate: "" as IsoDate,
  setting: "non-facility",
  placeOfService: "",
});

/**
 * Reads line `i` of claim-line columns into `into`, without allocating per line (the readers memoise the results
 * of repeated cells): null when every field read, else the error of the line's refusal or of the first field that
 * does not read (`into` is then partly written).
 */
export function readLineFieldsInto(
  readers: LineReaders,
  columns: LineColumns,
  i: number,
  into: LineFieldsRecord,
): CustomFunctions.Error | null {
  const refusal = readers.refused.get(i);
  if (refusal !== undefined) return argumentIssueError(refusal);
  const code = readers.code(columns.code[i]);
  if (!code.ok) return code.issue;
  const modifiers = readers.modifiers(columns.modifiers?.[i]);
  if (!modifiers.ok) return modifiers.issue;
  const units = readers.units(columns.units?.[i]);
  if (!units.ok) return units.issue;
  const billed = readers.billed(columns.billed?.[i]);
  if (billed !== null && typeof billed !== "number") return billed;
  const serviceDate = readers.serviceDate(columns.service_date?.[i]);
  if (!serviceDate.ok) return serviceDate.issue;
  const pos = readers.placeOfService(columns.place_of_service?.[i]);
  if (!pos.ok) return pos.issue;
  into.hcpcsCode = code.value;
  into.modifiers = modifiers.value;
  into.units = units.value;
  into.chargeAmount = billed;
  into.serviceDate = serviceDate.value;
  into.setting = pos.value.setting;
  into.placeOfService = pos.value.shown;
  return null;
}

/** Reads line `i` of claim-line columns ({@link readLineFieldsInto}) as a value of its own. */
export function readLineFields(
  readers: LineReaders,
  columns: LineColumns,
  i: number,
): Result<LineFields, CustomFunctions.Error> {
  const into = newLineFieldsRecord();
  const error = readLineFieldsInto(readers, columns, i, into);
  return error === null ? ok(into) : fail(error);
}
