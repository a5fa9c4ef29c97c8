/**
 * The registry tables of ARCHITECTURE.md 3 in the column dictionary (columnDictionary.ts): `PayerContracts`,
 * `ContractCarveOuts`, `ContractModifierPolicies`, `MedicareSchedules`, the schedule tables (scheduleTableSpecs.ts) and
 * the hospital tables (hospitalSpecs.ts). Each column says how it is read and how the editor and the imports write it.
 * Table and column names are part of the product: the README section "Workbook tables" is generated from these
 * specs (workbookTables.ts).
 */
import { MULTIPLE_PROCEDURE_RULE_VALUES } from "../../engine";
import { CARVE_OUT_METHODS, CONTRACT_METHODS, DEFAULT_RULES, codeShape } from "../../engine";
import type { CarveOutMethodCells, ContractMethodCells } from "../../engine";
import type { CarveOutMethod, ContractMethod, DefaultRule, HcpcsCode } from "../../engine";
import {
  anesthesiaCfCell,
  booleanCell,
  choiceCell,
  codeCell,
  dateCell,
  endDateCell,
  localityCell,
  moneyCell,
  percentCell,
  policyModifierCell,
  textCell,
  yearCell,
  wordsCell,
} from "./cellKinds";
import { HOSPITAL_TABLE_SPECS } from "./hospitalSpecs";
import { ANESTHESIA_BASE_UNITS_SPEC, FEE_SCHEDULE_SPEC, MEDICARE_SCHEDULE_SPEC } from "./scheduleTableSpecs";
import { column, type ColumnSpec, type RowCheck, type TableSpec } from "./columnDictionary";

/** Table names the add-in looks for (fixed, like the column headers). */
export const PAYER_CONTRACTS_TABLE = "PayerContracts";
export const CONTRACT_CARVE_OUTS_TABLE = "ContractCarveOuts";
export const CONTRACT_MODIFIER_POLICIES_TABLE = "ContractModifierPolicies";
export const MEDICARE_SCHEDULES_TABLE = "MedicareSchedules";

const contractMethod = wordsCell(CONTRACT_METHODS);
const defaultMethod = wordsCell(DEFAULT_RULES);
const carveOutMethod = wordsCell(CARVE_OUT_METHODS);

type Problem = ReturnType<RowCheck<never>>;
/** The first cell a method needs that the row leaves blank, in the method's order, as the problem to report. */
function firstBlank<F extends string>(
  needs: readonly F[],
  row: { readonly [P in F]: unknown },
  problems: { readonly [P in F]: () => Problem },
): Problem {
  const blank = needs.find((field) => row[field] === null);
  return blank === undefined ? null : problems[blank]();
}

/**
 * The method cells of a parsed row. A spec's checks see rows typed for any table, so they read them as these
 * columns parse: a choice cell holds only the kinds of its method table.
 */
type ContractMethodRow = ContractMethodCells & {
  readonly method: ContractMethod["kind"] | null;
  readonly defaultMethod: DefaultRule["method"] | null;
};
type CarveOutMethodRow = CarveOutMethodCells & { readonly method: CarveOutMethod["kind"] | null };
type CarveOutRangeRow = { readonly hcpcsCodeFrom: HcpcsCode | null; readonly hcpcsCodeTo: HcpcsCode | null };
const multipleProcedureRule = choiceCell(
  { medicare: "medicare", cms: "medicare", none: "none" } as const,
  MULTIPLE_PROCEDURE_RULE_VALUES,
);

