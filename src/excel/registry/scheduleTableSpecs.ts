/**
 * The schedule tables the registry names, declared once (ARCHITECTURE.md 3): the columns of a fee schedule table
 * (any table a contract names in its Fee Schedule column) and of a Medicare schedule table (registered in
 * MedicareSchedules). Re-exported by registryTables.ts with the registry's own tables.
 */
import {
  codeCell,
  dateCell,
  decimalCell,
  endDateCell,
  globalDaysCell,
  indicatorCell,
  modifierCell,
  moneyCell,
  naIndicatorCell,
  statusCodeCell,
} from "./cellKinds";
import type { ColumnSpec, TableSpec } from "./tableSpec";

const column = <T>(spec: ColumnSpec<T>): ColumnSpec<T> => spec;

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
      kind: endDateCell,
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
