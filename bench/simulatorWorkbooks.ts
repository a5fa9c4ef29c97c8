/**
 * What the simulator benchmarks share: the sample workbook with its Claims table grown to any number of lines, and
 * the CPU a workbook simulator spends answering requests, measured apart from the add-in's own.
 */
import type { ExcelGateway } from "../src/excel/core/excelGateway";
import { buildSampleWorkbook } from "../src/playground/sample/sampleWorkbook";
import type { CellInput, WorkbookSimulator, WorkbookSnapshot } from "../src/playground/simulator";

/**
 * The sample workbook with its Claims table grown to `lines` lines: the sample's claims again under new claim ids, so
 * their mix of codes, contracts and same-day rules is the sample's.
 */
export function sampleWithClaimLines(lines: number): WorkbookSnapshot {
  const sample = buildSampleWorkbook();
  const claims = sample.sheets.find((sheet) => sheet.name === "Claims")!;
  const [header, ...body] = claims.cells as CellInput[][];
  const claimId = header!.indexOf("Claim ID");
  const rows = Array.from({ length: lines }, (_, i) => {
    const row = [...body[i % body.length]!];
    row[claimId] = `${String(row[claimId])}-${Math.floor(i / body.length)}`;
    return row;
  });
  const lastRow = String(body.length + 1);
  const grow = (address: string) => address.replace(new RegExp(`(?<=[A-Z])${lastRow}$`), String(lines + 1));
  const grown = {
    ...claims,
    cells: [header!, ...rows],
    numberFormats: claims.numberFormats?.map((format) => ({ ...format, address: grow(format.address) })),
    tables: claims.tables?.map((table) => ({ ...table, address: grow(table.address) })),
  };
  return { ...sample, sheets: sample.sheets.map((sheet) => (sheet === claims ? grown : sheet)) };
}

/** CPU milliseconds (user and system) since `start`, a `process.cpuUsage()`. */
export const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

/** The simulator's Excel, adding the CPU of every request (from the sync's call to its answer) to `simulatorMs`. */
export function timedExcel(simulator: WorkbookSimulator, spent: { simulatorMs: number }): ExcelGateway {
  return {
    run: (batch) =>
      simulator.excel.run((context: Excel.RequestContext) => {
        const sync = context.sync.bind(context);
        context.sync = (async (value?: unknown) => {
          const start = process.cpuUsage();
          try {
            return await sync(value);
          } finally {
            spent.simulatorMs += cpuMsSince(start);
          }
        }) as typeof context.sync;
        return batch(context);
      }),
  };
}
