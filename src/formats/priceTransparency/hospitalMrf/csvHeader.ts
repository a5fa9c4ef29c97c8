/**
 * The three header rows of a hospital CSV (DOMAIN.md 5.1): row 1 names the general data, row 2 gives it, row 3
 * names the item columns. Headers are matched by their pipe-separated parts, trimmed, so that "code | 1" (the v3
 * tall example) and "code|1" (the v3 wide example) are the same column.
 */
import { fail, ok, type Result } from "../../../engine";
import type { HospitalMrfFileIssue } from "./issues";
import { generationOf, type HospitalIdentity, type HospitalMrfFormat } from "./result";
import { pipeList } from "./vocabulary";

/** The 1-based rows of the header block. */
export const GENERAL_HEADER_ROW = 1;
export const GENERAL_VALUES_ROW = 2;
export const ITEM_HEADER_ROW = 3;

/** Columns every item row shares in both layouts; -1 when the file has none. */
interface ItemColumns {
  /** Each code|i with its code|i|type, in the file's order. */
  readonly codes: readonly (readonly [code: number, type: number])[];
  readonly setting: number;
  readonly modifiers: number;
  readonly billingClass: number;
}

/** A payer's columns: one payer and plan per row (tall), or per group of columns (wide). */
export interface PayerColumns {
  readonly dollar: number;
  readonly percentage: number;
  readonly algorithm: number;
  readonly methodology: number;
}

export interface TallLayout extends ItemColumns, PayerColumns {
  readonly layout: "tall";
  readonly payer: number;
  readonly plan: number;
}

export interface WidePayer extends PayerColumns {
  readonly payer: string;
  readonly plan: string;
}

export interface WideLayout extends ItemColumns {
  readonly layout: "wide";
  readonly payers: readonly WidePayer[];
}

/** Where each item field is: how rows of the file are read. */
export type ItemLayout = (TallLayout | WideLayout) & { readonly headers: readonly string[] };

/** A header cell's parts: split on pipes, trimmed; keywords compared lower case, payer and plan kept as written. */
function headerParts(cell: string): string[] {
  return cell
    .replace(/^\uFEFF/, "")
    .split("|")
    .map((part) => part.trim());
}

function keyOf(cell: string): string {
  return headerParts(cell).join("|").toLowerCase();
}

/** The general data of rows 1-2: the hospital and the template version. */
export function readGeneralData(
  header: readonly string[],
  values: readonly string[],
): Result<{ identity: HospitalIdentity; version: string }, HospitalMrfFileIssue> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = headerParts(cell)[0]!.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  for (const column of ["hospital_name", "version"])
    if (!index.has(column)) return fail({ code: "generalDataMissing", column });
  const cell = (column: string) => {
    const i = index.get(column);
    return i === undefined ? "" : (values[i] ?? "").trim();
  };
  const version = cell("version");
  if (generationOf(version) === null)
    return fail({
      code: "versionUnknown",
      value: version,
      at: { row: GENERAL_VALUES_ROW, column: header[index.get("version")!]!.trim() },
    });
  // v2 names the locations hospital_location, v3 location_name.
  const locations = pipeList(cell("location_name") || cell("hospital_location"));
  return ok({ identity: { hospital: cell("hospital_name"), locations }, version });
}

const TALL_REQUIRED = {
  setting: "setting",
  payer: "payer_name",
  plan: "plan_name",
  dollar: "standard_charge|negotiated_dollar",
  percentage: "standard_charge|negotiated_percentage",
  algorithm: "standard_charge|negotiated_algorithm",
  methodology: "standard_charge|methodology",
} as const satisfies Record<string, string>;

/** The wide header's last part for each payer field. */
const WIDE_FIELD = {
  negotiated_dollar: "dollar",
  negotiated_percentage: "percentage",
  negotiated_algorithm: "algorithm",
  methodology: "methodology",
} as const satisfies Record<string, keyof PayerColumns>;

/**
 * The item layout named by row 3: tall when it has a payer_name column, wide when payers sit in its headers
 * ("standard_charge|Platform Health Insurance|PPO|negotiated_dollar").
 */
