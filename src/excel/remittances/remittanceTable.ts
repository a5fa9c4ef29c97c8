/**
 * The remittance table: the rows of one or several X12 835 files as one Excel table, a row per remitted service
 * line (or per claim sent without lines). Its columns are declared once, below, in the column dictionary (header,
 * written kind, the description the README documents), with the value each takes from a parsed line; the header, the
 * row builder and the write request all derive from them (STYLE.md "declare, then derive").
 */
import { DENIAL_CATEGORY_LABELS, type RemitAdjustment, type RemitOutcome } from "../../engine";
import { centsToDollars, type Cents } from "../../engine";
import { remit835UserMessage, type Remit835File, type RemitLine } from "../../formats/remit835";
import type { ExcelGateway } from "../core/excelGateway";
import { MAX_CELL_CHARACTERS, type CellValue, type TableColumn } from "../core/tableColumns";
import type { TableWriteRequest } from "../core/tableWriter";
import { tableColumnsOf, type Columns, type TableSpec } from "../registry/columnDictionary";

/** One parsed 835 file and the name it was chosen under (the Source File column). */
export interface RemittanceSource {
  readonly fileName: string;
  readonly file: Remit835File;
}

/** The remittance table's columns, in order (Tuva words as readable headers, STYLE.md "Vocabulary"). */
export const REMITTANCE_TABLE_SPEC = {
  title: "Remittance tables",
  purpose:
    "Written by the Remittances tab: the lines of one or several X12 835 files, a row per remitted service line (or per claim sent without lines), on a new sheet (Remittances, Remittances 2...). =PAYER.DENIAL_RATE and the variance review read it like a claims table.",
  columns: {
    payer: {
      header: "Payer",
      written: "text",
      description: "Payer name (835 N1*PR).",
    },
    claimId: {
      header: "Claim ID",
      written: "text",
      description: "The provider's claim id, as sent on the claim (835 CLP01 = 837 CLM01).",
    },
    claimStatusCode: {
      header: "Claim Status Code",
      written: "text",
      description: "CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal of a previous payment.",
    },
    claimLineNumber: {
      header: "Claim Line Number",
      written: "number",
      description: "1-based position of the service line in its claim.",
    },
    serviceDate: {
      header: "Service Date",
      written: "date",
      description: "Line date of service (DTM*472 or DTM*150), else the claim's statement start date (DTM*232).",
    },
    hcpcsCode: {
      header: "HCPCS Code",
      written: "text",
      description:
        "CPT/HCPCS code the payer adjudicated (SVC01-2 with qualifier HC or AD); blank for other code types.",
    },
    hcpcsModifier1: {
      header: "HCPCS Modifier 1",
      written: "text",
      description: "Modifier 1 as adjudicated (SVC01-3).",
    },
    hcpcsModifier2: {
      header: "HCPCS Modifier 2",
      written: "text",
      description: "Modifier 2 as adjudicated (SVC01-4).",
    },
    hcpcsModifier3: {
      header: "HCPCS Modifier 3",
      written: "text",
      description: "Modifier 3 as adjudicated (SVC01-5).",
    },
    hcpcsModifier4: {
      header: "HCPCS Modifier 4",
      written: "text",
      description: "Modifier 4 as adjudicated (SVC01-6).",
    },
    originalHcpcsCode: {
      header: "Original HCPCS Code",
      written: "text",
      description: "The code as submitted, when the payer adjudicated a different one (SVC06-2); else blank.",
    },
    paidServiceUnitQuantity: {
      header: "Paid Service Unit Quantity",
      written: "number",
      description: "Units paid (SVC05; 1 when the payer leaves it out).",
    },
    chargeAmount: {
      header: "Charge Amount",
      written: "money",
      description: "Billed charge (SVC02; CLP03 for a claim without lines).",
    },
    allowedAmount: {
      header: "Allowed Amount",
      written: "money",
      description: "AMT*B6 when the payer sent it, else paid + patient responsibility (DOMAIN.md 4.3).",
    },
    paidAmount: {
      header: "Paid Amount",
      written: "money",
      description: "Payer payment (SVC03; CLP04 for a claim without lines).",
    },
    patientResponsibilityAmount: {
      header: "Patient Responsibility Amount",
      written: "money",
      description: "Sum of the line's CAS PR adjustments (deductible, coinsurance, copay and other PR reasons).",
    },
    adjustmentCodes: {
      header: "Adjustment Codes",
      written: "text",
      description: 'Every CAS adjustment of the line as group-reason ("CO-45 PR-2"); blank when it has none.',
    },
    outcome: {
      header: "Outcome",
      written: "text",
      description:
        'The line by the 835 denial rules of DOMAIN.md 4.3: "Paid", "Partial" (paid, but a denial reason reduced it), ' +
        '"Denied" or "Reversed" (CLP02 = 22, never rated). =PAYER.DENIAL_RATE reads this column.',
    },
    adjustmentAmount: {
      header: "Adjustment Amount",
      written: "money",
      description: "Sum of every CAS adjustment amount of the line (charge - paid when the line balances).",
    },
    deniedFlag: {
      header: "Denied Flag",
      written: "boolean",
      description: "TRUE when the line was denied in full (DOMAIN.md 4.3); reversals are never denials.",
    },
    partialDenialFlag: {
      header: "Partial Denial Flag",
      written: "boolean",
      description: "TRUE when the line was paid but a CO/PI denial reason reduced it (e.g. CO-151).",
    },
    denialCategory: {
      header: "Denial Category",
      written: "text",
      description: "Root cause of a denial or partial denial, from its reason code (DOMAIN.md 4.4-4.5).",
    },
    denialReasonCode: {
      header: "Denial Reason Code",
      written: "text",
      description: "The adjustment that explains the denial (group-reason, e.g. CO-50).",
    },
    reversalFlag: {
      header: "Reversal Flag",
      written: "boolean",
      description: "TRUE when the claim reverses an earlier payment (CLP02 = 22); left out of denial counts.",
    },
    claimReceivedDate: {
      header: "Claim Received Date",
      written: "date",
      description:
        "The date the payer received the claim (835 DTM*050 in the claim); blank when the payer did not send it.",
    },
    statementStartDate: {
      header: "Statement Start Date",
      written: "date",
      description: "Start of the claim's statement period (DTM*232); blank when the payer did not send it.",
    },
    statementEndDate: {
      header: "Statement End Date",
      written: "date",
      description: "End of the claim's statement period (DTM*233); blank when the payer did not send it.",
    },
    paymentDate: {
      header: "Payment Date",
      written: "date",
      description: "The check or EFT effective date of the payment (BPR16); blank when the payer did not send it.",
    },
    checkOrEftTraceNumber: {
      header: "Check/EFT Trace Number",
      written: "text",
      description:
        "The check or EFT trace number (TRN02) that ties the remittance to the deposit; with the payer, it identifies a payment, so the same file is not imported twice.",
    },
    sourceFile: {
      header: "Source File",
      written: "text",
      description: "The 835 file the line was read from.",
    },
    warnings: {
      header: "Warnings",
      written: "text",
      description: "What the reader found wrong with this line's segments (out of balance, unreadable values).",
    },
    // Hospital claims (issue 14); after Warnings so that the columns before them keep their letters.
    revenueCode: {
      header: "Revenue Code",
      written: "text",
      description:
        "UB-04 revenue code of an institutional line: SVC01-2 when its qualifier is NU, else SVC04, as the payer sent it; blank on professional lines.",
    },
    facilityTypeCode: {
      header: "Facility Type Code",
      written: "text",
      description:
        "CLP08: on a hospital claim the first two digits of its UB-04 type of bill (11 inpatient, 13 outpatient); on a professional claim its place of service.",
    },
    msDrg: {
      header: "MS-DRG",
      written: "text",
      description:
        "CLP11: the MS-DRG the payer paid the stay under, three digits (039); blank on outpatient and professional claims, or when unreadable (see Warnings).",
    },
    drgWeight: {
      header: "DRG Weight",
      written: "number",
      description: "CLP12: the DRG's relative weight as the payer applied it.",
    },
    coveredDays: {
      header: "Covered Days",
      written: "number",
      description: "MIA01: the days of the stay the payer covered; blank when the payer sent no MIA.",
    },
    // After the hospital columns, so that the columns before it keep their letters.
    priorAuthorizationNumber: {
      header: "Prior Auth",
      written: "text",
      description:
        "The prior authorization number (REF*G1) of the line (loop 2110), else of its claim (loop 2100): a line's own number is the one the payer adjudicated it under; blank when the payer sent none, or sent one that cannot be read (see Warnings).",
    },
  },
} satisfies TableSpec<Columns>;