/** `PayerContracts`: one row per contract version. */
export const PAYER_CONTRACTS_SPEC = {
  title: PAYER_CONTRACTS_TABLE,
  purpose:
    "The contract registry: one row per contract version. Functions find a contract by its name and pick the version in effect on the date of service.",
  columns: {
    contractName: column({
      header: "Contract Name",
      kind: textCell,
      written: "text",
      required: true,
      description: "The name formulas use, any case. Versions of one contract share it.",
      example: "Acme Health PPO",
    }),
    payer: column({
      header: "Payer",
      kind: textCell,
      written: "text",
      required: true,
      description: "The payer.",
      example: "Acme Health",
    }),
    product: column({
      header: "Product",
      kind: textCell,
      written: "text",
      required: false,
      description: "HMO, PPO, Medicare Advantage, Medicaid managed care...",
      example: "PPO",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      written: "date",
      required: true,
      description: "First date of service this version prices.",
      example: "2025-01-01",
    }),
    effectiveEndDate: column({
      header: "Effective End Date",
      kind: endDateCell,
      written: "date",
      required: false,
      description: "Last date of service this version prices; blank = until further notice.",
      example: "2025-12-31",
    }),
    method: column({
      header: "Method",
      kind: contractMethod,
      written: "text",
      required: true,
      description:
        "How the contract prices codes. None (hospital terms only): a hospital contract whose terms are its InpatientTerms and OutpatientTerms rows; a professional line under it has no price.",
      example: "Fee Schedule",
      allowed: contractMethod.allowed,
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "For Percent of Medicare / Percent of Billed: the percentage (a cell formatted as %, or 1.15).",
      example: "115%",
    }),
    feeSchedule: column({
      header: "Fee Schedule",
      kind: textCell,
      written: "text",
      required: false,
      description: "For Fee Schedule: the name of the table holding the rates.",
      example: "FS_AcmePPO_2025",
    }),
    medicareSchedule: column({
      header: "Medicare Schedule",
      kind: textCell,
      written: "text",
      required: false,
      description:
        'The Medicare basis: a registered Medicare schedule table, "current" (the one covering the date of service) or a pattern like MPFS_{year}.',
      example: "MPFS_2025",
    }),
    lesserOf: column({
      header: "Lesser Of",
      kind: booleanCell,
      written: "boolean",
      required: false,
      description: "Pay the lesser of the contract amount and the billed charge.",
      example: "TRUE",
    }),
    defaultMethod: column({
      header: "Default Method",
      kind: defaultMethod,
      written: "text",
      required: false,
      description: "For codes the fee schedule does not list; blank = no rate for them.",
      example: "Percent of Medicare",
      allowed: defaultMethod.allowed,
    }),
    defaultPercent: column({
      header: "Default Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "The percentage of the default method.",
      example: "100%",
    }),
    multipleProcedureRule: column({
      header: "Multiple Procedure Rule",
      kind: multipleProcedureRule,
      written: "text",
      required: false,
      description:
        "Medicare (blank): CMS's modifier and indicator rules (bilateral, multiple procedures, assistant, co-surgery); None: rate x units.",
      example: "Medicare",
      allowed: multipleProcedureRule.allowed,
    }),
    termEndDate: column({
      header: "Term End Date",
      kind: dateCell,
      written: "date",
      required: false,
      description: "When the contract term ends.",
      example: "2025-12-31",
    }),
    renewalNoticeDate: column({
      header: "Renewal Notice Date",
      kind: dateCell,
      written: "date",
      required: false,
      description: "Last day to give notice of renegotiation.",
      example: "2025-10-02",
    }),
    autoRenew: column({
      header: "Auto Renew",
      kind: booleanCell,
      written: "boolean",
      required: false,
      description: "Whether the contract renews by itself.",
      example: "TRUE",
    }),
    anesthesiaConversionFactor: column({
      header: "Anesthesia Conversion Factor",
      kind: anesthesiaCfCell,
      written: "number",
      required: false,
      description:
        "The contract's own anesthesia CF: anesthesia lines (units = minutes) are paid (base units + minutes / 15) x this x the medical direction %, whatever the method. Blank: Percent of Medicare takes its percent of Medicare's anesthesia amount; a fee schedule prices no anesthesia line.",
      example: "55.00",
    }),
  },
  // The cells each method and default rule needs are declared in the engine's method tables.
  checks: [
    (parsed) => {
      const { method, ...row } = parsed as unknown as ContractMethodRow;
      if (method === null) return null;
      const { label } = CONTRACT_METHODS[method];
      return firstBlank<Exclude<keyof ContractMethodCells, "defaultPercent">>(CONTRACT_METHODS[method].needs, row, {
        feeSchedule: () => ({
          column: "Fee Schedule",
          expected: `Method ${label} needs the name of the fee schedule table`,
        }),
        percent: () => ({ column: "Percent", expected: `Method ${method} needs a percentage like 115%` }),
        medicareSchedule: () => ({
          column: "Medicare Schedule",
          expected: `${label} needs a Medicare schedule (a table name or "current")`,
        }),
      });
    },
    (parsed) => {
      const { defaultMethod, ...row } = parsed as unknown as ContractMethodRow;
      if (defaultMethod === null) return null;
      const { label } = DEFAULT_RULES[defaultMethod];
      return firstBlank<Exclude<keyof ContractMethodCells, "percent" | "feeSchedule">>(
        DEFAULT_RULES[defaultMethod].needs,
        row,
        {
          defaultPercent: () => ({
            column: "Default Percent",
            expected: "a Default Method needs a Default Percent like 100%",
          }),
          medicareSchedule: () => ({
            column: "Medicare Schedule",
            expected: `Default Method ${label} needs a Medicare schedule`,
          }),
        },
      );
    },
  ],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** The first column of the tables whose rows belong to a contract (carve-outs, modifier policies). */
const CONTRACT_OF_ROW = column({
  header: "Contract Name",
  kind: textCell,
  written: "text",
  required: true,
  description: "A name from PayerContracts.",
  example: "Acme Health PPO",
});

/** `ContractCarveOuts`: codes or code ranges of a contract priced apart from its method. */
export const CONTRACT_CARVE_OUTS_SPEC = {
  title: CONTRACT_CARVE_OUTS_TABLE,
  purpose: "Codes or code ranges a contract prices apart from its method, in every version of the contract.",
  columns: {
    contractName: CONTRACT_OF_ROW,
    hcpcsCodeFrom: column({
      header: "HCPCS Code From",
      kind: codeCell,
      written: "text",
      required: true,
      description: "The code, or the first code of the range.",
      example: "J0120",
    }),
    hcpcsCodeTo: column({
      header: "HCPCS Code To",
      kind: codeCell,
      written: "text",
      required: false,
      description: "The last code of the range (same kind of code); blank = the From code alone.",
      example: "J9999",
    }),
    method: column({
      header: "Method",
      kind: carveOutMethod,
      written: "text",
      required: true,
      description: "How the carved-out codes are priced.",
      example: "Percent of Billed",
      allowed: carveOutMethod.allowed,
    }),
    rate: column({
      header: "Rate",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "For Flat Rate: dollars per unit.",
      example: "14.50",
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      written: "percent",
      required: false,
      description: "For Percent of Billed / Percent of Medicare: the percentage.",
      example: "55%",
    }),
  },
  checks: [
    (parsed) => {
      const { method, ...row } = parsed as unknown as CarveOutMethodRow;
      if (method === null) return null;
      const { label } = CARVE_OUT_METHODS[method];
      return firstBlank<keyof CarveOutMethodCells>(CARVE_OUT_METHODS[method].needs, row, {
        rate: () => ({ column: "Rate", expected: `Method ${label} needs a rate in dollars` }),
        percent: () => ({ column: "Percent", expected: `Method ${method} needs a percentage like 55%` }),
      });
    },
    // A reversed range, or one whose ends differ in kind (J0120 to 99999), prices no code at all.
    (parsed) => {
      const { hcpcsCodeFrom: from, hcpcsCodeTo: to } = parsed as unknown as CarveOutRangeRow;
      return from === null || to === null || (codeShape(from) === codeShape(to) && from <= to)
        ? null
        : {
            column: "HCPCS Code To",
            expected: `a range ends at a code of the same kind as its first code ${from}, and not before it`,
          };
    },
  ],
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** `ContractModifierPolicies`: a contract's own percentage for a modifier, where its policy differs from CMS's. */
export const CONTRACT_MODIFIER_POLICIES_SPEC = {
  title: CONTRACT_MODIFIER_POLICIES_TABLE,
  purpose:
    "A contract's own percentage for a modifier, in every version of the contract: it supplies the percentage CMS leaves to the payer (22, 52, 53, 66, 73, 74) or replaces CMS's (assistant 80/81/82/AS, co-surgery 62). A line with the modifier is priced without it, then multiplied by the percentage, before lesser-of.",
  columns: {
    contractName: CONTRACT_OF_ROW,
    modifier: column({
      header: "Modifier",
      kind: policyModifierCell,
      written: "text",
      required: true,
      description: "The modifier the contract pays its own percentage for.",
      example: "22",
      allowed: policyModifierCell.allowed,
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      written: "percent",
      required: true,
      description: "The percentage of the line's amount without the modifier.",
      example: "120%",
    }),
    note: column({
      header: "Note",
      kind: textCell,
      written: "text",
      required: false,
      description: "Where the policy comes from (the payer's reimbursement policy, the contract's exhibit).",
      example: "Acme reimbursement policy RP-017",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** `MedicareSchedules`: registers each Medicare schedule table with its locality and dates. */
export const MEDICARE_SCHEDULES_SPEC = {
  title: MEDICARE_SCHEDULES_TABLE,
  purpose:
    "Registers each Medicare PFS schedule table with the locality its GPCIs are for and the dates of service it covers. PAYER.MEDICARE_RATE finds a schedule by locality and date; contracts name schedules by table name.",
  columns: {
    scheduleTable: column({
      header: "Schedule Table",
      kind: textCell,
      written: "text",
      required: true,
      description: "The name of a Medicare schedule table in the workbook.",
      example: "MPFS_2025",
    }),
    year: column({
      header: "Year",
      kind: yearCell,
      written: "number",
      required: true,
      description: "The PFS calendar year.",
      example: "2025",
    }),
    locality: column({
      header: "Locality",
      kind: localityCell,
      written: "text",
      required: true,
      description: "MAC and locality numbers of the GPCIs in the table.",
      example: "04412-18",
    }),
    localityName: column({
      header: "Locality Name",
      kind: textCell,
      written: "text",
      required: false,
      description: "For people and the pricing trace.",
      example: "HOUSTON, TX",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      written: "date",
      required: false,
      description: "First date of service covered; blank = January 1 of the year.",
      example: "2025-01-01",
    }),
    effectiveEndDate: column({
      header: "Effective End Date",
      kind: endDateCell,
      written: "date",
      required: false,
      description: "Last date of service covered; blank = December 31 of the year.",
      example: "2025-12-31",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

export { ANESTHESIA_BASE_UNITS_SPEC, ANESTHESIA_BASE_UNITS_TABLE } from "./scheduleTableSpecs";
export { FEE_SCHEDULE_SPEC, MEDICARE_SCHEDULE_SPEC } from "./scheduleTableSpecs";

/** Every declared table, in README order. */
export const REGISTRY_TABLE_SPECS = [
  PAYER_CONTRACTS_SPEC,
  CONTRACT_CARVE_OUTS_SPEC,
  CONTRACT_MODIFIER_POLICIES_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  FEE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULE_SPEC,
  ANESTHESIA_BASE_UNITS_SPEC,
  ...HOSPITAL_TABLE_SPECS,
] as const;
