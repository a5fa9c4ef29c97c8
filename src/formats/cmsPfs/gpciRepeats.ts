import type { Decimal } from "../../engine";
import type { LocalityGpci } from "../../engine";
import type { ImportIssue } from "./importIssues";

/** A locality as read, with the row it came from. */
export interface ReadLocality {
  readonly rowNumber: number;
  readonly locality: LocalityGpci;
}

const sameDecimal = (a: Decimal | null, b: Decimal | null): boolean =>
  a === null ? b === null : b !== null && a.eq(b);

/** Whether two rows say the same thing about a locality (name, state and every GPCI). */
function identical(a: LocalityGpci, b: LocalityGpci): boolean {
  return (
    a.localityName === b.localityName &&
    a.stateCode === b.stateCode &&
    a.workGpci.eq(b.workGpci) &&
    sameDecimal(a.workGpciWithoutFloor, b.workGpciWithoutFloor) &&
    a.peGpci.eq(b.peGpci) &&
    a.malpracticeGpci.eq(b.malpracticeGpci)
  );
}

/** A locality's values as a message quotes them: "ALABAMA: work 1, PE 0.869, MP 0.575". */
const valuesText = (l: LocalityGpci): string =>
  `${l.localityName}${l.stateCode ? `, ${l.stateCode}` : ""}: work ${l.workGpci.toString()}, PE ${l.peGpci.toString()}, MP ${l.malpracticeGpci.toString()}`;

/**
 * Merges a locality listed twice. An identical repeat is left out with a note naming the first row (which is kept);
 * a repeat with different values is an error naming both rows, and neither is kept, so that the user chooses
 * instead of the import taking one silently (the same rule as payer schedule duplicates). Order is kept.
 */
export function mergeRepeatedLocalities(read: readonly ReadLocality[]): {
  localities: LocalityGpci[];
  issues: ImportIssue[];
} {
  const first = new Map<string, ReadLocality>();
  const conflicting = new Set<string>();
  const repeats = new Set<ReadLocality>();
  const issues: ImportIssue[] = [];
  for (const entry of read) {
    const key = entry.locality.localityKey;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, entry);
      continue;
    }
    repeats.add(entry);
    const firstRowNumber = earlier.rowNumber;
    if (identical(earlier.locality, entry.locality))
      issues.push({ code: "rowDuplicated", rowNumber: entry.rowNumber, firstRowNumber, key });
    else {
      conflicting.add(key);
      const firstValues = valuesText(earlier.locality);
      issues.push({ code: "localityConflict", rowNumber: entry.rowNumber, firstRowNumber, key, firstValues, values: valuesText(entry.locality) }); // prettier-ignore
    }
  }
  const localities = read
    .filter((entry) => !repeats.has(entry) && !conflicting.has(entry.locality.localityKey))
    .map((entry) => entry.locality);
  return { localities, issues };
}
