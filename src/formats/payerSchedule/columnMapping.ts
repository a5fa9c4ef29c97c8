import { fail, ok, type Result } from "../../engine";
import { cellText, cellValue, detectDecimalStyle, parseRate, parseScheduleDate, type CellValue } from "./cellValues";
import type { PayerScheduleIssue } from "./issues";
import { parseModifier } from "../../engine";

/**
 * The fields of a payer fee schedule and the header texts users really have for each, declared once: header
 * detection, automatic mapping and the UI's field list all derive from this table. `synonyms` match whole words in
 * order ("CPT Code" matches "code" partly and "cpt code" fully); a header holding an `excluded` word is never this
 * field ("Code Type", "Median Amount", "Facility Rate" for the non-facility rate). "Non" joins the next word, so
 * "Non-Facility" is one word and never matches "facility".
 */
// prettier-ignore
export const PAYER_SCHEDULE_FIELDS = {
  hcpcsCode: {
    label: "HCPCS Code",
    required: true,
    synonyms: [
      "code", "cpt", "cpt code", "cpt4", "hcpcs", "hcpcs code", "cpt hcpcs", "cpt hcpcs code", "hcpcs cpt",
      "procedure code", "procedure", "proc", "proc code", "billing code", "service code",
    ],
    excluded: [
      "type", "description", "desc", "modifier", "mod", "status", "revenue", "rev", "place", "pos", "zip", "payer",
      "plan", "ndc", "diagnosis", "icd", "drg", "indicator", "ind", "tax", "locality", "specialty", "group",
    ],
  },
  modifier: {
    label: "Modifier",
    required: false,
    synonyms: ["mod", "modifier", "mod 1", "modifier 1", "mod1", "modifier1", "modifiers", "mods", "cpt modifier"],
    excluded: ["description", "desc"],
  },
  nonFacilityRate: {
    label: "Non-Facility Rate",
    required: false,
    synonyms: [
      "rate", "fee", "amount", "allowed", "allowable", "allowed amount", "allowable amount", "fee schedule amount",
      "fee schedule", "fee amount", "nonfacility", "nonfacility rate", "nonfacility fee", "nonfacility amount",
      "nonfac", "nonfac rate", "nf", "nf rate", "nf fee", "office", "office rate", "professional rate",
      "contracted rate", "contract rate", "contracted amount", "price", "negotiated rate", "negotiated dollar",
      "negotiated amount", "reimbursement", "reimbursement rate", "payment rate",
    ],
    excluded: [
      "facility", "fac", "billed", "gross", "estimated", "cash", "median", "percentile", "min", "max", "minimum", "maximum",
      "percentage", "percent", "pct", "count", "units", "description", "desc", "code", "date", "effective", "type",
      "methodology", "algorithm", "modifier", "mod",
    ],
  },
  facilityRate: {
    label: "Facility Rate",
    required: false,
    synonyms: [
      "facility", "facility rate", "facility fee", "facility amount", "facility allowed", "facility price", "fac",
      "fac rate", "fac fee",
    ],
    excluded: ["nonfacility", "nonfac", "nf", "name", "type", "code", "id", "npi", "description", "address"],
  },
  effectiveStartDate: {
    label: "Effective Start Date",
    required: false,
    synonyms: [
      "effective", "effective date", "effective start", "effective start date", "start", "start date", "from",
      "from date", "effective from", "begin", "begin date", "eff", "eff date", "valid from", "date",
    ],
    excluded: ["end", "term", "termination", "through", "thru", "to", "expiration", "expires", "expiry", "exp"],
  },
  effectiveEndDate: {
    label: "Effective End Date",
    required: false,
    synonyms: [
      "end", "end date", "effective end", "effective end date", "term date", "termination date", "term", "through",
      "thru", "through date", "to", "to date", "expiration", "expiration date", "expiry", "exp date", "effective to",
      "effective through", "valid to", "valid through",
    ],
    excluded: ["start", "begin", "from"],
  },
  description: {
    label: "Description",
    required: false,
    synonyms: [
      "description", "desc", "descr", "short description", "short descr", "long description", "procedure description",
      "service description", "code description", "descriptor", "service",
    ],
    excluded: [],
  },
} as const satisfies Record<
  string,
  { label: string; required: boolean; synonyms: readonly string[]; excluded: readonly string[] }
>;

/** A field of a payer fee schedule, as mapped onto the source columns. */
export type PayerScheduleField = keyof typeof PAYER_SCHEDULE_FIELDS;

/** The fields in the order the UI lists them and in which equal scores are decided. */
export const PAYER_SCHEDULE_FIELD_ORDER = Object.keys(PAYER_SCHEDULE_FIELDS) as readonly PayerScheduleField[];

