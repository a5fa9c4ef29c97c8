/**
 * The columns of a user's claims table in the column dictionary (columnDictionary.ts): the fields every feature that
 * reads claims maps (uplift model, variance review, portfolio summary), each with its Tuva header (STYLE.md
 * "Vocabulary"), the synonyms users' own exports have (CPT, Billed, Charges, POS, Units, Mod 1), in order of
 * preference, and the label the mapping picker shows. The mapping suggestion matches headers with the dictionary's
 * one matcher (case, spaces and punctuation ignored), so "Mod 1", "MOD1" and "mod-1" are the same header.
 */
import { findHeader, headerKeys, type Column, type TableSpec } from "../registry/columnDictionary";
import { REMITTANCE_TABLE_SPEC } from "../remittances/remittanceTable";

type RemittanceField = keyof typeof REMITTANCE_TABLE_SPEC.columns;
const remittanceHeader = (field: RemittanceField): string => REMITTANCE_TABLE_SPEC.columns[field].header;

/** A column of a claims table: a dictionary column with the label the mapping picker shows. */
export interface ClaimsColumn extends Column {
  /** The field's name in the mapping picker and in messages. */
  readonly label: string;
  /** May be suggested a column another field already has (allowed as both the amount and the allowed amount). */
  readonly sharesColumn?: true;
}

