/**
 * The text of the warehouse SQL: the rate tables (rateTables.ts) as CREATE TABLE + INSERT ... VALUES, and the view
 * `priced_claim_lines`: every column of the claims table, then the expected allowed amount in exact dollars and cents
 * and the reason a line has none. Per line the SQL only reads the claim's values the way the engine's cell readers do
 * for the plain forms (anything else is left to the engine with a reason), joins the rate of its key, multiplies by
 * units or takes the percent of the charge, applies lesser-of and rounds once, half away from zero, as the engine does
 * (ROUND on DECIMAL is half away from zero on DuckDB and HALF_UP on Spark; never on a DOUBLE).
 */
import path from "path";
import { CLAIMS_TABLE_SPEC } from "../../excel/claims/claimsColumns";
import { PRICED_LINES_SPEC } from "../pricedColumns";
import { PRICING_FIELDS, type PricingField } from "../claimsSource";
import { DECIMAL_DIGITS, type RateRow, type RateTables } from "./rateTables";
import { NOT_IN_SQL, RATE_TABLE_LIMITS, sqlLimits } from "./sqlCoverage";
import type { SqlDialect } from "./sqlDialects";

/** The tables and view the SQL creates. */
export const SQL_NAMES = {
  baseRates: "payer_contract_rates",
  modifierRates: "payer_contract_modifier_rates",
  places: "payer_places_of_service",
  view: "priced_claim_lines",
} as const;

/** A claims field's column in a warehouse table: its header in snake case, which the tool's mapping also accepts. */
export function warehouseColumn(field: PricingField): string {
  return CLAIMS_TABLE_SPEC.columns[field].header.toLowerCase().replace(/[^a-z0-9]+/g, "_");
}

/** The columns the view adds, in snake case as the warehouse's. */
export const PRICED_COLUMNS = {
  expectedAmount: "expected_allowed_amount",
  pricingIssue: PRICED_LINES_SPEC.columns.pricingIssue.header.toLowerCase().replace(/ /g, "_"),
} as const;

const { amount, percent } = DECIMAL_DIGITS;
/** Exact types: a rate x units and a charge x percent stay within 38 digits on both engines (Spark adds one). */
const TYPES = {
  amount: `DECIMAL(${amount.integer + amount.scale}, ${amount.scale})`,
  percent: `DECIMAL(${percent.integer + percent.scale}, ${percent.scale})`,
  units: "DECIMAL(7, 0)",
  charge: "DECIMAL(14, 2)",
  money: "DECIMAL(18, 2)",
} as const;

/** Text forms the SQL reads exactly as the engine does; any other is left to the engine. */
const PATTERNS = {
  shortCode: "^[0-9]{1,4}$",
  date: "^[0-9]{4}-[0-9]{2}-[0-9]{2}( 00:00:00)?$",
  units: "^[0-9]{1,7}([.]0*)?$",
  charge: "^-?[0-9]{1,12}([.][0-9]{0,2}0*)?$",
} as const;

const INSERT_BATCH = 500;

function rateTableColumns(d: SqlDialect, withModifier: boolean): string {
  const t = d.textType;
  return [
    `contract_key ${t}`,
    "period_start DATE",
    "period_end DATE",
    `hcpcs_code ${t}`,
    ...(withModifier ? [`modifier ${t}`] : []),
    `setting ${t}`,
    `rate_kind ${t}`,
    `unit_amount ${TYPES.amount}`,
    `charge_percent ${TYPES.percent}`,
    "lesser_of BOOLEAN",
    `multi_unit_reason ${t}`,
    `reason ${t}`,
  ].join(", ");
}

function rateValues(d: SqlDialect, row: RateRow, withModifier: boolean): string {
  const { value } = row;
  const text = (s: string | null): string => (s === null ? "NULL" : d.text(s));
  return [
    text(row.contractKey),
    `DATE '${row.periodStart}'`,
    `DATE '${row.periodEnd}'`,
    text(row.hcpcsCode),
    ...(withModifier ? [text(row.modifier)] : []),
    text(row.setting),
    text(value.kind),
    value.kind === "amount" ? value.amount.toFixed() : "NULL",
    value.kind === "percent" ? value.percent.toFixed() : "NULL",
    String(row.lesserOf),
    text(row.multiUnitReason),
    value.kind === "issue" || value.kind === "engine" ? text(value.reason) : "NULL",
  ].join(", ");
}

