/**
 * Issue 19 item 3: the SQL that `payer-contracts sql` writes prices the same lines as the add-in's engine and the
 * command-line tool, to the cent, when run on DuckDB; the lines it leaves NULL are exactly those it says it does not
 * cover, each with its reason. On the sample's claims, and on a seeded set mixing every contract method, carve-outs,
 * default rules, modifier policies, modifiers, units, places of service, charges below the contract amount, half
 * cents and contract versions changing by date.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { DuckDBInstance } from "@duckdb/node-api";
import { Decimal, parsePlaceOfService, priceLine, type ContractLine } from "../../src/engine";
import type { CareSetting, Cents, HcpcsCode, IsoDate, Modifier } from "../../src/engine";
import { readRegistry } from "../../src/excel/registry";
import { NOT_IN_SQL, RATE_TABLE_LIMITS, UNIT_RULE_COVERAGE } from "../../src/cli/sql/sqlCoverage";
import type { WorkbookSimulator } from "../../src/playground/simulator";
import { mulberry32 } from "../../src/playground/sample/prng";
import { cli, EXIT_CODES, readRows, sampleSimulator, saveTablesAsXlsx, tableCells, writeCsv, type Cell } from "./support"; // prettier-ignore

/** A claim line as a warehouse holds it, and what the engine reads of it. */
interface SeededLine {
  readonly cells: Cell[];
  readonly line: ContractLine;
}

const HEADERS = ["line_number", "contract_name", "hcpcs_code", "hcpcs_modifier_1", "hcpcs_modifier_2", "place_of_service_code", "service_unit_quantity", "charge_amount", "service_date"]; // prettier-ignore

let dir: string;