/** The claims columns as declared, before the remittance table's headers are added to their synonyms (below). */
const DECLARED_CLAIMS_SPEC = {
  title: "Claims tables",
  purpose:
    "Any table of claim lines in the workbook (an export of the billing system, or a remittance table). The add-in reads it through a column mapping the user confirms once per table (stored in the workbook's settings); it suggests the mapping from these headers, in order of preference, ignoring case, spaces and punctuation. The add-in never changes these columns; the variance review adds its own (below).",
  columns: {
    hcpcsCode: {
      header: "HCPCS Code",
      synonyms: ["HCPCS", "CPT", "CPT Code", "CPT/HCPCS", "HCPCS/CPT", "Procedure Code", "Proc Code", "Code"],
      label: "HCPCS/CPT code",
      description: "The code of the line.",
    },
    // Allowed first: it is the contractual rate a negotiation moves (paid nets out patient shares and denials).
    amount: {
      header: "Allowed Amount",
      synonyms: ["Allowed", "Allowed Amt", "Contractual Allowed", "Paid Amount", "Paid", "Payment"],
      label: "Amount (allowed or paid)",
      description: "The amount an uplift model and a portfolio summary add up: allowed, else paid.",
    },
    units: {
      header: "Service Unit Quantity",
      synonyms: ["Units", "Unit", "Service Units", "Qty", "Quantity", "Units Billed"],
      label: "Units",
      description: "Units of the line.",
    },
    chargeAmount: {
      header: "Charge Amount",
      synonyms: ["Charges", "Charge", "Billed", "Billed Amount", "Billed Charges", "Total Charges"],
      label: "Billed charge",
      description: "The billed charge (lesser-of, percent of billed).",
    },
    payer: {
      header: "Payer",
      synonyms: ["Payor", "Payer Name", "Payor Name", "Insurance", "Plan"],
      label: "Payer",
      description: "The payer, to filter by or to find its contract.",
    },
    contractName: {
      header: "Contract Name",
      synonyms: ["Contract", "Contract ID"],
      label: "Contract",
      description: "A contract name from PayerContracts.",
    },
    serviceDate: {
      header: "Service Date",
      synonyms: ["Date of Service", "DOS", "Service From Date", "From Date", "Claim Start Date"],
      label: "Service date",
      description: "The date of service, which picks the contract version.",
    },
    hcpcsModifier1: {
      header: "HCPCS Modifier 1",
      synonyms: ["Modifier 1", "Mod 1", "Modifier", "Mod"],
      label: "Modifier 1",
      description: "The first modifier.",
    },
    hcpcsModifier2: {
      header: "HCPCS Modifier 2",
      synonyms: ["Modifier 2", "Mod 2"],
      label: "Modifier 2",
      description: "The second modifier.",
    },
    placeOfServiceCode: {
      header: "Place of Service Code",
      synonyms: ["Place of Service", "POS", "POS Code"],
      label: "Place of service",
      description: "The place of service code (two characters), which picks the facility or non-facility rate.",
    },
    claimId: {
      header: "Claim ID",
      synonyms: ["Claim Number", "Claim No", "Claim", "ICN"],
      label: "Claim ID",
      description: "The claim a line belongs to (multiple procedures rank within a claim).",
    },
    adjustmentCodes: {
      header: "Adjustment Codes",
      synonyms: ["Adjustment Reason Code", "Adjustment Reason Codes", "CARC", "Denial Code", "Reason Codes"],
      label: "Adjustment codes",
      description: 'The CAS adjustments of the line, like "CO-45 PR-2".',
    },
    // The variance review compares the allowed amount (AMT*B6), else paid + patient responsibility (DOMAIN.md 0.5).
    allowedAmount: {
      header: "Allowed Amount",
      synonyms: ["Allowed", "Allowed Amt", "Contractual Allowed"],
      label: "Allowed amount",
      description: "What the payer allowed, compared with the expected amount by the variance review.",
      sharesColumn: true,
    },
    paidAmount: {
      header: "Paid Amount",
      synonyms: ["Paid", "Payment", "Paid Amt"],
      label: "Paid amount",
      description: "What the payer paid.",
      sharesColumn: true,
    },
    patientResponsibilityAmount: {
      header: "Patient Responsibility Amount",
      synonyms: ["Patient Responsibility", "Patient Share", "Patient Amount", "PR Amount"],
      label: "Patient responsibility",
      description: "The patient's share (deductible, coinsurance, copay).",
    },
    deniedFlag: {
      header: "Denied Flag",
      synonyms: ["Denied", "Denial Flag", "Is Denied"],
      label: "Denied flag",
      description: "TRUE when the line was denied.",
    },
    // The remittance table's own reason (DOMAIN.md 4.3: the largest denial adjustment), so the review states the
    // reason the table does rather than re-deciding it from codes written without their amounts.
    denialReasonCode: {
      header: remittanceHeader("denialReasonCode"),
      synonyms: ["Denial Reason", "Denial Reason Codes"],
      label: "Denial reason code",
      description: "The adjustment that explains a denial (CO-50), when the table states it.",
    },
    reversalFlag: {
      header: remittanceHeader("reversalFlag"),
      synonyms: ["Reversal", "Reversed", "Is Reversal"],
      label: "Reversal flag",
      description: "TRUE on a line that reverses an earlier payment (CLP02 = 22); such lines are not rated.",
    },
    // The dates of days to pay (DOMAIN.md 4.1, 3.3 prompt pay): the claims export's own, or the 835's.
    submittedDate: {
      header: "Submitted Date",
      synonyms: [
        "Submission Date",
        "Date Submitted",
        "Submit Date",
        "Claim Submitted Date",
        "Billed Date",
        "Bill Date",
      ],
      label: "Submitted date",
      description: "The date the claim was sent to the payer (an 835 does not carry it: its received date is close).",
    },
    claimReceivedDate: {
      header: remittanceHeader("claimReceivedDate"),
      synonyms: ["Received Date", "Date Received", "Payer Received Date"],
      label: "Claim received date",
      description: "The date the payer received the claim (835 DTM*050).",
    },
    statementStartDate: {
      header: remittanceHeader("statementStartDate"),
      synonyms: ["Statement From Date", "Statement From"],
      label: "Statement start date",
      description: "Start of the claim's statement period (835 DTM*232).",
    },
    statementEndDate: {
      header: remittanceHeader("statementEndDate"),
      synonyms: ["Statement To Date", "Statement Through Date", "Statement Thru Date"],
      label: "Statement end date",
      description: "End of the claim's statement period (835 DTM*233).",
    },
    paidDate: {
      header: "Paid Date",
      synonyms: ["Date Paid", "Payment Date", "Check Date", "Remit Date", "Remittance Date"],
      label: "Paid date",
      description: "The date the payer paid the line (835 BPR16, the check or EFT date); blank while unpaid.",
    },
    checkOrEftTraceNumber: {
      header: remittanceHeader("checkOrEftTraceNumber"),
      synonyms: ["Check Number", "Check No", "EFT Trace Number", "EFT Number", "Trace Number"],
      label: "Check/EFT trace number",
      description: "The check or EFT trace number of the payment (835 TRN02).",
    },
    // The cost of doing business counts each contract's prior authorizations (issue 15 item 4; 835/837 REF*G1).
    priorAuthorizationNumber: {
      header: "Prior Authorization Number",
      synonyms: [
        "Prior Auth",
        "Prior Auth Number",
        "Prior Authorization",
        "Authorization Number",
        "Authorization",
        "Auth Number",
        "Auth #",
        "Auth No",
        "PA Number",
        "PA #",
        "Precert Number",
        "Precertification Number",
      ],
      label: "Prior authorization number",
      description:
        "The payer's prior authorization number of the line or its claim (835/837 REF*G1); blank when none was needed. Each distinct number counts once per contract in the cost of doing business.",
    },
    // Institutional (UB-04) claims, issue 14: a table that maps the type of bill is reviewed as hospital claims.
    typeOfBill: {
      header: "Type of Bill",
      synonyms: ["TOB", "Bill Type", "Type of Bill Code", "Bill Type Code"],
      label: "Type of bill",
      description:
        "UB-04 form locator 4, like 0111 (hospital inpatient) or 0131 (hospital outpatient): a table that maps it holds hospital claims.",
    },
    revenueCode: {
      header: "Revenue Code",
      synonyms: ["Rev Code", "Revenue Center Code", "Rev Cd"],
      label: "Revenue code",
      description: "UB-04 form locator 42: the revenue code of a hospital claim line, like 0450.",
    },
    msDrg: {
      header: "MS-DRG",
      synonyms: ["DRG", "MS DRG", "DRG Code", "MS-DRG Code"],
      label: "MS-DRG",
      description: "The MS-DRG of an inpatient stay, like 470; the stays of the variance review's Summary group by it.",
    },
    admitDate: {
      header: "Admit Date",
      synonyms: ["Admission Date", "Admit Dt"],
      label: "Admission date",
      description: "The admission date of an inpatient stay.",
    },
    dischargeDate: {
      header: "Discharge Date",
      synonyms: ["Discharge Dt"],
      label: "Discharge date",
      description: "The discharge date of an inpatient stay: it picks the contract version and the MS-DRG weights.",
    },
    dischargeStatus: {
      header: "Discharge Status",
      synonyms: ["Patient Discharge Status", "Discharge Status Code", "Patient Status"],
      label: "Discharge status",
      description: "UB-04 form locator 17, like 01 or 02: a transfer status can reduce an MS-DRG payment.",
    },
    coveredDays: {
      header: "Covered Days",
      synonyms: ["Covered Day Count", "Utilization Days"],
      label: "Covered days",
      description: "The covered days of a stay (value code 80), when the table gives them: they win over the dates.",
    },
    totalChargeAmount: {
      header: "Total Charge Amount",
      synonyms: ["Total Claim Charges", "Claim Total Charges", "Claim Charge Amount"],
      label: "Total charges of the claim",
      description: "The claim's total charges (revenue code 0001); without it, the sum of the stay's line charges.",
    },
    claimAllowedAmount: {
      header: "Claim Allowed Amount",
      synonyms: ["Claim Allowed", "Total Allowed Amount"],
      label: "Claim allowed amount",
      description:
        "What the payer allowed for the whole claim: an inpatient stay is compared with it (without it, its lines' sum).",
    },
  },
} satisfies TableSpec<Readonly<Record<string, ClaimsColumn>>>;

