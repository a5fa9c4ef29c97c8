/**
 * `payer-contracts price`: a claims file of any size priced by the add-in's engine, in DuckDB (ARCHITECTURE.md 2,
 * issue 19 items 1-2). DuckDB reads the file, finds its distinct keys, dates and charges (lineKeys.ts), and streams
 * each line as three ids in file order; the engine's batch pricer (`priceLines`, decimal.js once per distinct key,
 * integer cents per line) prices each chunk; the cents go back through an appender and DuckDB writes the file's
 * columns plus the priced ones, in the same order. The output appears only once complete (written beside it, then
 * renamed), so a failure never leaves a partial file under the requested name.
 */
import { existsSync, renameSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { DuckDBDataChunk, DuckDBInstance, DOUBLE, INTEGER, type DuckDBConnection } from "@duckdb/node-api";
import { fail, issueMessage, ok, priceLines, type Result } from "../engine";
import type { IsoDate } from "../engine";
import { registryIssueMessage, type RegistrySnapshot } from "../excel/registry";
import type { CliIssue } from "./cliIssues";
import { duckDbDetail, fileTypeOf, openClaimsSource, sqlName, sqlText, type FileType } from "./claimsSource";
import { createKeyTables, lineIdsQuery, readLineKeys, type LineKeys } from "./lineKeys";
import { PRICED_LINES_SPEC } from "./pricedColumns";
import { summarise, writeSummary } from "./summaryWorkbook";
import { readWorkbookRegistry } from "./workbookFile";

export interface PriceRequest {
  readonly workbook: string;
  readonly claims: string;
  readonly out: string;
  /** An .xlsx file to write the summaries into, when asked. */
  readonly summary?: string;
}

/** What a run did, for its last line on stderr. */
export interface PriceReport {
  readonly lines: number;
  readonly pricedLines: number;
  /** Distinct pricing keys (contract, code, modifiers, place of service, units) in the file. */
  readonly distinctKeys: number;
  /** Registry problems the workbook has (as the add-in lists them); the lines of the contracts they affect carry them. */
  readonly registryIssues: readonly string[];
}

/** DuckDB's memory limit: the rest of the 2 GB budget (ARCHITECTURE.md 9) is the engine's and Node's. */
const DUCKDB_MEMORY_LIMIT = "1GB";

const WRITERS = {
  csv: "(FORMAT csv, HEADER true)",
  parquet: "(FORMAT parquet, COMPRESSION zstd)",
} as const satisfies Record<FileType, string>;

/** Checks the files of a request before anything is read. */
function checkFiles(request: PriceRequest): Result<{ claims: FileType; out: FileType }, CliIssue> {
  if (!existsSync(request.workbook)) return fail({ code: "fileMissing", role: "workbook", file: request.workbook });
  if (path.extname(request.workbook).toLowerCase() !== ".xlsx")
    return fail({ code: "fileType", role: "workbook", file: request.workbook, expected: "an Excel workbook (.xlsx)" });
  if (!existsSync(request.claims)) return fail({ code: "fileMissing", role: "claims", file: request.claims });
  const expected = "a .csv or .parquet file";
  const claims = fileTypeOf(request.claims);
  if (claims === null) return fail({ code: "fileType", role: "claims", file: request.claims, expected });
  const out = fileTypeOf(request.out);
  if (out === null) return fail({ code: "fileType", role: "output", file: request.out, expected });
  if (request.summary !== undefined && path.extname(request.summary).toLowerCase() !== ".xlsx")
    return fail({ code: "fileType", role: "summary", file: request.summary, expected: "an Excel workbook (.xlsx)" });
  return ok({ claims, out });
}

/** Prices every line of `request.claims` into `request.out`; `progress` gets a line of text now and then. */
export async function priceClaimsFile(
  request: PriceRequest,
  progress: (text: string) => void,
): Promise<Result<PriceReport, CliIssue>> {
  const types = checkFiles(request);
  if (!types.ok) return types;
  progress(`Reading contracts from ${request.workbook}`);
  const snapshot = await readWorkbookRegistry(request.workbook);
  if (!snapshot.ok) return snapshot;

  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: DUCKDB_MEMORY_LIMIT,
    temp_directory: path.join(os.tmpdir(), `payer-contracts-${process.pid}`),
  });
  const connection = await instance.connect();
  const partial = path.join(path.dirname(request.out), `.${path.basename(request.out)}.partial-${process.pid}`);
  try {
    return await run(connection, instance, request, types.value, snapshot.value, partial, progress);
  } finally {
    rmSync(partial, { force: true });
    connection.closeSync();
    instance.closeSync();
  }
}

