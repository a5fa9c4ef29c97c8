/**
 * A claims file (CSV or Parquet) as a DuckDB view, read through the add-in's claims mapping (claimsColumns.ts:
 * the same Tuva headers and synonyms, so an export that works in the add-in works here). Every value the engine
 * reads is taken as text, as a cell is, and read by the engine's own cell readers in JavaScript (pricePipeline.ts).
 */
import path from "path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { fail, ok, type Result } from "../engine";
import {
  CLAIMS_TABLE_SPEC,
  suggestClaimsMapping,
  type ClaimsField,
  type ClaimsMapping,
} from "../excel/claims/claimsColumns";
import type { ClaimsPlace, CliIssue } from "./cliIssues";

/** The file types the tool reads and writes, by extension. */
export const FILE_TYPES = { ".csv": "csv", ".parquet": "parquet" } as const satisfies Record<string, string>;
export type FileType = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];

/** The type of a file by its extension, or null. */
export function fileTypeOf(file: string): FileType | null {
  const extension = path.extname(file).toLowerCase();
  return extension in FILE_TYPES ? FILE_TYPES[extension as keyof typeof FILE_TYPES] : null;
}

/** Text as a SQL string literal. */
export const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;
/** A name as a SQL identifier. */
export const sqlName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The claims fields the tool prices with; the first three are required. */
export const PRICING_FIELDS = [
  "contractName",
  "hcpcsCode",
  "serviceDate",
  "hcpcsModifier1",
  "hcpcsModifier2",
  "placeOfServiceCode",
  "units",
  "chargeAmount",
] as const satisfies readonly ClaimsField[];
export type PricingField = (typeof PRICING_FIELDS)[number];
const REQUIRED: readonly PricingField[] = ["contractName", "hcpcsCode", "serviceDate"];

/** A claims file opened as the view `claims_source`, with its columns in file order. */
export interface ClaimsSource {
  readonly file: string;
  readonly type: FileType;
  /** The relation of the file's lines with their position in it, and the SQL of that position. */
  readonly relation: string;
  readonly order: string;
  readonly headers: readonly string[];
  readonly mapping: ClaimsMapping;
  /** The SQL text of each pricing field of a line ('' where blank or unmapped). */
  readonly text: { readonly [F in PricingField]: string };
}

/** The column of a Parquet file's row numbers, left out of what is written back. */
const PARQUET_ROW = "file_row_number";

/**
 * How each type is opened: a CSV file is copied into a table once (it is parsed once, and the table's rowid keeps
 * its order); a Parquet file is scanned where it is, its row numbers giving the order.
 */
const OPENERS = {
  csv: (file) => [
    `CREATE TABLE claims_lines AS SELECT * FROM read_csv(${sqlText(file)}, header = true, all_varchar = true)`,
    "CREATE VIEW claims_source AS SELECT * FROM claims_lines",
  ],
  parquet: (file) => [
    `CREATE VIEW claims_ordered AS SELECT * FROM read_parquet(${sqlText(file)}, file_row_number = true)`,
    `CREATE VIEW claims_source AS SELECT * EXCLUDE (${PARQUET_ROW}) FROM claims_ordered`,
  ],
} as const satisfies Record<FileType, (file: string) => readonly string[]>;

/** The relation that reads the file's lines with their position, and that position, by type. */
const ORDERED = {
  csv: { relation: "claims_lines", order: "claims_lines.rowid" },
  parquet: { relation: "claims_ordered", order: `claims_ordered.${PARQUET_ROW}` },
} as const satisfies Record<FileType, { relation: string; order: string }>;

/** A column as text, as a cell shows it: dates as ISO dates, nothing as "". */
function textOf(column: string, type: string): string {
  const name = sqlName(column);
  if (type === "DATE" || type.startsWith("TIMESTAMP")) return `coalesce(strftime(${name}, '%Y-%m-%d'), '')`;
  return `coalesce(CAST(${name} AS VARCHAR), '')`;
}

/** Opens `file` as the view `claims_source` and maps its headers; a missing required column is an issue. */
export async function openClaimsSource(
  connection: DuckDBConnection,
  file: string,
  type: FileType,
): Promise<Result<ClaimsSource, CliIssue>> {
  let columns: { name: string; type: string }[];
  try {
    for (const statement of OPENERS[type](file)) await connection.run(statement);
    const described = await connection.runAndReadAll("DESCRIBE claims_source");
    columns = described.getRowObjectsJS().map((row) => ({ name: String(row.column_name), type: String(row.column_type) })); // prettier-ignore
  } catch (error) {
    return fail({ code: "claimsUnreadable", file, detail: duckDbDetail(error) });
  }
  const headers = columns.map((column) => column.name);
  const mapping = suggestClaimsMapping(headers);
  for (const field of REQUIRED) {
    if (mapping[field] === null) {
      const { label, header } = CLAIMS_TABLE_SPEC.columns[field];
      return fail({ code: "claimsColumnMissing", file, label, header, headers });
    }
  }
  const typeOf = new Map(columns.map((column) => [column.name, column.type]));
  const text = Object.fromEntries(
    PRICING_FIELDS.map((field) => {
      const column = mapping[field];
      return [field, column === null ? "''" : textOf(column, typeOf.get(column)!)];
    }),
  ) as { [F in PricingField]: string };
  return ok({ file, type, ...ORDERED[type], headers, mapping, text });
}

/** DuckDB's message without its error class prefix ("IO Error: ..."), for a user. */
export function duckDbDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.replace(/^[A-Za-z ]+Error: /, "");
}

/**
 * Where `value` first occurs in `field`'s column: the line of a CSV file (the header is line 1) or the row of a
 * Parquet file. Only read to word an issue, so it may scan the file once more.
 */
export async function firstPlaceOf(
  connection: DuckDBConnection,
  source: ClaimsSource,
  field: PricingField,
  value: string,
): Promise<ClaimsPlace> {
  const found = await connection.runAndReadAll(
    `SELECT n FROM (SELECT row_number() OVER () AS n, ${source.text[field]} AS v FROM claims_source) WHERE v = ${sqlText(value)} ORDER BY n LIMIT 1`,
  );
  const row = Number(found.getRowsJS()[0]?.[0] ?? 0);
  const position = source.type === "csv" ? `line ${row + 1}` : `row ${row}`;
  return { file: source.file, position, column: source.mapping[field] ?? "" };
}
