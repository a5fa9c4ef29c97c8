/**
 * The SQL dialects `payer-contracts sql` writes, declared once: where DuckDB and Spark SQL spell the same thing
 * differently. Everything else in the SQL is common to both (DECIMAL arithmetic, ROUND half away from zero on DECIMAL,
 * CASE, LEFT JOIN, try_cast, lpad, concat).
 */

export interface SqlDialect {
  /** The label in the SQL's header. */
  readonly label: string;
  /** Text as a string literal. */
  text(value: string): string;
  /** The text type of CAST. */
  readonly textType: string;
  /** Whether `expression` matches the regular expression `pattern` (anchored with ^ and $, no backslashes). */
  matches(expression: string, pattern: string): string;
  /** What follows the column list of CREATE TABLE. */
  readonly tableOptions: string;
}

export const SQL_DIALECTS = {
  duckdb: {
    label: "DuckDB",
    text: (value) => `'${value.replaceAll("'", "''")}'`,
    textType: "VARCHAR",
    matches: (expression, pattern) => `regexp_matches(${expression}, '${pattern}')`,
    tableOptions: "",
  },
  spark: {
    label: "Spark SQL",
    // Spark reads a backslash in a literal as an escape.
    text: (value) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`,
    textType: "STRING",
    matches: (expression, pattern) => `(${expression} RLIKE '${pattern}')`,
    tableOptions: " USING parquet",
  },
} as const satisfies Record<string, SqlDialect>;

export type SqlDialectName = keyof typeof SQL_DIALECTS;

/** The dialect of a --dialect value, or null. */
export function sqlDialectOf(name: string): SqlDialectName | null {
  return Object.hasOwn(SQL_DIALECTS, name) ? (name as SqlDialectName) : null;
}
