/**
 * The remittance table: the rows of one or several X12 835 files as one Excel table, a row per remitted service
 * line (or per claim sent without lines). Its columns are declared once, below, with their kind, the description
 * the README documents and the value each takes from a parsed line; the header, the row builder and the write
 * request all derive from that one list (STYLE.md "declare, then derive").
 */
import { DENIAL_CATEGORY_LABELS, type RemitAdjustment } from "../../engine";
import { centsToDollars, type Cents } from "../../engine";
import { remit835IssueMessage, type Remit835File, type RemitLine } from "../../formats/remit835";
import type { ExcelGateway } from "../core/excelGateway";
import { MAX_CELL_CHARACTERS, type CellValue, type TableColumn } from "../core/tableColumns";
import type { TableWriteRequest } from "../core/tableWriter";

/** One parsed 835 file and the name it was chosen under (the Source File column). */
export interface RemittanceSource {
  readonly fileName: string;
  readonly file: Remit835File;
}

/** A column of the remittance table: what writeTable needs, what the README says, and where the value comes from. */
export interface RemittanceColumn extends TableColumn {
  readonly description: string;
  readonly valueOf: (line: RemitLine, fileName: string) => CellValue;
}

const dollars = (cents: Cents): number => centsToDollars(cents);
const modifier = (n: number) => (line: RemitLine) => line.hcpcsModifiers[n] ?? null;
const groupAndReason = (a: Pick<RemitAdjustment, "adjustmentGroupCode" | "adjustmentReasonCode">) =>
  `${a.adjustmentGroupCode}-${a.adjustmentReasonCode}`;

/** The columns of the remittance table, in order (Tuva words as readable headers, STYLE.md "Vocabulary"). */
export const REMITTANCE_COLUMNS: readonly RemittanceColumn[] = [
  { name: "Payer", kind: "text", description: "Payer name (835 N1*PR).", valueOf: (l) => l.payer },
  {
    name: "Claim ID",
    kind: "text",
    description: "The provider's claim id, as sent on the claim (835 CLP01 = 837 CLM01).",
    valueOf: (l) => l.claimId,
  },
  {
    name: "Claim Status Code",
    kind: "text",
    description: "CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal of a previous payment.",
    valueOf: (l) => l.claimStatusCode,
  },
  {
    name: "Claim Line Number",
    kind: "number",
    description: "1-based position of the service line in its claim.",
    valueOf: (l) => l.claimLineNumber,
  },
  {
    name: "Service Date",
    kind: "date",
    description: "Line date of service (DTM*472 or DTM*150), else the claim's statement start date (DTM*232).",
    valueOf: (l) => l.serviceDate,
  },
  {
    name: "HCPCS Code",
    kind: "text",
    description: "CPT/HCPCS code the payer adjudicated (SVC01-2 with qualifier HC or AD); blank for other code types.",
    valueOf: (l) => l.hcpcsCode ?? (isHcpcsQualifier(l.procedureCodeQualifier) ? l.procedureCode : null),
  },
  { name: "HCPCS Modifier 1", kind: "text", description: "Modifier 1 as adjudicated (SVC01-3).", valueOf: modifier(0) },
  { name: "HCPCS Modifier 2", kind: "text", description: "Modifier 2 as adjudicated (SVC01-4).", valueOf: modifier(1) },
  { name: "HCPCS Modifier 3", kind: "text", description: "Modifier 3 as adjudicated (SVC01-5).", valueOf: modifier(2) },
  { name: "HCPCS Modifier 4", kind: "text", description: "Modifier 4 as adjudicated (SVC01-6).", valueOf: modifier(3) },
  {
    name: "Original HCPCS Code",
    kind: "text",
    description: "The code as submitted, when the payer adjudicated a different one (SVC06-2); else blank.",
    valueOf: (l) => l.originalProcedureCode,
  },
  {
    name: "Paid Service Unit Quantity",
    kind: "number",
    description: "Units paid (SVC05; 1 when the payer leaves it out).",
    valueOf: (l) => l.paidServiceUnitQuantity,
  },
  {
    name: "Charge Amount",
    kind: "money",
    description: "Billed charge (SVC02; CLP03 for a claim without lines).",
    valueOf: (l) => dollars(l.chargeAmount),
  },
  {
    name: "Allowed Amount",
    kind: "money",
    description: "AMT*B6 when the payer sent it, else paid + patient responsibility (DOMAIN.md 4.3).",
    valueOf: (l) => dollars(l.allowedAmount),
  },
  {
    name: "Paid Amount",
    kind: "money",
    description: "Payer payment (SVC03; CLP04 for a claim without lines).",
    valueOf: (l) => dollars(l.paidAmount),
  },
  {
    name: "Patient Responsibility Amount",
    kind: "money",
    description: "Sum of the line's CAS PR adjustments (deductible, coinsurance, copay and other PR reasons).",
    valueOf: (l) => dollars(l.patientResponsibilityAmount),
  },
  {
    name: "Adjustment Codes",
    kind: "text",
    description: 'Every CAS adjustment of the line as group-reason ("CO-45 PR-2"); blank when it has none.',
    valueOf: (l) => adjustmentCodesText(l),
  },
  {
    name: "Outcome",
    kind: "text",
    description:
      'The line by the 835 denial rules of DOMAIN.md 4.3: "Paid", "Partial" (paid, but a denial reason reduced it), ' +
      '"Denied" or "Reversed" (CLP02 = 22, never rated). =PAYER.DENIAL_RATE reads this column.',
    valueOf: (l) => outcomeOf(l),
  },
  {
    name: "Adjustment Amount",
    kind: "money",
    description: "Sum of every CAS adjustment amount of the line (charge - paid when the line balances).",
    valueOf: (l) => dollars(l.adjustments.reduce((sum, a) => sum + a.adjustmentAmount, 0) as Cents),
  },
  {
    name: "Denied Flag",
    kind: "boolean",
    description: "TRUE when the line was denied in full (DOMAIN.md 4.3); reversals are never denials.",
    valueOf: (l) => l.deniedFlag,
  },
  {
    name: "Partial Denial Flag",
    kind: "boolean",
    description: "TRUE when the line was paid but a CO/PI denial reason reduced it (e.g. CO-151).",
    valueOf: (l) => l.partialDenialFlag,
  },
  {
    name: "Denial Category",
    kind: "text",
    description: "Root cause of a denial or partial denial, from its reason code (DOMAIN.md 4.4-4.5).",
    valueOf: (l) => (l.denialCategory === null ? null : DENIAL_CATEGORY_LABELS[l.denialCategory]),
  },
  {
    name: "Denial Reason Code",
    kind: "text",
    description: "The adjustment that explains the denial (group-reason, e.g. CO-50).",
    valueOf: (l) => (l.denialReason === null ? null : groupAndReason(l.denialReason)),
  },
  {
    name: "Reversal Flag",
    kind: "boolean",
    description: "TRUE when the claim reverses an earlier payment (CLP02 = 22); left out of denial counts.",
    valueOf: (l) => l.reversalFlag,
  },
  {
    name: "Source File",
    kind: "text",
    description: "The 835 file the line was read from.",
    valueOf: (_, fileName) => fileName,
  },
  {
    name: "Warnings",
    kind: "text",
    description: "What the reader found wrong with this line's segments (out of balance, unreadable values).",
    valueOf: (l) => warningsText(l),
  },
];