type Field = keyof typeof REMITTANCE_TABLE_SPEC.columns;

const dollars = (cents: Cents): number => centsToDollars(cents);
const modifier = (n: number) => (line: RemitLine) => line.hcpcsModifiers[n] ?? null;
const groupAndReason = (a: Pick<RemitAdjustment, "adjustmentGroupCode" | "adjustmentReasonCode">) =>
  `${a.adjustmentGroupCode}-${a.adjustmentReasonCode}`;

/** Each column's cell for a line of a file, by field: the compiler asks for one for every declared column. */
const VALUES = {
  payer: (l) => l.payer,
  claimId: (l) => l.claimId,
  claimStatusCode: (l) => l.claimStatusCode,
  claimLineNumber: (l) => l.claimLineNumber,
  serviceDate: (l) => l.serviceDate,
  hcpcsCode: (l) => l.hcpcsCode ?? (isHcpcsQualifier(l.procedureCodeQualifier) ? l.procedureCode : null),
  hcpcsModifier1: modifier(0),
  hcpcsModifier2: modifier(1),
  hcpcsModifier3: modifier(2),
  hcpcsModifier4: modifier(3),
  originalHcpcsCode: (l) => l.originalProcedureCode,
  paidServiceUnitQuantity: (l) => l.paidServiceUnitQuantity,
  chargeAmount: (l) => dollars(l.chargeAmount),
  allowedAmount: (l) => dollars(l.allowedAmount),
  paidAmount: (l) => dollars(l.paidAmount),
  patientResponsibilityAmount: (l) => dollars(l.patientResponsibilityAmount),
  adjustmentCodes: (l) => adjustmentCodesText(l),
  outcome: (l) => outcomeOf(l),
  adjustmentAmount: (l) => dollars(l.adjustments.reduce((sum, a) => sum + a.adjustmentAmount, 0) as Cents),
  deniedFlag: (l) => l.deniedFlag,
  partialDenialFlag: (l) => l.partialDenialFlag,
  denialCategory: (l) => (l.denialCategory === null ? null : DENIAL_CATEGORY_LABELS[l.denialCategory]),
  denialReasonCode: (l) => (l.denialReason === null ? null : groupAndReason(l.denialReason)),
  reversalFlag: (l) => l.reversalFlag,
  claimReceivedDate: (l) => l.claimReceivedDate,
  statementStartDate: (l) => l.statementStartDate,
  statementEndDate: (l) => l.statementEndDate,
  paymentDate: (l) => l.paymentDate,
  checkOrEftTraceNumber: (l) => l.checkOrEftTraceNumber,
  sourceFile: (_, fileName) => fileName,
  warnings: (l) => warningsText(l),
  revenueCode: (l) => (l.procedureCodeQualifier === "NU" ? l.procedureCode : l.revenueCenterCode),
  facilityTypeCode: (l) => l.facilityTypeCode,
  msDrg: (l) => l.msDrg,
  drgWeight: (l) => l.drgWeight,
  coveredDays: (l) => l.coveredDaysOrVisitsCount,
  priorAuthorizationNumber: (l) => l.priorAuthorizationNumber,
} satisfies { readonly [F in Field]: (line: RemitLine, fileName: string) => CellValue };

/** A column of the remittance table: what writeTable needs, what the README says, and where the value comes from. */
export interface RemittanceColumn extends TableColumn {
  readonly description: string;
  readonly valueOf: (line: RemitLine, fileName: string) => CellValue;
}

/** The columns of the remittance table, in order, each with its value. */
export const REMITTANCE_COLUMNS: readonly RemittanceColumn[] = (
  Object.keys(REMITTANCE_TABLE_SPEC.columns) as Field[]
).map((field) => {
  const { header, written, description } = REMITTANCE_TABLE_SPEC.columns[field];
  return { name: header, kind: written, description, valueOf: VALUES[field] };
});

/** The columns as writeTable takes them. */
export const REMITTANCE_TABLE_COLUMNS: readonly TableColumn[] = tableColumnsOf(REMITTANCE_TABLE_SPEC.columns);

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
export function outcomeOf(line: RemitLine): RemitOutcome {
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
  const text = line.warnings.map(remit835UserMessage).join(" ");
  return text.length <= MAX_CELL_CHARACTERS ? text : `${text.slice(0, MAX_CELL_CHARACTERS - 1)}…`;
}