/** Which source column (0-based) holds each field; a field left out is absent from the file. */
export type ColumnMapping = { readonly [F in PayerScheduleField]?: number };

/** A column that could hold a field, with how sure the mapping is (0 to 1). */
export interface ColumnCandidate {
  readonly column: number;
  readonly header: string;
  readonly confidence: number;
}

/** The automatic mapping of one field: the column chosen (or none) and the other columns that could hold it. */
export interface FieldMapping {
  readonly field: PayerScheduleField;
  readonly chosen: ColumnCandidate | null;
  readonly alternatives: readonly ColumnCandidate[];
}

/** The automatic mapping of a whole table, for a UI to show and the user to correct. */
export interface MappingSuggestion {
  readonly mapping: ColumnMapping;
  readonly fields: Readonly<Record<PayerScheduleField, FieldMapping>>;
  /** Columns no field was mapped to (they are not imported). */
  readonly unmappedColumns: readonly number[];
}

/** Header text as words: lower case, split at anything not a letter or digit and at camelCase; "non" joins the next. */
export function headerWords(text: string): string[] {
  const raw = text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i] ?? "";
    if (word === "non" && i + 1 < raw.length) words.push(`non${raw[++i] ?? ""}`);
    else words.push(word);
  }
  return words;
}

const SYNONYM_WORDS = Object.fromEntries(
  PAYER_SCHEDULE_FIELD_ORDER.map((field) => [field, PAYER_SCHEDULE_FIELDS[field].synonyms.map(headerWords)]),
) as Record<PayerScheduleField, string[][]>;

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++)
    if (run.every((word, i) => words[start + i] === word)) return true;
  return false;
}

/**
 * How well a header names a field, from its words alone: 1 for a synonym exactly, 0.5 to 0.9 when it contains a
 * synonym among other words (more for a larger share), 0 when it does not or holds an excluded word.
 * @example headerScore("hcpcsCode", " CPT\nCode ") // 1
 */
export function headerScore(field: PayerScheduleField, header: string): number {
  const words = headerWords(header);
  if (words.length === 0) return 0;
  const excluded: readonly string[] = PAYER_SCHEDULE_FIELDS[field].excluded;
  if (words.some((word) => excluded.includes(word))) return 0;
  let best = 0;
  for (const synonym of SYNONYM_WORDS[field]) {
    if (synonym.length === words.length && containsRun(words, synonym)) return 1;
    if (containsRun(words, synonym)) best = Math.max(best, 0.5 + (0.4 * synonym.length) / words.length);
  }
  return best;
}

const RATE_FIELDS: readonly PayerScheduleField[] = ["nonFacilityRate", "facilityRate"];
/** How many rows at the top of a grid may precede the header (titles, payer name, notes). */
export const HEADER_SEARCH_ROWS = 50;

/**
 * How strongly a row reads as the header: the sum of each field's best header score, or 0 unless some cell names
 * a code and another names a rate. Banner cells like "Acme PPO fee schedule 2025" name no code in a separate cell.
 */
export function headerRowScore(row: readonly unknown[]): number {
  const headers = row.map((cell) => cellText(cellValue(cell)));
  const codeColumn = bestColumn("hcpcsCode", headers);
  if (codeColumn === null) return 0;
  const hasRate = RATE_FIELDS.some((field) =>
    headers.some((header, column) => column !== codeColumn.column && headerScore(field, header) > 0),
  );
  if (!hasRate) return 0;
  return PAYER_SCHEDULE_FIELD_ORDER.reduce((sum, field) => sum + (bestColumn(field, headers)?.confidence ?? 0), 0);
}

function bestColumn(field: PayerScheduleField, headers: readonly string[]): ColumnCandidate | null {
  let best: ColumnCandidate | null = null;
  headers.forEach((header, column) => {
    const confidence = headerScore(field, header);
    if (confidence > 0 && (best === null || confidence > best.confidence)) best = { column, header, confidence };
  });
  return best;
}

/**
 * Finds the header row by its content among the first {@link HEADER_SEARCH_ROWS} rows: the one that names a code
 * column and a rate column best (the first such row on a tie). `null` when no row does.
 */
export function detectHeaderRow(grid: readonly (readonly unknown[])[]): number | null {
  let best: { index: number; score: number } | null = null;
  grid.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const score = headerRowScore(row);
    if (score > 0 && (best === null || score > best.score)) best = { index, score };
  });
  return best === null ? null : (best as { index: number }).index;
}

