/**
 * The registry tables of ARCHITECTURE.md 3, declared once: `PayerContracts`, `ContractCarveOuts`,
 * `MedicareSchedules`, and the columns of fee schedule and Medicare schedule tables. Table and column names are part
 * of the product: the README section "Workbook tables" is generated from these specs (registryDocs.ts).
 */
import { MULTIPLE_PROCEDURE_RULE_VALUES } from "../../engine";
import { CARVE_OUT_METHODS, CONTRACT_METHODS, DEFAULT_RULES, methodChoices } from "../../engine";
import type { CarveOutMethodCells, ContractMethodCells, MethodWords } from "../../engine";
import type { CarveOutMethod, ContractMethod, DefaultRule } from "../../engine";
import {
  booleanCell,
  choiceCell,
  codeCell,
  dateCell,
  decimalCell,
  globalDaysCell,
  indicatorCell,
  localityCell,
  modifierCell,
  moneyCell,
  naIndicatorCell,
  percentCell,
  statusCodeCell,
  textCell,
  yearCell,
} from "./cellKinds";
import type { ColumnSpec, RowCheck, TableSpec } from "./tableSpec";

/** Table names the add-in looks for (fixed, like the column headers). */
export const PAYER_CONTRACTS_TABLE = "PayerContracts";
export const CONTRACT_CARVE_OUTS_TABLE = "ContractCarveOuts";
export const MEDICARE_SCHEDULES_TABLE = "MedicareSchedules";

const column = <T>(spec: ColumnSpec<T>): ColumnSpec<T> => spec;

