/**
 * Whether 835 files about to be imported were imported already (issue 13, "importing the same 835 file twice is not
 * flagged"). A payment is identified by its payer and its check/EFT trace number (TRN02, which reassociates the
 * remittance with the deposit), as the remittance table keeps them; a file whose payments a remittance table of the
 * workbook holds, or another file of the same import holds, would count its lines twice in every total.
 */
import { catalogue } from "../../engine";
import type { Remit835File } from "../../formats/remit835";
import type { ExcelGateway } from "../core/excelGateway";
import { REMITTANCE_TABLE_SPEC, type RemittanceSource } from "./remittanceTable";

/** One payment of a remittance: its payer (N1*PR) and check/EFT trace number (TRN02), as written. */
export interface RemittancePayment {
  readonly payer: string;
  readonly checkOrEftTraceNumber: string;
}

/** A payment found in a remittance table of the workbook. */
export interface ImportedPayment extends RemittancePayment {
  readonly tableName: string;
}

/** Why a chosen file looks like one imported before: its payments are in a table, or in another chosen file. */
export type DuplicateRemittance =
  | {
      readonly code: "alreadyImported";
      readonly fileName: string;
      readonly payments: readonly RemittancePayment[];
      readonly tableNames: readonly string[];
    }
  | {
      readonly code: "chosenTwice";
      readonly fileName: string;
      readonly payments: readonly RemittancePayment[];
      readonly otherFileName: string;
    };

/** Payer and trace number compared as people read them: spaces around and case do not matter. */
function paymentKey(payer: string, trace: string): string {
  return `${payer.trim().toUpperCase()}\u0000${trace.trim().toUpperCase()}`;
}

/** The payments of a file: each transaction with a trace number, once (a file without TRN02 cannot be compared). */
export function paymentsOf(file: Remit835File): RemittancePayment[] {
  const byKey = new Map<string, RemittancePayment>();
  for (const t of file.transactions) {
    if (t.checkOrEftTraceNumber === null) continue;
    const payer = t.payer ?? "";
    byKey.set(paymentKey(payer, t.checkOrEftTraceNumber), { payer, checkOrEftTraceNumber: t.checkOrEftTraceNumber });
  }
  return [...byKey.values()];
}

/**
 * The chosen files that repeat a payment: one imported into a remittance table of the workbook, or one an earlier
 * file of the same choice holds (the same file chosen twice, or two files of the same payment). In the order chosen.
 */
export function findDuplicateRemittances(
  sources: readonly RemittanceSource[],
  imported: readonly ImportedPayment[],
): DuplicateRemittance[] {
  const tablesByKey = new Map<string, Set<string>>();
  for (const p of imported) {
    const key = paymentKey(p.payer, p.checkOrEftTraceNumber);
    tablesByKey.set(key, (tablesByKey.get(key) ?? new Set()).add(p.tableName));
  }
  const chosenByKey = new Map<string, string>();
  const duplicates: DuplicateRemittance[] = [];
  for (const { fileName, file } of sources) {
    const payments = paymentsOf(file);
    const keys = payments.map((p) => paymentKey(p.payer, p.checkOrEftTraceNumber));
    const tables = new Set(keys.flatMap((key) => [...(tablesByKey.get(key) ?? [])]));
    const repeated = payments.filter((_, i) => tablesByKey.has(keys[i] as string));
    if (tables.size > 0)
      duplicates.push({ code: "alreadyImported", fileName, payments: repeated, tableNames: [...tables] });
    const other = keys.map((key) => chosenByKey.get(key)).find((name) => name !== undefined);
    if (other !== undefined) {
      const twice = payments.filter((_, i) => chosenByKey.has(keys[i] as string));
      duplicates.push({ code: "chosenTwice", fileName, payments: twice, otherFileName: other });
    }
    for (const key of keys) if (!chosenByKey.has(key)) chosenByKey.set(key, fileName);
  }
  return duplicates;
}

/** "check/EFT 02790758 from BLUE CROSS" (and how many more). */
function paymentsText(payments: readonly RemittancePayment[]): string {
  const [first] = payments;
  if (first === undefined) return "its payments";
  const payer = first.payer === "" ? "" : ` from ${first.payer}`;
  const more = payments.length > 1 ? ` and ${payments.length - 1} more` : "";
  return `check/EFT ${first.checkOrEftTraceNumber}${payer}${more}`;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

/** The message a user reads before importing: which file, which payment, where it is already. */
export const duplicateRemittanceMessage: (duplicate: DuplicateRemittance) => string = catalogue<DuplicateRemittance>({
  alreadyImported: (d) =>
    `${d.fileName} looks imported already: table ${quoted(d.tableNames)} holds its payment (${paymentsText(d.payments)}). Importing it again counts its lines twice in totals over both tables.`,
  chosenTwice: (d) =>
    `${d.fileName} repeats a payment of ${d.otherFileName} (${paymentsText(d.payments)}), chosen in this import: its lines would be in the table twice. Choose the files again without it, unless the payer sent it twice on purpose.`,
});

const PAYER_HEADER = REMITTANCE_TABLE_SPEC.columns.payer.header;
const TRACE_HEADER = REMITTANCE_TABLE_SPEC.columns.checkOrEftTraceNumber.header;

/**
 * The payments held by the workbook's remittance tables: every table with the Payer and Check/EFT Trace Number
 * columns the import writes (tables written before those columns existed have nothing to compare). Three requests
 * whatever the number of tables. Office errors reject unchanged.
 */
export async function readImportedPayments(excel: ExcelGateway): Promise<ImportedPayment[]> {
  return excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    // isNullObject is known after the sync that loads any property of the column.
    const columns = tables.items.map((table) => ({
      tableName: table.name,
      payer: table.columns.getItemOrNullObject(PAYER_HEADER).load("name"),
      trace: table.columns.getItemOrNullObject(TRACE_HEADER).load("name"),
    }));
    await context.sync();
    const ranges = columns
      .filter((read) => !read.payer.isNullObject && !read.trace.isNullObject)
      .map((read) => ({
        tableName: read.tableName,
        payer: read.payer.getDataBodyRange().load("values"),
        trace: read.trace.getDataBodyRange().load("values"),
      }));
    if (ranges.length === 0) return [];
    await context.sync();
    const payments = new Map<string, ImportedPayment>();
    for (const { tableName, payer, trace } of ranges) {
      trace.values.forEach(([traceCell], row) => {
        const traceNumber = String(traceCell ?? "").trim();
        if (traceNumber === "") return;
        const payerName = String(payer.values[row]?.[0] ?? "").trim();
        payments.set(`${tableName}\u0000${paymentKey(payerName, traceNumber)}`, {
          tableName,
          payer: payerName,
          checkOrEftTraceNumber: traceNumber,
        });
      });
    }
    return [...payments.values()];
  });
}