/** The share (0-1) of a column's non-blank sample cells that read as the field's kind of value; 0.5 if all blank. */
function contentFit(field: PayerScheduleField, values: readonly CellValue[]): number {
  const present = values.filter((value): value is string | number => value !== null);
  if (present.length === 0) return 0.5;
  const style = detectDecimalStyle(present);
  const fits = (value: string | number): boolean => {
    switch (field) {
      case "hcpcsCode":
        // Codes already five characters long: a revenue code (3 digits) or an NDC column scores low.
        return /^(\d{5}|\d{4}[FTUM]|[A-Z]\d{4})$/i.test(String(value).trim());
      case "modifier":
        return parseModifier(value).ok;
      case "nonFacilityRate":
      case "facilityRate":
        return parseRate(value, style) !== null;
      case "effectiveStartDate":
      case "effectiveEndDate":
        return parseScheduleDate(value) !== null;
      case "description":
        return typeof value === "string" && /[a-z]{3}/i.test(value);
    }
  };
  return present.filter(fits).length / present.length;
}

/** How many data rows the content check reads per column. */
const CONTENT_SAMPLE_ROWS = 200;

/**
 * Maps the columns of a table onto the schedule fields automatically. Each header is scored against each field's
 * synonyms, weighted by how well a sample of the column's cells fits the field (so "code | 1" holding revenue codes
 * loses to "code | 2" holding CPT codes), then the best pairs are taken greedily, one column per field.
 * Every field lists its other candidate columns, so a UI can offer them when the user corrects the mapping.
 */
export function suggestColumnMapping(grid: readonly (readonly unknown[])[], headerRowIndex: number): MappingSuggestion {
  const headers = (grid[headerRowIndex] ?? []).map((cell) => cellText(cellValue(cell)));
  const sample = grid.slice(headerRowIndex + 1, headerRowIndex + 1 + CONTENT_SAMPLE_ROWS);
  const candidates: (ColumnCandidate & { field: PayerScheduleField; order: number })[] = [];
  PAYER_SCHEDULE_FIELD_ORDER.forEach((field, order) => {
    headers.forEach((header, column) => {
      const score = headerScore(field, header);
      if (score === 0) return;
      const fit = contentFit(
        field,
        sample.map((row) => cellValue(row[column])),
      );
      candidates.push({ field, order, column, header, confidence: round2(score * (0.75 + 0.25 * fit)) });
    });
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.order - b.order || a.column - b.column);
  const mapping: { [F in PayerScheduleField]?: number } = {};
  const usedColumns = new Set<number>();
  for (const candidate of candidates) {
    if (mapping[candidate.field] !== undefined || usedColumns.has(candidate.column)) continue;
    mapping[candidate.field] = candidate.column;
    usedColumns.add(candidate.column);
  }
  const fields = Object.fromEntries(
    PAYER_SCHEDULE_FIELD_ORDER.map((field) => {
      const own = candidates
        .filter((c) => c.field === field)
        .map(({ column, header, confidence }) => ({ column, header, confidence }));
      const chosen = own.find((c) => c.column === mapping[field]) ?? null;
      const fieldMapping: FieldMapping = { field, chosen, alternatives: own.filter((c) => c !== chosen) };
      return [field, fieldMapping];
    }),
  ) as Record<PayerScheduleField, FieldMapping>;
  const unmappedColumns = headers.map((_, column) => column).filter((column) => !usedColumns.has(column));
  return { mapping, fields, unmappedColumns };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Checks a mapping the user gave (or corrected): every column exists, no column holds two fields, a code column
 * and at least one rate column are mapped.
 */
export function checkColumnMapping(mapping: ColumnMapping, width: number): Result<ColumnMapping, PayerScheduleIssue> {
  const byColumn = new Map<number, string[]>();
  for (const field of PAYER_SCHEDULE_FIELD_ORDER) {
    const column = mapping[field];
    if (column === undefined) continue;
    const label = PAYER_SCHEDULE_FIELDS[field].label;
    if (!Number.isInteger(column) || column < 0 || column >= width)
      return fail({ code: "mappingColumnUnknown", field: label, column, width });
    byColumn.set(column, [...(byColumn.get(column) ?? []), label]);
  }
  for (const [column, fields] of byColumn)
    if (fields.length > 1) return fail({ code: "mappingColumnTwice", column, fields });
  if (mapping.hcpcsCode === undefined)
    return fail({ code: "mappingFieldMissing", field: PAYER_SCHEDULE_FIELDS.hcpcsCode.label });
  if (mapping.nonFacilityRate === undefined && mapping.facilityRate === undefined)
    return fail({ code: "mappingFieldMissing", field: "a rate (Non-Facility Rate or Facility Rate)" });
  return ok(mapping);
}
