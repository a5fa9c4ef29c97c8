/**
 * The shared runtime's parsed, indexed copy of the contract registry (ARCHITECTURE.md 3). It loads once, answers
 * the custom functions synchronously from memory, and refreshes itself when a registry or schedule table changes,
 * then asks Excel for a full recalculation so that every `PAYER.*` result follows the edit with no user action
 * (the functions do not reference the registry's cells, so Excel would not recalculate them by itself).
 * The Benchmarks table (PAYER.MARKET_RATE's) is read in the same round trips and watched like the registry's tables.
 */
import { hostExcel, type ExcelGateway } from "../excel/core/excelGateway";
import { STAGING_TABLE_PREFIX } from "../excel/core/operation/staging";
import { BENCHMARKS_TABLE } from "../excel/benchmarks/benchmarkColumns";
import {
  buildRegistry,
  readRegistryTables,
  REGISTRY_TABLE_NAMES,
  scheduleTablesNeeded,
  type RegistrySnapshot,
} from "../excel/registry";
import { registryKey } from "../engine";
import { MARKET_TABLE_KEY, marketTableOf, type MarketTable } from "../excel/benchmarks/marketTable";

/**
 * An operation of the task pane creates a table under a staging name and gives it its name in its commit, which
 * fires no event (Excel has no table-renamed event): the table-added event it fires comes while the table is still
 * staged. So a refresh first waits, polling the table names, until no staging table is left, for at most
 * STAGING_POLLS x STAGING_POLL_MS (an interrupted run's leftover must not stop the cache for good).
 */
const STAGING_POLL_MS = 100;
const STAGING_POLLS = 100;

/** Events of the table collection that exist in newer Excel versions (ExcelApi 1.9) and not in the simulator. */
interface TableCollectionEvents {
  readonly onAdded?: { add(handler: () => Promise<void>): unknown };
  readonly onDeleted?: { add(handler: () => Promise<void>): unknown };
}

/** One registry cache per runtime; {@link registryCache} is the one the functions use. */
export class RegistryCache {
  private excel: ExcelGateway | null = null;
  private snapshot: RegistrySnapshot | null = null;
  private market: MarketTable = { kind: "absent" };
  private loading: Promise<RegistrySnapshot> | null = null;
  private refreshing: Promise<void> | null = null;
  private dirty = false;
  /**
   * Tables (by id) whose onChanged already refreshes the cache. By id, not name: a table deleted and made again under
   * its name (a rebuilt table, the Benchmarks table replaced) is a new table whose edits need their own handler.
   */
  private readonly watched = new Set<string>();
  private collectionWatched = false;
  /** Resolves at the first load, for functions evaluated before anything started the cache (the playground). */
  private readonly firstLoad: Promise<RegistrySnapshot>;
  private resolveFirstLoad: (snapshot: RegistrySnapshot) => void = () => undefined;

  constructor() {
    this.firstLoad = new Promise((resolve) => (this.resolveFirstLoad = resolve));
  }

  /**
   * Starts (or restarts) the cache against a workbook: reads the registry, watches its tables, then recalculates.
   * The playground calls it once the simulator exists; inside Excel the first function call starts it.
   */
  start(excel: ExcelGateway): Promise<RegistrySnapshot> {
    this.excel = excel;
    this.snapshot = null;
    this.watched.clear();
    this.collectionWatched = false;
    this.loading = this.load(excel);
    void this.loading.then(this.resolveFirstLoad, () => undefined);
    return this.loading;
  }

  /** The registry when it is loaded, else null (functions then wait for {@link ready}). */
  current(): RegistrySnapshot | null {
    return this.snapshot;
  }

  /** The Benchmarks table as last read (absent until the first load). */
  currentMarket(): MarketTable {
    return this.market;
  }

  /**
   * Resolves with the registry once loaded. Inside Excel the first call starts the cache against the host; where
   * there is no Excel yet (the playground builds its simulator after the functions), it waits for `start`.
   */
  ready(): Promise<RegistrySnapshot> {
    if (this.loading !== null) return this.loading;
    if (typeof Excel === "undefined") return this.firstLoad;
    return this.start(hostExcel());
  }

