/**
 * The schedule tables the registry names, declared once (ARCHITECTURE.md 3): the columns of a fee schedule table
 * (any table a contract names in its Fee Schedule column) and of a Medicare schedule table (registered in
 * MedicareSchedules), with the columns the imports write for people and the registry ignores. Re-exported by
 * registryTables.ts with the registry's own tables.
 */
import {
  anesthesiaCfCell,
  baseUnitsCell,
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
import { column, type Column, type Columns, type TableSpec } from "./columnDictionary";
import { NUMBER_FORMATS } from "../core/numberFormats";

/** A column the imports write and the registry ignores. */
const writtenOnly = <const C extends Column & { readonly written: NonNullable<Column["written"]> }>(spec: C): C => spec;

/** Number formats of the Medicare schedule's numbers: RVUs and fractions, GPCIs, the conversion factor, dollars. */
const RVU = "0.00";
const GPCI = "0.000";
const CF = "0.0000";
const DOLLARS = NUMBER_FORMATS.money;

/** Columns of a fee schedule table (any table a contract names in its Fee Schedule column). */
export const FEE_SCHEDULE_SPEC = {
  title: "Fee schedule tables",
  purpose:
    "One table per payer fee schedule, named in a contract's Fee Schedule column (e.g. FS_AcmePPO_2025). A row with one rate uses it in both settings. The Fee schedule tab writes one from a payer's file, in this column order.",
  columns: {
    hcpcsCode: column({
      header: "HCPCS Code",
      synonyms: ["CPT", "Code", "CPT/HCPCS"],
      kind: codeCell,
      written: "text",
      required: true,
      description: "CPT/HCPCS code (text keeps leading zeros; numbers get them back).",
      example: "99213",
    }),
    modifier: column({
      header: "Modifier",
      synonyms: ["Mod", "HCPCS Modifier"],
      kind: modifierCell,
      written: "text",
      required: false,
      description: "Blank for the code's own rate; 26, TC, 53 or a payer-specific modifier for its own rate.",
      example: "26",
    }),
    description: writtenOnly({
      header: "Description",
      written: "text",
      description: "Written by the fee schedule import: the code's description in the payer's file, for people.",
    }),
    nonFacilityRate: column({
      header: "Non-Facility Rate",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "Dollars, office and other non-facility places of service.",
      example: "109.20",
    }),
    facilityRate: column({
      header: "Facility Rate",
      kind: moneyCell,
      written: "money",
      required: false,
      description: "Dollars, facility places of service (hospital, ASC, SNF...).",
      example: "78.83",
    }),
    effectiveStartDate: column({
      header: "Effective Start Date",
      kind: dateCell,
      written: "date",
      required: false,
      description: "Blank = in effect since always.",
      example: "2025-01-01",
    }),
    effectiveEndDate: column({
      header: "Effective End Date",
      kind: endDateCell,
      written: "date",
      required: false,
      description: "Blank = until further notice.",
      example: "2025-12-31",
    }),
    sourceRow: writtenOnly({
      header: "Source Row",
      written: "number",
      description:
        "Written by the fee schedule import: the row of the payer's file or range the rate came from, for audit.",
    }),
  },
} satisfies TableSpec<Columns>;

/** Columns of a Medicare schedule table (a table registered in MedicareSchedules). */
export const MEDICARE_SCHEDULE_SPEC = {
  title: "Medicare schedule tables",
  purpose:
    "One table per Medicare PFS year and locality (e.g. MPFS_2025), registered in MedicareSchedules: the PPRRVU rows with the locality's GPCIs on every row. Other columns (descriptions, rate formulas) are allowed and ignored. The Medicare schedule tab writes one from CMS's files, in this column order (Pricing Indicator only when the file has it, the OPPS cap columns only when the OPPSCAP file is given, the anesthesia conversion factor only when the ANES file is given).",
  columns: {
    hcpcsCode: column({ header: "HCPCS Code", synonyms: ["HCPCS"], kind: codeCell, written: "text", required: true, description: "CPT/HCPCS code.", example: "71046" }), // prettier-ignore
    modifier: column({ header: "Modifier", synonyms: ["MOD"], kind: modifierCell, written: "text", required: false, description: "Blank (global), 26, TC or 53.", example: "26" }), // prettier-ignore
    statusCode: column({ header: "Status Code", kind: statusCodeCell, written: "text", required: true, description: "PFS status; A, R and T are paid.", example: "A" }), // prettier-ignore
    workRvu: column({ header: "Work RVU", kind: decimalCell, written: "number", numberFormat: RVU, required: true, description: "Work RVU.", example: "1.30" }), // prettier-ignore
    nonFacilityPeRvu: column({ header: "Non-Facility PE RVU", kind: decimalCell, written: "number", numberFormat: RVU, required: true, description: "Non-facility practice expense RVU.", example: "1.27" }), // prettier-ignore
    nonFacilityNaIndicator: column({ header: "Non-Facility NA Indicator", kind: naIndicatorCell, written: "text", required: false, description: "NA where CMS developed no non-facility PE RVU.", example: "NA" }), // prettier-ignore
    facilityPeRvu: column({ header: "Facility PE RVU", kind: decimalCell, written: "number", numberFormat: RVU, required: true, description: "Facility practice expense RVU.", example: "0.55" }), // prettier-ignore
    facilityNaIndicator: column({ header: "Facility NA Indicator", kind: naIndicatorCell, written: "text", required: false, description: "NA where CMS developed no facility PE RVU.", example: "NA" }), // prettier-ignore
    malpracticeRvu: column({ header: "Malpractice RVU", synonyms: ["MP RVU"], kind: decimalCell, written: "number", numberFormat: RVU, required: true, description: "Malpractice RVU.", example: "0.10" }), // prettier-ignore
    pctcIndicator: column({ header: "PCTC Indicator", kind: indicatorCell, written: "text", required: false, description: "PC/TC indicator; blank = 9 (not applicable).", example: "1" }), // prettier-ignore
    globalDays: column({ header: "Global Days", kind: globalDaysCell, written: "text", required: false, description: "Global surgery days; blank = XXX.", example: "090" }), // prettier-ignore
    preOperativeFraction: column({ header: "Pre-Operative Fraction", synonyms: ["PRE OP"], kind: decimalCell, written: "number", numberFormat: RVU, required: false, description: "Share of the global package for modifier 56 (and 54); blank = 0.", example: "0.10" }), // prettier-ignore
    intraOperativeFraction: column({ header: "Intra-Operative Fraction", synonyms: ["INTRA OP"], kind: decimalCell, written: "number", numberFormat: RVU, required: false, description: "Share for modifier 54; blank = 0.", example: "0.70" }), // prettier-ignore
    postOperativeFraction: column({ header: "Post-Operative Fraction", synonyms: ["POST OP"], kind: decimalCell, written: "number", numberFormat: RVU, required: false, description: "Share for modifier 55; blank = 0.", example: "0.20" }), // prettier-ignore
    multipleProcedureIndicator: column({ header: "Multiple Procedure Indicator", synonyms: ["MULT PROC"], kind: indicatorCell, written: "text", required: false, description: "Multiple procedure indicator; blank = 9.", example: "2" }), // prettier-ignore
    bilateralIndicator: column({ header: "Bilateral Indicator", synonyms: ["BILAT SURG"], kind: indicatorCell, written: "text", required: false, description: "Bilateral surgery indicator; blank = 9.", example: "1" }), // prettier-ignore
    assistantSurgeryIndicator: column({ header: "Assistant Surgery Indicator", synonyms: ["ASST SURG"], kind: indicatorCell, written: "text", required: false, description: "Assistant at surgery indicator; blank = 9.", example: "2" }), // prettier-ignore
    coSurgeryIndicator: column({ header: "Co-Surgery Indicator", synonyms: ["CO-SURG"], kind: indicatorCell, written: "text", required: false, description: "Co-surgeons indicator; blank = 9.", example: "1" }), // prettier-ignore
    teamSurgeryIndicator: column({ header: "Team Surgery Indicator", synonyms: ["TEAM SURG"], kind: indicatorCell, written: "text", required: false, description: "Team surgery indicator; blank = 9.", example: "0" }), // prettier-ignore
    pricingIndicator: writtenOnly({
      header: "Pricing Indicator",
      written: "text",
      description: "Written by the Medicare import when the RVU file has it (PRIC IND, CY2026 on).",
    }),
    endoscopicBaseCode: column({ header: "Endoscopic Base Code", synonyms: ["ENDO BASE"], kind: codeCell, written: "text", required: false, description: "Base code of an endoscopy family (multiple procedure indicator 3).", example: "45378" }), // prettier-ignore
    workGpci: column({ header: "Work GPCI", kind: decimalCell, written: "number", numberFormat: GPCI, required: true, description: "The locality's work GPCI (the same on every row).", example: "1.014" }), // prettier-ignore
    peGpci: column({ header: "PE GPCI", kind: decimalCell, written: "number", numberFormat: GPCI, required: true, description: "The locality's practice expense GPCI.", example: "1.003" }), // prettier-ignore
    malpracticeGpci: column({ header: "Malpractice GPCI", synonyms: ["MP GPCI"], kind: decimalCell, written: "number", numberFormat: GPCI, required: true, description: "The locality's malpractice GPCI.", example: "1.409" }), // prettier-ignore
    conversionFactor: column({ header: "Conversion Factor", synonyms: ["CONV FACTOR"], kind: decimalCell, written: "number", numberFormat: CF, required: false, description: "The CF of the file. Where it is one the engine knows for the year, the engine's CFs by date of service apply (CY2024 has two); another value applies to the whole year.", example: "32.3465" }), // prettier-ignore
    nonFacilityRate: writtenOnly({
      header: "Non-Facility Rate",
      written: "formula",
      numberFormat: DOLLARS,
      description:
        "Written by the Medicare import as a live formula over its row: [(work RVU x work GPCI) + (non-facility PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF, rounded half-up to cents (DOMAIN.md 2.1).",
    }),
    facilityRate: writtenOnly({
      header: "Facility Rate",
      written: "formula",
      numberFormat: DOLLARS,
      description: "Written by the Medicare import as the same formula with the facility PE RVU.",
    }),
    nonFacilityOppsCap: column({ header: "Non-Facility OPPS Cap", kind: moneyCell, written: "money", required: false, description: "The OPPS imaging cap of the code and modifier in the locality (CMS's OPPSCAP file, DOMAIN.md 2.1): an imaging global or TC amount above it is paid at it. Written by the Medicare import when the OPPSCAP file is given; blank where CMS lists no cap. Without this column and the next the cap is not checked.", example: "306.22" }), // prettier-ignore
    facilityOppsCap: column({ header: "Facility OPPS Cap", kind: moneyCell, written: "money", required: false, description: "The same cap in facility settings.", example: "306.22" }), // prettier-ignore
    anesthesiaConversionFactor: column({ header: "Anesthesia Conversion Factor", synonyms: ["Anes CF"], kind: anesthesiaCfCell, written: "number", numberFormat: CF, required: false, description: "The locality's anesthesia conversion factor (CMS's ANES file), the same on every row. Written by the Medicare import when the ANES file is given; without it anesthesia lines are not priced.", example: "21.09" }), // prettier-ignore
  },
} satisfies TableSpec<Columns>;

/** The table name of the workbook's anesthesia base units (fixed, like the registry's). */
export const ANESTHESIA_BASE_UNITS_TABLE = "AnesthesiaBaseUnits";

/** Columns of the anesthesia base units table (CMS's list or the payer's). */
export const ANESTHESIA_BASE_UNITS_SPEC = {
  title: ANESTHESIA_BASE_UNITS_TABLE,
  purpose:
    "The base units of each anesthesia code (00100-01999), one table per workbook: anesthesia lines are paid (base units + minutes / 15) x an anesthesia conversion factor. The Medicare schedule tab writes it from CMS's anesthesia base units file (or a payer's list with the same columns); it can be edited by hand.",
  columns: {
    hcpcsCode: column({ header: "HCPCS Code", synonyms: ["CPT Code", "CPT", "Code"], kind: codeCell, written: "text", required: true, description: "The anesthesia code.", example: "00790" }), // prettier-ignore
    baseUnits: column({ header: "Base Units", synonyms: ["Base Unit", "Base Unit Value"], kind: baseUnitsCell, written: "number", required: true, description: "The code's base units, a whole number from 0 to 30.", example: "7" }), // prettier-ignore
    sourceRow: writtenOnly({
      header: "Source Row",
      written: "number",
      description: "Written by the import: the row of the file the base units came from, for audit.",
    }),
  },
} satisfies TableSpec<Columns>;