/** A field a claims table can map, in Tuva words (STYLE.md vocabulary). */
export type ClaimsField = keyof typeof DECLARED_CLAIMS_SPEC.columns;

/**
 * The column of the add-in's own remittance table that holds each claims field (null where it writes none), so a
 * remittance table is mapped in full without the user choosing a column: its header is a synonym of the field.
 * Declared for every field, so a new claims field must say where a remittance table keeps it.
 */
export const REMITTANCE_COLUMN_OF_FIELD = {
  hcpcsCode: "hcpcsCode",
  amount: "allowedAmount",
  units: "paidServiceUnitQuantity",
  chargeAmount: "chargeAmount",
  payer: "payer",
  contractName: null,
  serviceDate: "serviceDate",
  hcpcsModifier1: "hcpcsModifier1",
  hcpcsModifier2: "hcpcsModifier2",
  placeOfServiceCode: null,
  claimId: "claimId",
  adjustmentCodes: "adjustmentCodes",
  allowedAmount: "allowedAmount",
  paidAmount: "paidAmount",
  patientResponsibilityAmount: "patientResponsibilityAmount",
  deniedFlag: "deniedFlag",
  denialReasonCode: "denialReasonCode",
  reversalFlag: "reversalFlag",
  submittedDate: null,
  claimReceivedDate: "claimReceivedDate",
  statementStartDate: "statementStartDate",
  statementEndDate: "statementEndDate",
  paidDate: "paymentDate",
  checkOrEftTraceNumber: "checkOrEftTraceNumber",
  priorAuthorizationNumber: "priorAuthorizationNumber",
  // CLP08 (facility type code) is a place of service on professional claims: not a type of bill.
  typeOfBill: null,
  revenueCode: "revenueCode",
  msDrg: "msDrg",
  admitDate: null,
  dischargeDate: null,
  dischargeStatus: null,
  coveredDays: "coveredDays",
  totalChargeAmount: null,
  claimAllowedAmount: null,
} as const satisfies Readonly<Record<ClaimsField, RemittanceField | null>>;