  /**
   * Reads the registry again and recalculates. Changes arriving during a refresh are coalesced into one more read,
   * so a paste of 500 rows costs two reads, not 500. Resolves when the registry and the workbook are up to date.
   */
  refresh(): Promise<void> {
    if (this.refreshing !== null) {
      this.dirty = true;
      return this.refreshing;
    }
    const excel = this.excel;
    if (excel === null) return Promise.reject(new Error("The registry cache was not started."));
    this.refreshing = (async () => {
      try {
        do {
          this.dirty = false;
          await untilNoTableStaged(excel);
          this.loading = this.load(excel);
          await this.loading;
        } while (this.dirty);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** Resolves when no refresh is pending (tests and the playground await it after an edit). */
  async settled(): Promise<void> {
    while (this.refreshing !== null) await this.refreshing;
    if (this.loading !== null) await this.loading;
  }

  private async load(excel: ExcelGateway): Promise<RegistrySnapshot> {
    // The Benchmarks table rides on the registry's reads: no extra round trip, and it is watched with them.
    const read = await readRegistryTables(excel, (tables) => [...scheduleTablesNeeded(tables), BENCHMARKS_TABLE]);
    const snapshot = buildRegistry(read.tables);
    this.market = marketTableOf(read.tables.get(MARKET_TABLE_KEY));
    this.snapshot = snapshot;
    await this.watchAndRecalculate(excel, [...REGISTRY_TABLE_NAMES, ...snapshot.tableNames]);
    return snapshot;
  }

  /** One batch: subscribe to the tables not yet watched, and ask Excel for a full recalculation. */
  private async watchAndRecalculate(excel: ExcelGateway, names: readonly string[]): Promise<void> {
    const wanted = new Set(names.map(registryKey));
    await excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name,items/id");
      await context.sync();
      const onChange = () => this.refresh();
      for (const table of tables.items) {
        if (!wanted.has(registryKey(table.name)) || this.watched.has(table.id)) continue;
        table.onChanged.add(onChange);
        this.watched.add(table.id);
      }
      // A registry or schedule table added or deleted (e.g. the fee schedule a contract names) changes answers too.
      const events = tables as unknown as TableCollectionEvents;
      if (!this.collectionWatched && events.onAdded !== undefined && events.onDeleted !== undefined) {
        events.onAdded.add(onChange);
        events.onDeleted.add(onChange);
        this.collectionWatched = true;
      }
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }
}

/** Whether the workbook holds a staging table: an operation is under way (one request). */
function tableStaged(excel: ExcelGateway): Promise<boolean> {
  return excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    return tables.items.some((table) => table.name.startsWith(STAGING_TABLE_PREFIX));
  });
}

/** Resolves once the workbook holds no staging table (an operation's commit named them), or after the polls. */
async function untilNoTableStaged(excel: ExcelGateway): Promise<void> {
  // Polling is the point here: each poll is one request, spaced STAGING_POLL_MS apart.
  for (let poll = 0; poll < STAGING_POLLS && (await tableStaged(excel)); poll++)
    await new Promise((resolve) => setTimeout(resolve, STAGING_POLL_MS));
}

/** The runtime's registry cache, shared by every custom function. */
export const registryCache = new RegistryCache();

/**
 * Runs `compute` with the registry: at once when it is loaded (the usual case, synchronous as the simulator needs),
 * else after the first load, as a Promise (Excel waits for it).
 */
export function withRegistry<T>(compute: (snapshot: RegistrySnapshot) => T): T | Promise<T> {
  const snapshot = registryCache.current();
  return snapshot !== null ? compute(snapshot) : registryCache.ready().then(compute);
}

/** As {@link withRegistry}, with the Benchmarks table as the cache read it (PAYER.MARKET_RATE). */
export function withMarketTable<T>(compute: (market: MarketTable) => T): T | Promise<T> {
  return registryCache.current() !== null
    ? compute(registryCache.currentMarket())
    : registryCache.ready().then(() => compute(registryCache.currentMarket()));
}