function table(d: SqlDialect, name: string, columns: string, rows: readonly string[]): string[] {
  const statements = [`DROP TABLE IF EXISTS ${name};`, `CREATE TABLE ${name} (${columns})${d.tableOptions};`];
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    statements.push(`INSERT INTO ${name} VALUES\n  (${rows.slice(i, i + INSERT_BATCH).join("),\n  (")});`);
  return statements;
}

/** The pricing view over `claimsTable`. */
function pricingView(d: SqlDialect, claimsTable: string, modifiers: readonly string[]): string {
  const t = d.textType;
  const cell = (field: PricingField): string => `trim(coalesce(CAST(c.${warehouseColumn(field)} AS ${t}), ''))`;
  const codeText = `upper(${cell("hcpcsCode")})`;
  const mod1 = `upper(${cell("hcpcsModifier1")})`;
  const mod2 = `upper(${cell("hcpcsModifier2")})`;
  const key = {
    contract_key: `lower(${cell("contractName")})`,
    hcpcs_code: `CASE WHEN ${d.matches(codeText, PATTERNS.shortCode)} THEN lpad(${codeText}, 5, '0') ELSE ${codeText} END`,
    modifier: `CASE WHEN ${mod1} = '' THEN ${mod2} WHEN ${mod2} = '' THEN ${mod1} ELSE concat(${mod1}, ' ', ${mod2}) END`,
    place_text: `upper(${cell("placeOfServiceCode")})`,
    date_text: cell("serviceDate"),
  };
  const units = cell("units");
  const charge = cell("chargeAmount");
  const unitsValue = `CASE WHEN ${units} = '' THEN CAST(1 AS ${TYPES.units}) ELSE try_cast(try_cast(${units} AS DECIMAL(18, 6)) AS ${TYPES.units}) END`; // prettier-ignore
  const chargeValue = `CASE WHEN ${charge} = '' THEN NULL ELSE try_cast(${charge} AS ${TYPES.charge}) END`;
  const notInSql = (reason: string): string => d.text(NOT_IN_SQL + reason);
  const pick = (column: string): string => `CASE WHEN m.rate_kind IS NULL THEN b.${column} ELSE m.${column} END`;
  const rateColumns = ["rate_kind", "unit_amount", "charge_percent", "lesser_of", "multi_unit_reason", "reason"];
  const lineReason = [
    "CASE",
    `  WHEN k.key_reason IS NOT NULL THEN k.key_reason`,
    `  WHEN NOT ${d.matches(`coalesce(nullif(${units}, ''), '1')`, PATTERNS.units)} OR ${unitsValue} < 1 THEN ${notInSql(RATE_TABLE_LIMITS.units)}`, // prettier-ignore
    `  WHEN ${unitsValue} > 1 AND k.multi_unit_reason IS NOT NULL THEN concat(${d.text(NOT_IN_SQL)}, k.multi_unit_reason)`,
    `  WHEN ${charge} <> '' AND NOT ${d.matches(charge, PATTERNS.charge)} THEN ${notInSql(RATE_TABLE_LIMITS.chargeAmount)}`, // prettier-ignore
    `  WHEN k.rate_kind = 'engine' THEN concat(${d.text(NOT_IN_SQL)}, k.reason)`,
    "  WHEN k.rate_kind = 'issue' THEN k.reason",
    `  WHEN k.rate_kind = 'percent' AND ${charge} = '' THEN ${d.text("The contract pays a percent of the charge and the line has no charge amount.")}`, // prettier-ignore
    "END",
  ].join("\n      ");
  const contractAmount = `CASE k.rate_kind WHEN 'amount' THEN k.unit_amount * ${unitsValue} WHEN 'percent' THEN ${chargeValue} * k.charge_percent END`; // prettier-ignore
  const lesserOf = `CASE WHEN k.lesser_of AND ${chargeValue} < ${contractAmount} THEN ${chargeValue} ELSE ${contractAmount} END`; // prettier-ignore
  const keyNames = Object.keys(key);
  const keyReason = [
    "CASE",
    `  WHEN k.service_date IS NULL THEN ${notInSql(RATE_TABLE_LIMITS.serviceDate)}`,
    `  WHEN p.setting IS NULL THEN ${notInSql(RATE_TABLE_LIMITS.placeOfService)}`,
    `  WHEN k.modifier LIKE '% %' THEN ${notInSql(RATE_TABLE_LIMITS.twoModifiers)}`,
    `  WHEN k.modifier <> '' AND k.modifier NOT IN (${modifiers.map(d.text).join(", ")}) THEN ${notInSql(RATE_TABLE_LIMITS.modifierNotListed)}`, // prettier-ignore
    `  WHEN b.rate_kind IS NULL THEN ${notInSql(RATE_TABLE_LIMITS.noRate)}`,
    "END",
  ].join("\n        ");
  const joinOn = (alias: string): string =>
    `${alias}.contract_key = k.contract_key AND ${alias}.hcpcs_code = k.hcpcs_code AND ${alias}.setting = p.setting` +
    ` AND k.service_date BETWEEN ${alias}.period_start AND ${alias}.period_end`;
  return `CREATE OR REPLACE VIEW ${SQL_NAMES.view} AS
WITH claim_keys AS (
  -- Each distinct pricing key of the claims once, read as the engine reads the plain forms of its cells.
  SELECT DISTINCT ${keyNames.map((name) => `${key[name as keyof typeof key]} AS ${name}`).join(",\n    ")}
  FROM ${claimsTable} c
),
dated_keys AS (
  SELECT k.*,
    CASE WHEN ${d.matches("k.date_text", PATTERNS.date)} THEN try_cast(substr(k.date_text, 1, 10) AS DATE) END AS service_date
  FROM claim_keys k
),
key_rates AS (
  SELECT ${keyNames.map((name) => `k.${name}`).join(", ")},
    ${keyReason} AS key_reason,
    ${rateColumns.map((column) => `${pick(column)} AS ${column}`).join(",\n    ")}
  FROM dated_keys k
  LEFT JOIN ${SQL_NAMES.places} p ON p.place_text = k.place_text
  LEFT JOIN ${SQL_NAMES.baseRates} b ON ${joinOn("b")}
  LEFT JOIN ${SQL_NAMES.modifierRates} m ON ${joinOn("m")} AND m.modifier = k.modifier
)
SELECT c.*,
  CASE WHEN (${lineReason}) IS NULL THEN CAST(round(${lesserOf}, 2) AS ${TYPES.money}) END AS ${PRICED_COLUMNS.expectedAmount},
  ${lineReason} AS ${PRICED_COLUMNS.pricingIssue}
FROM ${claimsTable} c
LEFT JOIN key_rates k ON ${keyNames.map((name) => `k.${name} = ${key[name as keyof typeof key]}`).join("\n  AND ")};`;
}