/** A column with the remittance table's header of its field among its synonyms (after them: theirs come first). */
function withRemittanceHeader(field: ClaimsField, column: ClaimsColumn): ClaimsColumn {
  const remittanceField: RemittanceField | null = REMITTANCE_COLUMN_OF_FIELD[field];
  if (remittanceField === null) return column;
  const header = remittanceHeader(remittanceField);
  const names = [column.header, ...(column.synonyms ?? [])];
  return names.includes(header) ? column : { ...column, synonyms: [...(column.synonyms ?? []), header] };
}

/** The columns of a claims table, in the order the mapping suggests them (a column goes to the first field asking). */
export const CLAIMS_TABLE_SPEC = {
  ...DECLARED_CLAIMS_SPEC,
  columns: Object.fromEntries(
    (Object.keys(DECLARED_CLAIMS_SPEC.columns) as ClaimsField[]).map((field) => [
      field,
      withRemittanceHeader(field, DECLARED_CLAIMS_SPEC.columns[field]),
    ]),
  ) as { readonly [F in ClaimsField]: ClaimsColumn },
} satisfies TableSpec<Readonly<Record<string, ClaimsColumn>>>;

/** The fields a claims table can map, in order of suggestion. */
export const CLAIMS_FIELDS = Object.keys(CLAIMS_TABLE_SPEC.columns) as readonly ClaimsField[];

/** A claims table's mapping: the header of the column holding each field, or null where the table has none. */
export type ClaimsMapping = { readonly [F in ClaimsField]: string | null };

/**
 * The mapping suggested by a table's headers: for each field, the first of its names (its Tuva header, then its
 * synonyms in order of preference) that a header matches once case, spaces and punctuation are ignored ("CPT",
 * "Mod 1", "Billed", "POS"): the column dictionary's one matcher. A column is
 * suggested for one field at most, except that the allowed and paid amounts may also be the amount; a field no
 * header matches is null.
 * @example suggestClaimsMapping(["CPT", "Units", "Billed", "Allowed"]).chargeAmount // "Billed"
 */
export function suggestClaimsMapping(headers: readonly string[]): ClaimsMapping {
  const keys = headerKeys(headers);
  const taken = new Set<number>();
  const mapping = {} as Record<ClaimsField, string | null>;
  for (const field of CLAIMS_FIELDS) {
    const column: ClaimsColumn = CLAIMS_TABLE_SPEC.columns[field];
    const sharesColumn = column.sharesColumn === true;
    const position = findHeader(keys, column, (p) => !sharesColumn && taken.has(p));
    mapping[field] = position === undefined ? null : headers[position]!;
    if (position !== undefined && !sharesColumn) taken.add(position);
  }
  return mapping;
}