export function readItemHeader(
  header: readonly string[],
  format: Omit<HospitalMrfFormat, "layout">,
): Result<{ layout: ItemLayout; format: HospitalMrfFormat }, HospitalMrfFileIssue> {
  const rowNumber = ITEM_HEADER_ROW;
  const keys = header.map(keyOf);
  const placeholder = header.find((cell) => /\[[^\]]*\]/.test(cell));
  if (placeholder !== undefined) return fail({ code: "templatePlaceholders", rowNumber, header: placeholder.trim() });
  const codes = codeColumns(keys);
  if (!keys.includes("description") && codes.pairs.length === 0)
    return fail({ code: "itemHeaderMissing", rowNumber, found: header.slice(0, 4).join(",").slice(0, 80) });
  const layoutName = keys.includes("payer_name") ? "tall" : "wide";
  if (codes.missing !== null)
    return fail({ code: "columnMissing", rowNumber, column: codes.missing, layout: layoutName });
  if (codes.pairs.length === 0) return fail({ code: "columnMissing", rowNumber, column: "code|1", layout: layoutName });
  const items: ItemColumns = {
    codes: codes.pairs,
    setting: keys.indexOf("setting"),
    modifiers: keys.indexOf("modifiers"),
    billingClass: keys.indexOf("billing_class"),
  };
  if (items.setting < 0) return fail({ code: "columnMissing", rowNumber, column: "setting", layout: layoutName });
  if (layoutName === "tall") {
    const columns = {} as Record<keyof typeof TALL_REQUIRED, number>;
    for (const [field, column] of Object.entries(TALL_REQUIRED) as [keyof typeof TALL_REQUIRED, string][]) {
      columns[field] = keys.indexOf(column);
      if (columns[field] < 0) return fail({ code: "columnMissing", rowNumber, column, layout: "tall" });
    }
    return ok({
      layout: { ...items, ...columns, layout: "tall", headers: header },
      format: { ...format, layout: "tall" },
    });
  }
  const payers = widePayers(header);
  if (payers.length === 0)
    return fail({
      code: "columnMissing",
      rowNumber,
      column: "payer_name (tall) or standard_charge|[payer]|[plan]|negotiated_dollar (wide)",
      layout: "hospital",
    });
  const incomplete = payers.find((payer) => payer.methodology < 0);
  if (incomplete !== undefined)
    return fail({
      code: "columnMissing",
      rowNumber,
      column: `standard_charge|${incomplete.payer}|${incomplete.plan}|methodology`,
      layout: "wide",
    });
  return ok({ layout: { ...items, payers, layout: "wide", headers: header }, format: { ...format, layout: "wide" } });
}

/** The code|i / code|i|type pairs, by i; `missing` names a code|i whose type column is absent. */
function codeColumns(keys: readonly string[]): { pairs: [number, number][]; missing: string | null } {
  const pairs: [number, number][] = [];
  for (let i = 0; i < keys.length; i++) {
    const match = /^code\|(\d+)$/.exec(keys[i]!);
    if (match === null) continue;
    const type = keys.indexOf(`code|${match[1]}|type`);
    if (type < 0) return { pairs, missing: `code|${match[1]}|type` };
    pairs.push([i, type]);
  }
  return { pairs, missing: null };
}

/**
 * The payers of a wide header, in the order of their first column. Underscores in payer and plan names become
 * spaces: the v2 wide example writes "Platform_Health_Insurance" where its tall and JSON twins write
 * "Platform Health Insurance", and one payer must compare as one payer across a hospital's files.
 */
function widePayers(header: readonly string[]): WidePayer[] {
  const byKey = new Map<string, { -readonly [K in keyof WidePayer]: WidePayer[K] }>();
  header.forEach((cell, column) => {
    const parts = headerParts(cell);
    if (parts.length !== 4 || parts[0]!.toLowerCase() !== "standard_charge") return;
    const fieldWord = parts[3]!.toLowerCase();
    if (!Object.hasOwn(WIDE_FIELD, fieldWord)) return;
    const field = WIDE_FIELD[fieldWord as keyof typeof WIDE_FIELD];
    const payer = parts[1]!.replace(/_/g, " ").trim();
    const plan = parts[2]!.replace(/_/g, " ").trim();
    const key = `${payer}\u0000${plan}`;
    const entry = byKey.get(key) ?? { payer, plan, dollar: -1, percentage: -1, algorithm: -1, methodology: -1 };
    entry[field] = column;
    byKey.set(key, entry);
  });
  return [...byKey.values()];
}
