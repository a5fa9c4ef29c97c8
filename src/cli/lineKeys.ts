/**
 * The distinct values of a claims file, read once each with the engine's cell readers (the readers the variance
 * review uses on a claims table): a year of claims holds thousands of distinct pricing keys, dates and charges,
 * never millions, so each line then travels as three integers. A value no reader accepts is an issue naming the
 * first line that holds it; a contract the workbook lacks likewise.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { fail, ok, registryKey, type Result } from "../engine";
import { MAX_LINE_CENTS, parseModifiers, parsePlaceOfService, readCents, readDateCell } from "../engine";
import { readHcpcsCodeCell, readQuantity } from "../engine";
import type { CareSetting, HcpcsCode, IsoDate, Modifier } from "../engine";
import type { RegistrySnapshot } from "../excel/registry";
import { registryIssueMessage } from "../excel/registry";
import type { CliIssue } from "./cliIssues";
import { firstPlaceOf, sqlName, type ClaimsSource, type PricingField } from "./claimsSource";

/** The pricing keys of a file without date and charge: what priceLines reads per line, by key id. */
export interface KeyColumns {
  readonly contractName: readonly string[];
  readonly hcpcsCode: readonly HcpcsCode[];
  readonly modifiers: readonly (readonly Modifier[])[];
  readonly setting: readonly CareSetting[];
  readonly units: Float64Array;
  /** The message of the registry problem that keeps the key's contract from being priced, else null. */
  readonly blockedBy: readonly (string | null)[];
}

/** The distinct values of a file, by id, and the SQL that gives a line's ids. */
export interface LineKeys {
  readonly keys: KeyColumns;
  readonly serviceDate: readonly IsoDate[];
  /** Billed charge in cents, null where blank. */
  readonly chargeAmount: readonly (number | null)[];
}

/** The key table's columns: one per field of the key, named so no claims header can collide with them. */
const KEY_FIELDS = ["contractName", "hcpcsCode", "hcpcsModifier1", "hcpcsModifier2", "placeOfServiceCode", "units"] as const satisfies readonly PricingField[]; // prettier-ignore
const keyColumn = (field: PricingField): string => sqlName(`__key_${field}`);

/** What each field's values must be, in the words of the variance review's messages. */
const EXPECTED = {
  contractName: "a contract name from PayerContracts",
  hcpcsCode: "a HCPCS/CPT code like 99213",
  serviceDate: "a date like 2025-03-01",
  hcpcsModifier1: "a modifier like 26",
  hcpcsModifier2: "a modifier like 26",
  placeOfServiceCode: "a place of service code like 11",
  units: "a number of units like 2",
  chargeAmount: "a billed charge in dollars, or a blank cell",
} as const satisfies Record<PricingField, string>;

/** Builds the tables `line_keys`, `line_dates` and `line_charges` (distinct values with ids from 0). */
export async function createKeyTables(connection: DuckDBConnection, source: ClaimsSource): Promise<void> {
  const { text } = source;
  const keyList = KEY_FIELDS.map((field) => `${text[field]} AS ${keyColumn(field)}`).join(", ");
  await connection.run(
    `CREATE TABLE line_keys AS SELECT CAST((row_number() OVER ()) - 1 AS INTEGER) AS id, * FROM (SELECT DISTINCT ${keyList} FROM claims_source)`,
  );
  for (const [table, field] of [
    ["line_dates", "serviceDate"],
    ["line_charges", "chargeAmount"],
  ] as const) {
    await connection.run(
      `CREATE TABLE ${table} AS SELECT CAST((row_number() OVER ()) - 1 AS INTEGER) AS id, v FROM (SELECT DISTINCT ${text[field]} AS v FROM claims_source)`,
    );
  }
}