/** What the SQL leaves to the engine: the declared limits, then the contracts the workbook's rows keep from pricing. */
export function notPricedInSql(tables: RateTables): string[] {
  const blocked = tables.blockedContracts.map((b) => `every line of contract "${b.contractKey}": ${b.problem}`);
  return [...sqlLimits(), ...blocked];
}

/** The whole SQL file: a header saying what it covers and how to run it, the tables, the view. */
export function pricingSql(
  d: SqlDialect,
  tables: RateTables,
  about: { readonly workbook: string; readonly claimsTable: string },
): string {
  // Without quotes or semicolons: older spark-sql clients split statements inside comments.
  const comment = (text: string): string => `-- ${text.replace(/[\n;]/g, ",").replaceAll("'", "’")}`;
  const header = [
    `Expected allowed amounts of claim lines, from the contracts of ${path.basename(about.workbook)}, for ${d.label}.`,
    "Written by `payer-contracts sql`: rate tables computed by the engine of Payer Contracts for Excel, and the view",
    `${SQL_NAMES.view} over the table ${about.claimsTable} (columns ${PRICING_FIELDS.map(warehouseColumn).join(", ")}).`,
    `Each line gets ${PRICED_COLUMNS.expectedAmount} (dollars, exact to the cent) or NULL and ${PRICED_COLUMNS.pricingIssue}.`,
    "The SQL does not price these, their lines are NULL with a reason starting",
    `"${NOT_IN_SQL.trim()}":`,
    ...notPricedInSql(tables).map((limit) => `  - ${limit}`),
  ].map(comment);
  return [
    ...header,
    "",
    ...table(d, SQL_NAMES.places, `place_text ${d.textType}, setting ${d.textType}`, tables.places.map((p) => `${d.text(p.text)}, ${d.text(p.setting)}`)), // prettier-ignore
    "",
    ...table(d, SQL_NAMES.baseRates, rateTableColumns(d, false), tables.baseRates.map((row) => rateValues(d, row, false))), // prettier-ignore
    "",
    ...table(d, SQL_NAMES.modifierRates, rateTableColumns(d, true), tables.modifierRates.map((row) => rateValues(d, row, true))), // prettier-ignore
    "",
    pricingView(d, about.claimsTable, tables.modifiers),
    "",
  ].join("\n");
}
