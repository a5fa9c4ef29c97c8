// The real CMS files of ../shared/data read as the hospital imports read them, for the writer and command tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DrgWeightTable, IsoDate, OppsTable } from "../../../src/engine";
import { parseDrgWeightsCsv } from "../../../src/formats/cmsIpps";
import { parseAddendumBCsv } from "../../../src/formats/cmsOpps";
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
