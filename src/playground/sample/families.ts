/**
 * Families of codes, so the generator can build claims that look like real encounters and the Acme schedule can
 * vary its percent of Medicare by kind of service. Derived from the PPRRVU indicators, not from CPT descriptors.
 */
import type { PprrvuRow } from "./fixtures";

export type CodeFamily =
  "officeVisit" | "facilityVisit" | "diagnosticTest" | "procedure" | "therapy" | "lab" | "drug" | "addOn" | "other";

/** Clinical-lab and venipuncture codes, carved out of both sample contracts (no PFS RVUs: CMS pays them on the CLFS). */
export const isLabCode = (code: string): boolean => (code >= "80047" && code <= "87999") || code === "36415";

/** Family of a code, from its global (no-modifier) PPRRVU row. */
export function familyOf(row: PprrvuRow): CodeFamily {
  const code = row.hcpcsCode;
  if (code.startsWith("J")) return "drug";
  if (isLabCode(code) && row.statusCode === "X") return "lab";
  if (row.globalDays === "ZZZ") return "addOn";
  if ((code >= "99202" && code <= "99215") || ["G0439", "G0444", "G0447", "99490", "99497"].includes(code)) {
    return "officeVisit";
  }
  if (code >= "99221" && code <= "99310") return "facilityVisit";
  if (code.startsWith("97") || row.pctcIndicator === 7) return "therapy";
  if (row.pctcIndicator === 1) return "diagnosticTest";
  if (["000", "010", "090"].includes(row.globalDays) && [2, 3].includes(row.multipleProcedureIndicator)) {
    return "procedure";
  }
  return "other";
}

/** Our own plain label for the Description column: the shared PPRRVU copy has CPT descriptors (AMA) blanked. */
export function familyLabel(row: PprrvuRow): string {
  switch (familyOf(row)) {
    case "officeVisit":
      return "Office/outpatient E/M or care management";
    case "facilityVisit":
      return "Hospital, emergency or nursing facility E/M";
    case "diagnosticTest":
      return "Diagnostic test (professional/technical split)";
    case "procedure":
      return `Procedure, ${row.globalDays}-day global`;
    case "therapy":
      return "Therapy";
    case "lab":
      return "Clinical lab (paid on the CLFS, not the PFS)";
    case "drug":
      return "Drug (paid on ASP, not the PFS)";
    case "addOn":
      return "Add-on code";
    case "other":
      return "Other physician service";
  }
}