async function run(
  connection: DuckDBConnection,
  instance: DuckDBInstance,
  request: PriceRequest,
  types: { claims: FileType; out: FileType },
  snapshot: RegistrySnapshot,
  partial: string,
  progress: (text: string) => void,
): Promise<Result<PriceReport, CliIssue>> {
  const source = await openClaimsSource(connection, request.claims, types.claims);
  if (!source.ok) return source;
  progress(`Reading claims from ${request.claims}`);
  try {
    await createKeyTables(connection, source.value);
  } catch (error) {
    return fail({ code: "claimsUnreadable", file: request.claims, detail: duckDbDetail(error) });
  }
  const read = await readLineKeys(connection, source.value, snapshot);
  if (!read.ok) return read;
  const lineKeys = read.value;
  const lines = Number((await connection.runAndReadAll("SELECT count(*) FROM claims_source")).getRowsJS()[0]![0]);
  progress(`Pricing ${lines.toLocaleString("en-US")} lines (${lineKeys.keys.contractName.length.toLocaleString("en-US")} distinct pricing keys)`); // prettier-ignore

  const issueTexts = new Map<string, number>();
  const pricedLines = await priceLinesInto(connection, instance, source.value, lineKeys, snapshot, issueTexts, lines, progress); // prettier-ignore

  progress(`Writing ${request.out}`);
  const { expectedAmount, pricingIssue } = PRICED_LINES_SPEC.columns;
  const issueList = `[${[...issueTexts.keys()].map(sqlText).join(", ")}]`;
  const issueColumn = issueTexts.size === 0 ? "CAST(NULL AS VARCHAR)" : `${issueList}[p.issue + 1]`;
  try {
    await connection.run(
      `COPY (SELECT lines.*, CAST(CAST(CAST(p.cents AS BIGINT) AS DECIMAL(18,0)) * 0.01 AS DECIMAL(18,2)) AS ${sqlName(expectedAmount.header)},` +
        ` ${issueColumn} AS ${sqlName(pricingIssue.header)} FROM claims_source lines POSITIONAL JOIN priced p) TO ${sqlText(partial)} ${WRITERS[types.out]}`,
    );
  } catch (error) {
    return fail({ code: "outputUnwritable", file: request.out, detail: duckDbDetail(error) });
  }
  const registryIssues = snapshot.issues.map(registryIssueMessage);
  if (request.summary !== undefined) {
    progress(`Writing the summary ${request.summary}`);
    const summary = await summarise(connection, lineKeys.keys, [...issueTexts.keys()]);
    const written = await writeSummary(request.summary, summary, { ...request, lines, pricedLines });
    if (!written.ok) return written;
  }
  renameSync(partial, request.out);
  return ok({ lines, pricedLines, distinctKeys: lineKeys.keys.contractName.length, registryIssues });
}

/** Streams the lines' ids, prices each chunk with the engine, and appends cents and issue ids to `priced`. */
async function priceLinesInto(
  connection: DuckDBConnection,
  instance: DuckDBInstance,
  source: Parameters<typeof lineIdsQuery>[0],
  lineKeys: LineKeys,
  snapshot: RegistrySnapshot,
  issueTexts: Map<string, number>,
  lines: number,
  progress: (text: string) => void,
): Promise<number> {
  await connection.run("CREATE TABLE priced (cents DOUBLE, issue INTEGER, key INTEGER)");
  // The appender has its own connection: appending on the streaming one would end the stream.
  const appending = await instance.connect();
  const appender = await appending.createAppender("priced");
  const issueId = (text: string): number => {
    let id = issueTexts.get(text);
    if (id === undefined) issueTexts.set(text, (id = issueTexts.size));
    return id;
  };
  const { keys, serviceDate, chargeAmount } = lineKeys;
  const result = await connection.stream(lineIdsQuery(source));
  let done = 0;
  let priced = 0;
  let reported = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    const keyIds = chunk.getColumnVector(0);
    const dateIds = chunk.getColumnVector(1);
    const chargeIds = chunk.getColumnVector(2);
    const contractName = new Array<string>(rows);
    const hcpcsCode = new Array<(typeof keys.hcpcsCode)[number]>(rows);
    const modifiers = new Array<(typeof keys.modifiers)[number]>(rows);
    const setting = new Array<(typeof keys.setting)[number]>(rows);
    const units = new Float64Array(rows);
    const dates = new Array<IsoDate>(rows);
    const charges = new Array<number | null>(rows);
    const keyOf = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const key = Number(keyIds.getItem(i));
      keyOf[i] = key;
      contractName[i] = keys.contractName[key]!;
      hcpcsCode[i] = keys.hcpcsCode[key]!;
      modifiers[i] = keys.modifiers[key]!;
      setting[i] = keys.setting[key]!;
      units[i] = keys.units[key]!;
      dates[i] = serviceDate[Number(dateIds.getItem(i))]!;
      charges[i] = chargeAmount[Number(chargeIds.getItem(i))]!;
    }
    const pricing = priceLines(snapshot.registry, { contractName, hcpcsCode, serviceDate: dates, modifiers, units, chargeAmount: charges, setting }); // prettier-ignore
    const cents = new Array<number | null>(rows);
    const issues = new Array<number | null>(rows);
    for (let i = 0; i < rows; i++) {
      const blocked = keys.blockedBy[keyOf[i]!];
      const issue = pricing.issues.get(i);
      if (blocked !== null && blocked !== undefined) {
        cents[i] = null;
        issues[i] = issueId(blocked);
      } else if (issue !== undefined) {
        cents[i] = null;
        issues[i] = issueId(issueMessage(issue));
      } else {
        cents[i] = pricing.allowedAmount[i]!;
        issues[i] = null;
        priced++;
      }
    }
    const out = DuckDBDataChunk.create([DOUBLE, INTEGER, INTEGER], rows);
    out.setColumnValues(0, cents);
    out.setColumnValues(1, issues);
    out.setColumnValues(2, Array.from(keyOf));
    appender.appendDataChunk(out);
    done += rows;
    if (done - reported >= 1_000_000) {
      reported = done;
      progress(`  ${done.toLocaleString("en-US")} of ${lines.toLocaleString("en-US")} lines priced`);
    }
  }
  appender.flushSync();
  appender.closeSync();
  appending.closeSync();
  return priced;
}