function settingOf(place: Cell): CareSetting {
  const read = parsePlaceOfService(place);
  if (!read.ok) throw new Error(`a seeded place of service does not read: ${String(place)}`);
  return read.value.setting;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "payer-sql-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a SQL file on DuckDB over a claims CSV loaded as the table `claims`; each line's cents and reason, in order. */
async function runSqlOnDuckDb(
  sqlFile: string,
  claimsCsv: string,
): Promise<{ cents: (number | null)[]; reasons: (string | null)[] }> {
  // prettier-ignore
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE claims AS SELECT * FROM read_csv('${claimsCsv}', header = true, all_varchar = true)`); // prettier-ignore
  await connection.run(readFileSync(sqlFile, "utf8"));
  const rows = (
    await connection.runAndReadAll(
      "SELECT CAST(expected_allowed_amount AS VARCHAR), pricing_issue FROM priced_claim_lines ORDER BY CAST(line_number AS INTEGER)", // prettier-ignore
    )
  ).getRowsJS();
  connection.closeSync();
  instance.closeSync();
  // Dollars as text to integer cents without a binary fraction in between.
  const cents = rows.map(([amount]) => (amount === null ? null : Number(String(amount).replace(".", ""))));
  return { cents, reasons: rows.map(([, reason]) => (reason === null ? null : String(reason))) };
}

/** The tool's Expected Amount of each line, in cents. */
async function toolCents(file: string): Promise<(number | null)[]> {
  return (await readRows(file)).map((row) => {
    const amount = row["Expected Amount"];
    return amount === null || amount === undefined ? null : Math.round(Number(amount) * 100);
  });
}

/** Prices the lines three ways: the add-in's engine line by line, the tool, and the SQL on DuckDB. */
async function priceThreeWays(simulator: WorkbookSimulator, name: string, lines: readonly SeededLine[]) {
  const workbook = path.join(dir, `${name}.xlsx`);
  await saveTablesAsXlsx(simulator, workbook);
  const { registry } = await readRegistry(simulator.excel);
  const claims = path.join(dir, `${name}-claims.csv`);
  writeCsv(
    claims,
    HEADERS,
    lines.map((line) => line.cells),
  );
  const sqlFile = path.join(dir, `${name}.sql`);
  const written = await cli("sql", "--workbook", workbook, "--out", sqlFile);
  expect([written.code, written.stderr]).toEqual([EXIT_CODES.done, expect.stringContaining("Not priced in SQL")]);
  const out = path.join(dir, `${name}-priced.csv`);
  const priced = await cli("price", "--workbook", workbook, "--claims", claims, "--out", out);
  expect([priced.code, priced.stderr]).toEqual([EXIT_CODES.done, expect.stringContaining("Priced ")]);
  return {
    registry,
    engine: lines.map(({ line }) => {
      const price = priceLine(registry, line);
      return price.ok ? price.value.allowedAmount : null;
    }),
    tool: await toolCents(out),
    sql: await runSqlOnDuckDb(sqlFile, claims),
  };
}

/** The lines where the SQL and the engine differ, except lines the SQL leaves to the engine with its reason. */
function differences(
  engine: readonly (number | null)[],
  sql: { cents: (number | null)[]; reasons: (string | null)[] },
) {
  return engine.flatMap((cents, i) => {
    const leftToEngine = sql.cents[i] === null && sql.reasons[i]?.startsWith(NOT_IN_SQL) === true;
    return cents === sql.cents[i] || leftToEngine ? [] : [{ line: i + 1, engine: cents, sql: sql.cents[i], reason: sql.reasons[i] }]; // prettier-ignore
  });
}

describe("payer-contracts sql on the sample's claims", () => {
  it("prices every line the SQL covers to the cent of the add-in's engine and of the tool, on DuckDB", async () => {
    const simulator = sampleSimulator();
    const claims = tableCells(simulator, "Claims");
    const column = (header: string): number => claims.headers.indexOf(header);
    const lines: SeededLine[] = claims.rows.map((row, i) => {
      const cell = (header: string): Cell => row[column(header)] ?? null;
      const modifiers = [cell("HCPCS Modifier 1"), cell("HCPCS Modifier 2")].filter((m) => m !== null && m !== "");
      return {
        cells: [i + 1, cell("Contract Name"), cell("HCPCS Code"), cell("HCPCS Modifier 1"), cell("HCPCS Modifier 2"), cell("Place of Service Code"), cell("Service Unit Quantity"), cell("Charge Amount"), cell("Service Date")], // prettier-ignore
        line: {
          contractName: String(cell("Contract Name")),
          hcpcsCode: String(cell("HCPCS Code")) as HcpcsCode,
          modifiers: modifiers.map((m) => String(m) as Modifier),
          units: Number(cell("Service Unit Quantity")),
          chargeAmount: Math.round(Number(cell("Charge Amount")) * 100) as Cents,
          serviceDate: String(cell("Service Date")) as IsoDate,
          setting: settingOf(cell("Place of Service Code")),
        },
      };
    });
    const { engine, tool, sql } = await priceThreeWays(simulator, "sample", lines);

    expect(tool).toEqual(engine);
    expect(differences(engine, sql)).toEqual([]);
    // The sample's only lines the SQL leaves to the engine are its lines with two modifiers (26 with RT or LT).
    const leftToEngine = lines.filter((_, i) => sql.reasons[i]?.startsWith(NOT_IN_SQL) === true);
    expect(leftToEngine.map((l) => l.line.modifiers!.length)).toEqual(leftToEngine.map(() => 2));
    expect(sql.cents.filter((cents) => cents !== null).length).toBeGreaterThan(2_800);
  });
});

/** The sample workbook with a contract of each method the sample lacks, a version change mid-year, and policies. */
async function seededWorkbook(): Promise<WorkbookSimulator> {
  const simulator = sampleSimulator();
  const row = (table: string, values: Record<string, Cell>): (string | number | boolean)[] =>
    tableCells(simulator, table).headers.map((header) => values[header] ?? "");
  const contract = (values: Record<string, Cell>): (string | number | boolean)[] =>
    row("PayerContracts", { Payer: "Seeded", Product: "PPO", "Medicare Schedule": "MPFS_2025", "Lesser Of": true, "Multiple Procedure Rule": "Medicare", "Auto Renew": false, "Effective Start Date": "2024-01-01", "Effective End Date": "2025-12-31", ...values }); // prettier-ignore
  await simulator.excel.run(async (context: Excel.RequestContext) => {
    context.workbook.tables.getItem("PayerContracts").rows.add(undefined, [
      contract({ "Contract Name": "Harbor Commercial", Method: "percent of billed", Percent: 0.62, "Lesser Of": false, "Multiple Procedure Rule": "None" }), // prettier-ignore
      contract({ "Contract Name": "Bayou Choice", "Effective End Date": "2024-06-30", Method: "fee schedule", "Fee Schedule": "FS_AcmePPO_2025", "Default Method": "percent of billed", "Default Percent": 0.5, "Multiple Procedure Rule": "None" }), // prettier-ignore
      contract({ "Contract Name": "Bayou Choice", "Effective Start Date": "2024-07-01", Method: "percent of medicare", Percent: 1.2 }), // prettier-ignore
      contract({ "Contract Name": "Gulf Hospital", Method: "hospital terms only" }),
    ]);
    context.workbook.tables.getItem("ContractCarveOuts").rows.add(undefined, [
      row("ContractCarveOuts", { "Contract Name": "Bayou Choice", "HCPCS Code From": "99213", "HCPCS Code To": "99213", Method: "percent of medicare", Percent: 1.1 }), // prettier-ignore
      row("ContractCarveOuts", { "Contract Name": "Bayou Choice", "HCPCS Code From": "36415", "HCPCS Code To": "36415", Method: "flat rate", Rate: 4.25 }), // prettier-ignore
    ]);
    const sheet = context.workbook.worksheets.add("Modifier Policies");
    sheet.getRange("A1:D3").values = [
      ["Contract Name", "Modifier", "Percent", "Note"],
      ["Bayou Choice", "22", 1.25, "seeded"],
      ["Acme Health PPO", "80", 0.2, "seeded"],
    ];
    sheet.tables.add("A1:D3", true).name = "ContractModifierPolicies";
    await context.sync();
  });
  return simulator;
}

const SEEDED_CONTRACTS = ["Acme Health PPO", "Summit Medicare Advantage", "Harbor Commercial", "Bayou Choice", "Gulf Hospital"]; // prettier-ignore
/** Single modifiers: none most often, those pricing rules use, informational ones, one the SQL is not built for. */
const SEEDED_MODIFIERS: readonly (readonly string[])[] = [[], [], [], [], ["26"], ["TC"], ["50"], ["51"], ["59"], ["25"], ["80"], ["22"], ["LT"], ["GP"], ["53"], ["ZZ"], ["26", "59"]]; // prettier-ignore
const UNLISTED_MODIFIER = "ZZ";
const SEEDED_PLACES = ["11", "11", "22", "21", "", "2", "31", "99"];
const SEEDED_UNITS: readonly Cell[] = [1, 1, 1, 1, 2, 3, "", 4];
/** Dates around the seeded versions' changes, and outside every version. */
const SEEDED_DATES = ["2023-12-15", "2024-01-01", "2024-03-10", "2024-06-30", "2024-07-01", "2024-12-31", "2025-01-01", "2025-06-15", "2025-12-31", "2026-01-02"]; // prettier-ignore
const OUTSIDE_EVERY_VERSION = new Set(["2023-12-15", "2026-01-02"]);

/** Lines mixing every contract, code, modifier, setting, units, charge and date above, reproducibly. */
function seededLines(simulator: WorkbookSimulator, count: number): SeededLine[] {
  const prng = mulberry32(19);
  const codes = [...new Set(["MPFS_2025", "FS_AcmePPO_2025"].flatMap((t) => tableCells(simulator, t).rows.map((r) => String(r[0]))))]; // prettier-ignore
  return Array.from({ length: count }, (_, i) => {
    const contractName = prng.pick(SEEDED_CONTRACTS);
    const hcpcsCode = prng.pick([...codes, "36415", "99213"]) as HcpcsCode;
    const modifiers = prng.pick(SEEDED_MODIFIERS) as Modifier[];
    const place = prng.pick(SEEDED_PLACES);
    const units = prng.pick(SEEDED_UNITS);
    // Most charges far above any rate; some below it (lesser-of binds); some at 25-cent steps (half cents of 62%).
    const charge = prng.chance(0.1) ? null : prng.chance(0.25) ? prng.int(1, 3_000) : prng.chance(0.2) ? 25 * prng.int(1, 400) : prng.int(1, 200_000); // prettier-ignore
    const serviceDate = prng.pick(SEEDED_DATES) as IsoDate;
    return {
      cells: [i + 1, contractName, hcpcsCode, modifiers[0] ?? null, modifiers[1] ?? null, place, units, charge === null ? null : (charge / 100).toFixed(2), serviceDate], // prettier-ignore
      line: { contractName, hcpcsCode, modifiers, units: units === "" ? 1 : Number(units), chargeAmount: charge as Cents | null, serviceDate, setting: settingOf(place) }, // prettier-ignore
    };
  });
}

describe("payer-contracts sql on seeded lines of every method, modifier, unit, charge and date", () => {
  let lines: SeededLine[];
  let priced: Awaited<ReturnType<typeof priceThreeWays>>;
  const reasonOf = (i: number): string | null => priced.sql.reasons[i] ?? null;
  const leftToEngineFor = (reason: string) => (i: number) => reasonOf(i) === NOT_IN_SQL + reason;

  beforeAll(async () => {
    const simulator = await seededWorkbook();
    lines = seededLines(simulator, 6_000);
    priced = await priceThreeWays(simulator, "seeded", lines);
  }, 120_000);

  it("prices every line the SQL covers to the cent of the add-in's engine, as the tool does", () => {
    expect(priced.tool).toEqual(priced.engine);
    expect(differences(priced.engine, priced.sql)).toEqual([]);
  });

  it("prices lines of every seeded contract that has professional terms in SQL", () => {
    const inSql = (name: string): number => lines.filter((l, i) => l.line.contractName === name && priced.sql.cents[i] !== null).length; // prettier-ignore
    expect(SEEDED_CONTRACTS.map((name) => [name, inSql(name) > 100])).toEqual(SEEDED_CONTRACTS.map((name) => [name, name !== "Gulf Hospital"])); // prettier-ignore
  });

  it("leaves to the engine exactly the lines with two modifiers, or a modifier it was not built for", () => {
    const indexes = lines.map((_, i) => i);
    const twoModifiers = indexes.filter((i) => lines[i]!.line.modifiers!.length === 2);
    const unlisted = indexes.filter((i) => lines[i]!.line.modifiers![0] === UNLISTED_MODIFIER);
    expect(indexes.filter(leftToEngineFor(RATE_TABLE_LIMITS.twoModifiers))).toEqual(twoModifiers);
    expect(indexes.filter(leftToEngineFor(RATE_TABLE_LIMITS.modifierNotListed))).toEqual(unlisted);
  });

  it("leaves to the engine lines dated outside every contract version, which the engine cannot price either", () => {
    const indexes = lines.map((_, i) => i);
    const outside = indexes.filter((i) => OUTSIDE_EVERY_VERSION.has(lines[i]!.line.serviceDate) && lines[i]!.line.modifiers!.length < 2 && lines[i]!.line.modifiers![0] !== UNLISTED_MODIFIER); // prettier-ignore
    expect(indexes.filter(leftToEngineFor(RATE_TABLE_LIMITS.noRate))).toEqual(outside);
    expect(outside.map((i) => priced.engine[i])).toEqual(outside.map(() => null));
  });

  it("leaves to the engine only lines of several units under a CMS unit rule, and prices other multi-unit lines", () => {
    const unitRuleReasons = Object.values(UNIT_RULE_COVERAGE).flatMap((c) => ("reason" in c ? [NOT_IN_SQL + c.reason] : [])); // prettier-ignore
    const underUnitRule = lines.flatMap((l, i) => (unitRuleReasons.includes(reasonOf(i) ?? "") ? [l.line.units!] : []));
    expect(underUnitRule.length).toBeGreaterThan(0);
    expect(underUnitRule.filter((units) => units <= 1)).toEqual([]);
    expect(lines.filter((l, i) => l.line.units! > 1 && priced.sql.cents[i] !== null).length).toBeGreaterThan(500);
  });

  it("rounds a line's half cent up once, as the engine does, and binds lesser-of at a charge below the contract", () => {
    const halfCents = lines.filter((l, i) => {
      const price = priceLine(priced.registry, l.line);
      return price.ok && priced.sql.cents[i] !== null && price.value.contractAmount.times(100).mod(1).eq(0.5);
    });
    const bound = lines.filter((l, i) => {
      const price = priceLine(priced.registry, l.line);
      return price.ok && price.value.lesserOf === "bound" && priced.sql.cents[i] === l.line.chargeAmount;
    });
    expect([halfCents.length > 20, bound.length > 100]).toEqual([true, true]);
  });
});

describe("ROUND on DuckDB's DECIMAL", () => {
  it("rounds half a cent away from zero, as the engine's half-up rounding does (not to even)", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const amounts = ["0.125", "0.135", "-0.125", "1339.8150"];
    const rounded =
      (await connection.runAndReadAll(`SELECT ${amounts.map((a) => `CAST(round(CAST('${a}' AS DECIMAL(18, 4)), 2) AS VARCHAR)`).join(", ")}`)) // prettier-ignore
        .getRowsJS()[0]!;
    connection.closeSync();
    instance.closeSync();
    expect(rounded).toEqual(amounts.map((a) => new Decimal(a).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)));
  });
});
