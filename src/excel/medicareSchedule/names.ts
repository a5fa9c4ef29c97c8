/**
 * The names an imported Medicare schedule gets unless the user types others: a sheet people read
 * ("Medicare 2025 Houston") and a table formulas and contracts name (`MPFS_2025_0441218`: year, MAC, locality).
 */
import { NATIONAL_GPCI, type LocalityGpci } from "../../engine";

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;
/** Small words kept lower-case inside a title ("Rest of Texas"). */
const SMALL_WORDS = new Set(["of", "and", "the", "in"]);

/** "REST OF TEXAS" -> "Rest of Texas"; CMS writes locality names in capitals. */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-|\/|\()/)
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join("");
}

/** The default sheet and table names of a schedule for a year and locality. */
export function defaultMedicareScheduleNames(
  year: number,
  locality: LocalityGpci,
): { readonly sheetName: string; readonly tableName: string } {
  const national = locality.localityKey === NATIONAL_GPCI.localityKey;
  const place = national ? "National" : titleCase(locality.localityName.replace(/[\\/?*[\]:]/g, " ").trim());
  const sheetName = `Medicare ${year} ${place}`.replace(/\s+/g, " ").slice(0, MAX_SHEET_NAME).trim();
  const tableName = `MPFS_${year}_${national ? "National" : locality.localityKey.replace("-", "")}`;
  return { sheetName, tableName };
}
