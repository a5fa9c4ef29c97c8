// The golden check: CMS's own computed payment amounts (PFREV25C, all 109 localities, HCPCS 76145) reproduced to
// the cent from PPRRVU2025_Oct.csv and GPCI2025.csv, through the same parsers and pricing users run.
import { buildGpciIndex, findLocality } from "../../../src/engine/gpci";
import { priceMedicarePfs } from "../../../src/engine/medicarePfs";
import { formatCents } from "../../../src/engine/money";
import type { IsoDate } from "../../../src/engine/isoDate";
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { parsePfsPaymentAmounts } from "../../../src/formats/cmsPfs/pfsPaymentAmounts";
import { importPfsSchedule } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

describeWithSharedData("CMS PFREV25C payment amounts reproduced from PPRRVU2025_Oct and GPCI2025", () => {
  it("matches every non-facility and facility amount to the cent", () => {
    const schedule = importPfsSchedule(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"));
    const gpci = parseGpciCsv(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
    const oracle = parsePfsPaymentAmounts(readSharedData("cms-pfs/2025-rvu25d/PFREV25C.txt"));
    if (!schedule.ok || !gpci.ok || !oracle.ok) throw new Error("a CMS file could not be read");
    const localities = buildGpciIndex(gpci.value.localities);

    const mismatches: string[] = [];
    let compared = 0;
    for (const expected of oracle.value.amounts) {
      const locality = findLocality(localities, expected.localityKey);
      if (!locality.ok) {
        mismatches.push(`row ${expected.rowNumber}: locality ${expected.localityKey} missing from GPCI2025`);
        continue;
      }
      for (const setting of ["non-facility", "facility"] as const) {
        const priced = priceMedicarePfs(
          { schedule: schedule.value.schedule, locality: locality.value },
          {
            hcpcsCode: expected.hcpcsCode,
            modifiers: expected.modifier ? [expected.modifier] : [],
            setting,
            serviceDate: `${expected.year}-10-01` as IsoDate,
          },
        );
        const want = (setting === "facility" ? expected.facilityAmount : expected.nonFacilityAmount).toFixed(2);
        const got = priced.ok ? formatCents(priced.value.allowedAmount) : priced.issue.code;
        compared++;
        if (got !== want)
          mismatches.push(`row ${expected.rowNumber} ${expected.localityKey} ${setting}: CMS ${want}, engine ${got}`);
      }
    }
    console.info(
      `PFREV25C: ${oracle.value.amounts.length} rows, ${compared} amounts compared, ${mismatches.length} mismatches`,
    );
    expect(oracle.value.issues).toEqual([]);
    expect(oracle.value.amounts).toHaveLength(109);
    expect(compared).toBe(218);
    expect(mismatches).toEqual([]);
  });
});
