// The real CMS files of ../shared/data read as the hospital imports read them, for the writer and command tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DrgWeightTable, IsoDate, OppsTable } from "../../../src/engine";
import { parseDrgWeightsCsv } from "../../../src/formats/cmsIpps";
import { parseAddendumBCsv } from "../../../src/formats/cmsOpps";
import type { WorkbookSnapshot } from "../../../src/playground/simulator";
import { specOf, tableSheet } from "../../formulas/hospitalWorkbook";
import { readSharedData, SHARED_DATA } from "../../support/sharedData";

/** The bytes of a shared data file, as the browser hands a chosen file over. */
export const sharedBytes = (relativePath: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(SHARED_DATA!, relativePath)));

/** CMS's pricer MS-DRG weights of a fiscal year, read by the reader. */
export function drgWeightsOf(year: 2025 | 2026): DrgWeightTable {
  const parsed = parseDrgWeightsCsv(readSharedData(`cms-ipps/ipps_drgstable_FY${year}_cms_pricer.csv`));
  if (!parsed.ok) throw new Error(`FY${year} weights not read: ${parsed.issue.code}`);
  return parsed.value.table;
}

/** An Addendum B quarter of 2025 ("01" or "10"), read from its Windows-1252 bytes. */
export function addendumBOf(month: "01" | "10"): OppsTable {
  const start = `2025-${month}-01` as IsoDate;
  const bytes = sharedBytes(`cms-opps/opps_addendum_b_2025-${month}_section508.csv`);
  const parsed = parseAddendumBCsv(bytes, { label: `Addendum B 2025-${month}`, effectiveStartDate: start });
  if (!parsed.ok) throw new Error(`Addendum B 2025-${month} not read: ${parsed.issue.code}`);
  return parsed.value.table;
}

/** Six FY2026 rows of CMS's pricer file, as its text reads (for tests that need no shared data). */
export const DRG_WEIGHTS_EXCERPT = [
  "diagnosticRelatedGroup,effectiveDate,weight,geometricMeanLengthOfStay,lowVolumeDrg,arithmeticMeanLengthOfStay,postAcuteCare,specialPaymentPostAcuteCare,description", // prettier-ignore
  "001,20251001,28.0239,25.8,,36.2,,,HEART TRANSPLANT OR IMPLAN",
  "003,20251001,21.2252,22.9,,33.0,Y,,ECMO OR TRACHEOSTOMY WITH",
  "203,20251001,0.6700,2.2,,2.6,,,BRONCHITIS AND ASTHMA WITH",
  "291,20251001,1.2838,3.8,,5.0,Y,,HEART FAILURE AND SHOCK WI",
  "469,20251001,3.0332,3.3,,4.4,Y,,MAJOR HIP AND KNEE JOINT R",
  "470,20251001,1.9289,1.9,,2.2,Y,,MAJOR HIP AND KNEE JOINT R",
  "",
].join("\r\n");

/** The first banner row, the header's first columns and four rows of the October 2025 Addendum B (columns cut). */
export const ADDENDUM_B_EXCERPT = [
  ",Addendum B.-- OPPS Payment by HCPCS Code for CY 2025,,,,,,,,,,,",
  "HCPCS Code,Short Descriptor,SI,APC,Relative Weight,Payment Rate,National Unadjusted Copayment,Minimum Unadjusted Copayment",
  "20610,,T,5441,3.3105,$295.190,.,$59.04",
  '27447,,J1,5115,144.2970,"$12,866.820",.,"$2,573.37"',
  "99283,,J2,5023,3.1052,$276.890,.,$55.38",
  "C1713,,N,,, ,,",
  "",
].join("\r\n");

/** The excerpt's FY2026 weights, read by the reader. */
export function excerptDrgWeights(): DrgWeightTable {
  const parsed = parseDrgWeightsCsv(DRG_WEIGHTS_EXCERPT);
  if (!parsed.ok) throw new Error(`excerpt not read: ${parsed.issue.code}`);
  return parsed.value.table;
}

/** The excerpt's October 2025 quarter, read by the reader. */
export function excerptAddendumB(): OppsTable {
  const start = "2025-10-01" as IsoDate;
  const parsed = parseAddendumBCsv(ADDENDUM_B_EXCERPT, { label: "Addendum B 2025-10", effectiveStartDate: start });
  if (!parsed.ok) throw new Error(`excerpt not read: ${parsed.issue.code}`);
  return parsed.value.table;
}

/**
 * A small hospital workbook without shared data: MsDrgWeights with DRG 470 in FY2025 and FY2026 (the FY2026 row is
 * what an import of the excerpt replaces), and OutpatientTerms with two contracts; no OppsRates (an import creates it).
 */
export function smallHospitalWorkbook(): WorkbookSnapshot {
  const drg = (year: number, weight: number) => ({ "MS-DRG": "470", "Fiscal Year": year, Weight: weight, GMLOS: 1.9, AMLOS: 2.2, "Post-Acute": "Y", "Special Pay": "N", Description: "MAJOR HIP AND KNEE JOINT R" }); // prettier-ignore
  const terms = (name: string, wageIndex: number | null) => ({ "Contract Name": name, "Effective Start Date": "2025-01-01", "Outpatient Method": "Percent of OPPS", Percent: "150%", "Wage Index": wageIndex }); // prettier-ignore
  return {
    sheets: [
      { name: "Notes", cells: [["Hospital contracts"]] },
      tableSheet(specOf("MsDrgWeights"), "MsDrgWeights", [drg(2025, 1.8855), drg(2026, 1.9)]),
      tableSheet(specOf("OutpatientTerms"), "OutpatientTerms", [terms("Mercy Hospital PPO", 0.8), terms("Valley Hospital", 1.2)]), // prettier-ignore
    ],
  };
}
