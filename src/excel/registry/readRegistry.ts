/**
 * Reads the contract registry from the workbook (ARCHITECTURE.md 3) in three round trips, whatever the number of
 * tables: (1) the table names; (2) sheet, header and body values of PayerContracts, ContractCarveOuts and
 * MedicareSchedules; (3) the same for the schedule tables those name. Never a sync per table or per cell.
 */
import { registryKey } from "../../engine";
import { hostExcel, type ExcelGateway } from "../core/excelGateway";
import { buildRegistry, REGISTRY_TABLE_NAMES, scheduleTablesNeeded, type RegistrySnapshot } from "./buildRegistry";
import type { TableData } from "./tableSpec";

interface PendingTable {
  readonly table: Excel.Table;
  readonly worksheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly body: Excel.Range;
}

/** Queues the loads of one table's sheet name, header row (values and row index) and body values. */
function queueTable(table: Excel.Table): PendingTable {
  const worksheet = table.worksheet.load("name");
  const header = table.getHeaderRowRange().load("values,rowIndex");
  const body = table.getDataBodyRange().load("values");
  return { table, worksheet, header, body };
}

function tableData(name: string, pending: PendingTable): TableData {
  return {
    name,
    sheet: pending.worksheet.name,
    headers: pending.header.values[0] ?? [],
    rows: pending.body.values,
    // rowIndex is 0-based; the body starts on the row after the header, and Excel numbers rows from 1.
    firstRowNumber: pending.header.rowIndex + 2,
  };
}

/** The cells of the registry's tables as read, before they are built into a registry. */
export interface RegistryTables {
  /** The registry tables and the schedule tables they name, by registry key of the table name. */
  readonly tables: ReadonlyMap<string, TableData>;
  /** Every table of the workbook, as named there. */
  readonly tableNames: readonly string[];
}

/**
 * Reads the registry tables, then the schedule tables `needed` names from them (by default those they name
 * themselves, {@link scheduleTablesNeeded}), in three round trips.
 */
export async function readRegistryTables(
  excel: ExcelGateway,
  needed: (tables: ReadonlyMap<string, TableData>) => readonly string[] = scheduleTablesNeeded,
): Promise<RegistryTables> {
  return excel.run(async (context) => {
    const collection = context.workbook.tables.load("items/name");
    await context.sync();
    const byKey = new Map(collection.items.map((table) => [registryKey(table.name), table]));

    const read = (names: readonly string[]) =>
      names.flatMap((name) => {
        const table = byKey.get(registryKey(name));
        return table === undefined ? [] : [{ name: table.name, pending: queueTable(table) }];
      });
    const registryTables = read(REGISTRY_TABLE_NAMES);
    await context.sync();
    const tables = new Map<string, TableData>(
      registryTables.map(({ name, pending }) => [registryKey(name), tableData(name, pending)]),
    );

    const wanted = [...new Map(needed(tables).map((name) => [registryKey(name), name])).values()];
    const scheduleTables = read(wanted.filter((name) => !tables.has(registryKey(name))));
    if (scheduleTables.length > 0) await context.sync();
    for (const { name, pending } of scheduleTables) tables.set(registryKey(name), tableData(name, pending));
    return { tables, tableNames: collection.items.map((table) => table.name) };
  });
}

/**
 * Reads and indexes the registry: contracts, carve-outs, Medicare schedule registrations, and the fee schedule and
 * Medicare schedule tables they name. Problems in the tables come back as issues in the snapshot, never as
 * exceptions; Office errors (a lost connection) reject the promise unchanged.
 * @example const { registry, issues } = await readRegistry(); // issues name sheet, row, column and value
 */
export async function readRegistry(excel: ExcelGateway = hostExcel()): Promise<RegistrySnapshot> {
  return buildRegistry((await readRegistryTables(excel)).tables);
}