/** The columns as writeTable takes them. */
export const REMITTANCE_TABLE_COLUMNS: readonly TableColumn[] = REMITTANCE_COLUMNS.map(({ name, kind }) => ({
  name,
  kind,
}));

/** The name the import proposes for its sheet and table. */
export const DEFAULT_REMITTANCE_NAME = "Remittances";

/** The Adjustment Codes cell of a line: its CAS adjustments as "GROUP-REASON" in file order, each once ("CO-45 PR-2"). */
export function adjustmentCodesText(line: RemitLine): string | null {
  if (line.adjustments.length === 0) return null;
  return [...new Set(line.adjustments.map(groupAndReason))].join(" ");
}

/**
 * The Outcome cell: the parser's classification as a status word `PAYER.DENIAL_RATE` reads, so the rate follows the
 * 835 rules (a line paid in full with no adjustment is rated as paid, a reversal is not rated at all).
 */
export function outcomeOf(line: RemitLine): "Paid" | "Partial" | "Denied" | "Reversed" {
  if (line.reversalFlag) return "Reversed";
  if (line.deniedFlag) return "Denied";
  return line.partialDenialFlag ? "Partial" : "Paid";
}

/** One row of the remittance table, in column order. */
export function remittanceRow(line: RemitLine, fileName: string): CellValue[] {
  return REMITTANCE_COLUMNS.map((column) => column.valueOf(line, fileName));
}

/** Every line of every file, files in the order given. */
export function remittanceRows(sources: readonly RemittanceSource[]): CellValue[][] {
  return sources.flatMap(({ fileName, file }) => file.lines.map((line) => remittanceRow(line, fileName)));
}

/** The write request for the remittance table on a new sheet. */
export function remittanceTableRequest(
  sheetName: string,
  tableName: string,
  sources: readonly RemittanceSource[],
): TableWriteRequest {
  return { sheetName, tableName, columns: REMITTANCE_TABLE_COLUMNS, rows: remittanceRows(sources) };
}

/** Names of the workbook's sheets and tables, to propose a free name and to warn before a write is refused. */
export interface TakenNames {
  readonly sheetNames: readonly string[];
  readonly tableNames: readonly string[];
}

/** Reads the names of every sheet and table in one request. Office errors reject unchanged. */
export async function readTakenNames(excel: ExcelGateway): Promise<TakenNames> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    return { sheetNames: sheets.items.map((s) => s.name), tableNames: tables.items.map((t) => t.name) };
  });
}

/**
 * The table name for a sheet name: what Excel accepts in a table name (letters, digits, "_" and "."; no spaces;
 * not starting with a digit), so that "Remittances 2" gives Remittances2 and formulas read `Remittances2[Paid Amount]`.
 */
export function tableNameFor(sheetName: string): string {
  const name = sheetName.replace(/[^A-Za-z0-9_.]+/g, "");
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/**
 * The first free name among "Remittances", "Remittances 2", "Remittances 3"...: a sheet name no sheet has, and
 * its table name no table has (case-insensitive, as Excel compares names).
 */
export function freeRemittanceNames(
  taken: TakenNames,
  base: string = DEFAULT_REMITTANCE_NAME,
): { sheetName: string; tableName: string } {
  const sheets = new Set(taken.sheetNames.map((n) => n.toLowerCase()));
  const tables = new Set(taken.tableNames.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const sheetName = n === 1 ? base : `${base} ${n}`;
    const tableName = tableNameFor(sheetName);
    if (!sheets.has(sheetName.toLowerCase()) && !tables.has(tableName.toLowerCase())) return { sheetName, tableName };
  }
}

function isHcpcsQualifier(qualifier: string | null): boolean {
  return qualifier === "HC" || qualifier === "AD";
}

function warningsText(line: RemitLine): string | null {
  if (line.warnings.length === 0) return null;
  const text = line.warnings.map(remit835IssueMessage).join(" ");
  return text.length <= MAX_CELL_CHARACTERS ? text : `${text.slice(0, MAX_CELL_CHARACTERS - 1)}…`;
}