/** The SQL of each line's key, date and charge ids, in file order. */
export function lineIdsQuery(source: ClaimsSource): string {
  const { text } = source;
  const keyMatch = KEY_FIELDS.map((field) => `k.${keyColumn(field)} = ${text[field]}`).join(" AND ");
  return (
    `SELECT k.id, d.id, c.id FROM ${source.relation} JOIN line_keys k ON ${keyMatch}` +
    ` JOIN line_dates d ON d.v = ${text.serviceDate} JOIN line_charges c ON c.v = ${text.chargeAmount}` +
    ` ORDER BY ${source.order}`
  );
}

async function texts(connection: DuckDBConnection, sql: string): Promise<string[][]> {
  return (await connection.runAndReadAll(sql)).getRowsJS().map((row) => row.map((cell) => String(cell ?? "")));
}

/** The values of the key tables read by the engine's readers; the first value none accepts is an issue. */
export async function readLineKeys(
  connection: DuckDBConnection,
  source: ClaimsSource,
  snapshot: RegistrySnapshot,
): Promise<Result<LineKeys, CliIssue>> {
  const badValue = async (field: PricingField, value: string): Promise<Result<never, CliIssue>> => {
    const place = await firstPlaceOf(connection, source, field, value);
    if (field === "contractName" && value.trim() !== "")
      return fail({ code: "contractUnknown", place, value, known: snapshot.registry.contractNames });
    return fail({ code: "claimsValue", place, value, expected: EXPECTED[field] });
  };

  const keyRows = await texts(connection, `SELECT ${KEY_FIELDS.map(keyColumn).join(", ")} FROM line_keys ORDER BY id`);
  const count = keyRows.length;
  const keys = {
    contractName: new Array<string>(count),
    hcpcsCode: new Array<HcpcsCode>(count),
    modifiers: new Array<readonly Modifier[]>(count),
    setting: new Array<CareSetting>(count),
    units: new Float64Array(count),
    blockedBy: new Array<string | null>(count),
  };
  for (let id = 0; id < count; id++) {
    const [contract, code, modifier1, modifier2, place, units] = keyRows[id]! as [string, string, string, string, string, string]; // prettier-ignore
    if (!snapshot.registry.versionsByName.has(registryKey(contract))) return badValue("contractName", contract);
    const hcpcsCode = readHcpcsCodeCell(code);
    if (!hcpcsCode.ok) return badValue("hcpcsCode", code);
    if (!parseModifiers(modifier1).ok) return badValue("hcpcsModifier1", modifier1);
    const modifiers = parseModifiers(modifier1, modifier2);
    if (!modifiers.ok) return badValue("hcpcsModifier2", modifier2);
    const setting = parsePlaceOfService(place);
    if (!setting.ok) return badValue("placeOfServiceCode", place);
    const quantity = readQuantity(units);
    if (quantity === "malformed") return badValue("units", units);
    const blocking = snapshot.issuesByContract.get(registryKey(contract))?.[0];
    keys.contractName[id] = contract;
    keys.hcpcsCode[id] = hcpcsCode.value;
    keys.modifiers[id] = modifiers.value;
    keys.setting[id] = setting.value.setting;
    keys.units[id] = quantity === "blank" ? 1 : quantity;
    keys.blockedBy[id] = blocking === undefined ? null : registryIssueMessage(blocking);
  }

  const serviceDate: IsoDate[] = [];
  for (const [value] of await texts(connection, "SELECT v FROM line_dates ORDER BY id")) {
    const date = readDateCell(value);
    if (!date.ok) return badValue("serviceDate", value!);
    serviceDate.push(date.value);
  }
  const chargeAmount: (number | null)[] = [];
  for (const [value] of await texts(connection, "SELECT v FROM line_charges ORDER BY id")) {
    const cents = readCents(value, { sign: "signed", most: MAX_LINE_CENTS });
    if (typeof cents === "string" && cents !== "blank") return badValue("chargeAmount", value!);
    chargeAmount.push(cents === "blank" ? null : cents);
  }
  return ok({ keys, serviceDate, chargeAmount });
}