/** A choice column whose words (and the README's "Allowed" list, and the editor's choices) are a method table's. */
const methodCell = <K extends string>(table: { readonly [P in K]: MethodWords }) => {
  const { words, labels } = methodChoices(table);
  return choiceCell(words, labels);
};
const contractMethod = methodCell(CONTRACT_METHODS);
const defaultMethod = methodCell(DEFAULT_RULES);
const carveOutMethod = methodCell(CARVE_OUT_METHODS);

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
      required: true,
      description: "The name formulas use, any case. Versions of one contract share it.",
      example: "Acme Health PPO",
    }),
    payer: column({
      header: "Payer",
      kind: textCell,
      required: true,
      description: "The payer.",
      example: "Acme Health",
    }),
    product: column({
      header: "Product",
      kind: textCell,
      required: false,
      description: "HMO, PPO, Medicare Advantage, Medicaid managed care...",
      example: "PPO",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      required: true,
      description: "First date of service this version prices.",
      example: "2025-01-01",
    }),
    effectiveEndDate: column({
      header: "Effective End Date",
      kind: dateCell,
      required: false,
      description: "Last date of service this version prices; blank = until further notice.",
      example: "2025-12-31",
    }),
    method: column({
      header: "Method",
      kind: contractMethod,
      required: true,
      description: "How the contract prices codes.",
      example: "Fee Schedule",
      allowed: contractMethod.allowed,
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
      required: false,
      description: "For Percent of Medicare / Percent of Billed: the percentage (a cell formatted as %, or 1.15).",
      example: "115%",
    }),
    feeSchedule: column({
      header: "Fee Schedule",
      kind: textCell,
      required: false,
      description: "For Fee Schedule: the name of the table holding the rates.",
      example: "FS_AcmePPO_2025",
    }),
    medicareSchedule: column({
      header: "Medicare Schedule",
      kind: textCell,
      required: false,
      description:
        'The Medicare basis: a registered Medicare schedule table, "current" (the one covering the date of service) or a pattern like MPFS_{year}.',
      example: "MPFS_2025",
    }),
    lesserOf: column({
      header: "Lesser Of",
      kind: booleanCell,
      required: false,
      description: "Pay the lesser of the contract amount and the billed charge; blank = FALSE.",
      example: "TRUE",
    }),
    defaultMethod: column({
      header: "Default Method",
      kind: defaultMethod,
      required: false,
      description: "For codes the fee schedule does not list; blank = no rate for them.",
      example: "Percent of Medicare",
      allowed: defaultMethod.allowed,
    }),
    defaultPercent: column({
      header: "Default Percent",
      kind: percentCell,
      required: false,
      description: "The percentage of the default method.",
      example: "100%",
    }),
    multipleProcedureRule: column({
      header: "Multiple Procedure Rule",
      kind: multipleProcedureRule,
      required: false,
      description:
        "Medicare (blank): CMS's modifier and indicator rules (bilateral, multiple procedures, assistant, co-surgery); None: rate x units.",
      example: "Medicare",
      allowed: multipleProcedureRule.allowed,
    }),
    termEndDate: column({
      header: "Term End Date",
      kind: dateCell,
      required: false,
      description: "When the contract term ends.",
      example: "2025-12-31",
    }),
    renewalNoticeDate: column({
      header: "Renewal Notice Date",
      kind: dateCell,
      required: false,
      description: "Last day to give notice of renegotiation.",
      example: "2025-10-02",
    }),
    autoRenew: column({
      header: "Auto Renew",
      kind: booleanCell,
      required: false,
      description: "Whether the contract renews by itself; blank = FALSE.",
      example: "TRUE",
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

/** `ContractCarveOuts`: codes or code ranges of a contract priced apart from its method. */
export const CONTRACT_CARVE_OUTS_SPEC = {
  title: CONTRACT_CARVE_OUTS_TABLE,
  purpose: "Codes or code ranges a contract prices apart from its method, in every version of the contract.",
  columns: {
    contractName: column({
      header: "Contract Name",
      kind: textCell,
      required: true,
      description: "A name from PayerContracts.",
      example: "Acme Health PPO",
    }),
    hcpcsCodeFrom: column({
      header: "HCPCS Code From",
      kind: codeCell,
      required: true,
      description: "The code, or the first code of the range.",
      example: "J0120",
    }),
    hcpcsCodeTo: column({
      header: "HCPCS Code To",
      kind: codeCell,
      required: false,
      description: "The last code of the range (same kind of code); blank = the From code alone.",
      example: "J9999",
    }),
    method: column({
      header: "Method",
      kind: carveOutMethod,
      required: true,
      description: "How the carved-out codes are priced.",
      example: "Percent of Billed",
      allowed: carveOutMethod.allowed,
    }),
    rate: column({
      header: "Rate",
      kind: moneyCell,
      required: false,
      description: "For Flat Rate: dollars per unit.",
      example: "14.50",
    }),
    percent: column({
      header: "Percent",
      kind: percentCell,
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
  ],
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
      required: true,
      description: "The name of a Medicare schedule table in the workbook.",
      example: "MPFS_2025",
    }),
    year: column({
      header: "Year",
      kind: yearCell,
      required: true,
      description: "The PFS calendar year.",
      example: "2025",
    }),
    locality: column({
      header: "Locality",
      kind: localityCell,
      required: true,
      description: "MAC and locality numbers of the GPCIs in the table.",
      example: "04412-18",
    }),
    localityName: column({
      header: "Locality Name",
      kind: textCell,
      required: false,
      description: "For people and the pricing trace.",
      example: "HOUSTON, TX",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      required: false,
      description: "First date of service covered; blank = January 1 of the year.",
      example: "2025-01-01",
    }),
    effectiveEndDate: column({
      header: "Effective End Date",
      kind: dateCell,
      required: false,
      description: "Last date of service covered; blank = December 31 of the year.",
      example: "2025-12-31",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** Columns of a fee schedule table (any table a contract names in its Fee Schedule column). */
export const FEE_SCHEDULE_SPEC = {
  title: "Fee schedule tables",
  purpose:
    "One table per payer fee schedule, named in a contract's Fee Schedule column (e.g. FS_AcmePPO_2025). A row with one rate uses it in both settings.",
  columns: {
    hcpcsCode: column({
      header: "HCPCS Code",
      aliases: ["CPT", "Code", "CPT/HCPCS"],
      kind: codeCell,
      required: true,
      description: "CPT/HCPCS code (text keeps leading zeros; numbers get them back).",
      example: "99213",
    }),
    modifier: column({
      header: "Modifier",
      aliases: ["Mod", "HCPCS Modifier"],
      kind: modifierCell,
      required: false,
      description: "Blank for the code's own rate; 26, TC, 53 or a payer-specific modifier for its own rate.",
      example: "26",
    }),
    nonFacilityRate: column({
      header: "Non-Facility Rate",
      kind: moneyCell,
      required: false,
      description: "Dollars, office and other non-facility places of service.",
      example: "109.20",
    }),
    facilityRate: column({
      header: "Facility Rate",
      kind: moneyCell,
      required: false,
      description: "Dollars, facility places of service (hospital, ASC, SNF...).",
      example: "78.83",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      required: false,
      description: "Blank = in effect since always.",
      example: "2025-01-01",
    }),
    effectiveEndDate: column({
      header: "Effective End Date",
      kind: dateCell,
      required: false,
      description: "Blank = until further notice.",
      example: "2025-12-31",
    }),
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** Columns of a Medicare schedule table (a table registered in MedicareSchedules). */
export const MEDICARE_SCHEDULE_SPEC = {
  title: "Medicare schedule tables",
  purpose:
    "One table per Medicare PFS year and locality (e.g. MPFS_2025), registered in MedicareSchedules: the PPRRVU rows with the locality's GPCIs on every row. Other columns (descriptions, rate formulas) are allowed and ignored.",
  columns: {
    hcpcsCode: column({ header: "HCPCS Code", aliases: ["HCPCS"], kind: codeCell, required: true, description: "CPT/HCPCS code.", example: "71046" }), // prettier-ignore
    modifier: column({ header: "Modifier", aliases: ["MOD"], kind: modifierCell, required: false, description: "Blank (global), 26, TC or 53.", example: "26" }), // prettier-ignore
    statusCode: column({ header: "Status Code", kind: statusCodeCell, required: true, description: "PFS status; A, R and T are paid.", example: "A" }), // prettier-ignore
    workRvu: column({ header: "Work RVU", kind: decimalCell, required: true, description: "Work RVU.", example: "1.30" }), // prettier-ignore
    nonFacilityPeRvu: column({ header: "Non-Facility PE RVU", kind: decimalCell, required: true, description: "Non-facility practice expense RVU.", example: "1.27" }), // prettier-ignore
    facilityPeRvu: column({ header: "Facility PE RVU", kind: decimalCell, required: true, description: "Facility practice expense RVU.", example: "0.55" }), // prettier-ignore
    malpracticeRvu: column({ header: "Malpractice RVU", aliases: ["MP RVU"], kind: decimalCell, required: true, description: "Malpractice RVU.", example: "0.10" }), // prettier-ignore
    nonFacilityNaIndicator: column({ header: "Non-Facility NA Indicator", kind: naIndicatorCell, required: false, description: "NA where CMS developed no non-facility PE RVU.", example: "NA" }), // prettier-ignore
    facilityNaIndicator: column({ header: "Facility NA Indicator", kind: naIndicatorCell, required: false, description: "NA where CMS developed no facility PE RVU.", example: "NA" }), // prettier-ignore
    pctcIndicator: column({ header: "PCTC Indicator", kind: indicatorCell, required: false, description: "PC/TC indicator; blank = 9 (not applicable).", example: "1" }), // prettier-ignore
    globalDays: column({ header: "Global Days", kind: globalDaysCell, required: false, description: "Global surgery days; blank = XXX.", example: "090" }), // prettier-ignore
    preOperativeFraction: column({ header: "Pre-Operative Fraction", aliases: ["PRE OP"], kind: decimalCell, required: false, description: "Share of the global package for modifier 56 (and 54); blank = 0.", example: "0.10" }), // prettier-ignore
    intraOperativeFraction: column({ header: "Intra-Operative Fraction", aliases: ["INTRA OP"], kind: decimalCell, required: false, description: "Share for modifier 54; blank = 0.", example: "0.70" }), // prettier-ignore
    postOperativeFraction: column({ header: "Post-Operative Fraction", aliases: ["POST OP"], kind: decimalCell, required: false, description: "Share for modifier 55; blank = 0.", example: "0.20" }), // prettier-ignore
    multipleProcedureIndicator: column({ header: "Multiple Procedure Indicator", aliases: ["MULT PROC"], kind: indicatorCell, required: false, description: "Multiple procedure indicator; blank = 9.", example: "2" }), // prettier-ignore
    bilateralIndicator: column({ header: "Bilateral Indicator", aliases: ["BILAT SURG"], kind: indicatorCell, required: false, description: "Bilateral surgery indicator; blank = 9.", example: "1" }), // prettier-ignore
    assistantSurgeryIndicator: column({ header: "Assistant Surgery Indicator", aliases: ["ASST SURG"], kind: indicatorCell, required: false, description: "Assistant at surgery indicator; blank = 9.", example: "2" }), // prettier-ignore
    coSurgeryIndicator: column({ header: "Co-Surgery Indicator", aliases: ["CO-SURG"], kind: indicatorCell, required: false, description: "Co-surgeons indicator; blank = 9.", example: "1" }), // prettier-ignore
    teamSurgeryIndicator: column({ header: "Team Surgery Indicator", aliases: ["TEAM SURG"], kind: indicatorCell, required: false, description: "Team surgery indicator; blank = 9.", example: "0" }), // prettier-ignore
    endoscopicBaseCode: column({ header: "Endoscopic Base Code", aliases: ["ENDO BASE"], kind: codeCell, required: false, description: "Base code of an endoscopy family (multiple procedure indicator 3).", example: "45378" }), // prettier-ignore
    workGpci: column({ header: "Work GPCI", kind: decimalCell, required: true, description: "The locality's work GPCI (the same on every row).", example: "1.014" }), // prettier-ignore
    peGpci: column({ header: "PE GPCI", kind: decimalCell, required: true, description: "The locality's practice expense GPCI.", example: "1.003" }), // prettier-ignore
    malpracticeGpci: column({ header: "Malpractice GPCI", aliases: ["MP GPCI"], kind: decimalCell, required: true, description: "The locality's malpractice GPCI.", example: "1.409" }), // prettier-ignore
    conversionFactor: column({ header: "Conversion Factor", aliases: ["CONV FACTOR"], kind: decimalCell, required: false, description: "The CF of the file. Where it is one the engine knows for the year, the engine's CFs by date of service apply (CY2024 has two); another value applies to the whole year.", example: "32.3465" }), // prettier-ignore
  },
} satisfies TableSpec<Readonly<Record<string, ColumnSpec>>>;

/** Every declared table, in README order. */
export const REGISTRY_TABLE_SPECS = [
  PAYER_CONTRACTS_SPEC,
  CONTRACT_CARVE_OUTS_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  FEE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULE_SPEC,
] as const;
