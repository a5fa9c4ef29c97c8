/**
 * The OPPS imaging cap of a Medicare schedule table, read back from its two cap columns (written by the Medicare
 * import from CMS's OPPSCAP file) into the engine's cap table, so that the functions apply the cap (DOMAIN.md 2.1).
 * A table without the columns has no cap table: the engine then says the cap was not checked, which is true, where
 * an empty table would say that CMS lists no cap.
 */
import { buildOppsCapTable, type OppsCapRow, type OppsCapTable } from "../../engine";
import type { LocalityKey } from "../../engine";
import { columnPositions } from "./columnDictionary";
import type { RegistryIssue } from "./issues";
import { MEDICARE_SCHEDULE_SPEC } from "./scheduleTableSpecs";
import type { ParsedRow, TableData } from "./tableSpec";

type ScheduleRow = ParsedRow<typeof MEDICARE_SCHEDULE_SPEC.columns>;

/** The cap table, and the rows left out of the schedule because one of their two caps is blank. */
export interface ScheduleOppsCap {
  readonly table: OppsCapTable | undefined;
  readonly leftOut: ReadonlySet<number>;
}

const CAP_FIELDS = ["nonFacilityOppsCap", "facilityOppsCap"] as const;

/**
 * The cap table of a Medicare schedule table for its locality: one cap row per schedule row with both caps; rows
 * with neither are not capped (CMS lists no cap there). A row with one cap and the other blank is reported and left
 * out of the schedule: pricing it uncapped in one setting could overpay without a word.
 */
export function oppsCapOf(
  data: TableData,
  rows: readonly ScheduleRow[],
  locality: LocalityKey,
  issues: RegistryIssue[],
): ScheduleOppsCap {
  const positions = columnPositions(MEDICARE_SCHEDULE_SPEC.columns, data.headers);
  if (!CAP_FIELDS.some((field) => positions.has(field))) return { table: undefined, leftOut: new Set() };
  const capRows: OppsCapRow[] = [];
  const leftOut = new Set<number>();
  for (const row of rows) {
    const nonFacility = row.nonFacilityOppsCap;
    const facility = row.facilityOppsCap;
    if (nonFacility === null && facility === null) continue;
    if (nonFacility === null || facility === null) {
      const blank = MEDICARE_SCHEDULE_SPEC.columns[nonFacility === null ? "nonFacilityOppsCap" : "facilityOppsCap"];
      const other = MEDICARE_SCHEDULE_SPEC.columns[nonFacility === null ? "facilityOppsCap" : "nonFacilityOppsCap"];
      issues.push({
        code: "cellInconsistent",
        table: data.name,
        sheet: data.sheet,
        rowNumber: row.rowNumber,
        column: blank.header,
        value: "",
        expected: `the row has a ${other.header}: a code CMS caps has a cap in both settings (both blank: no cap)`,
      });
      leftOut.add(row.rowNumber);
      continue;
    }
    capRows.push({
      hcpcsCode: row.hcpcsCode!,
      modifier: row.modifier,
      statusCode: row.statusCode!,
      macCode: locality.slice(0, 5),
      localityNumber: locality.slice(6),
      facilityPrice: facility,
      nonFacilityPrice: nonFacility,
      sourceRowNumber: row.rowNumber,
    });
  }
  return { table: buildOppsCapTable(`sheet "${data.sheet}"`, capRows), leftOut };
}
