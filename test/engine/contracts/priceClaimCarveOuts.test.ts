/** Claim-level multiple procedure ranking of carved-out codes: the carve-out method table says which take part. */
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import type { CarveOutMethod } from "../../../src/engine/contracts/types";
import { aPfsRow } from "../builders";
import { aCarveOut, aFeeRow, aFeeSchedule, aLine, aMedicareSchedule, aRegistry, d } from "./builders";

// Two surgeries on the standard multiple procedure rule (MULT PROC 2); 20610 is carved out.
const amountsWith = (method: CarveOutMethod) =>
  priceClaim(
    aRegistry({
      carveOuts: [aCarveOut({ from: "20610", method })],
      feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ hcpcsCode: "11042", nonFacilityRate: "60.00" }))],
      medicareSchedules: [
        aMedicareSchedule({
          rows: [
            aPfsRow({ hcpcsCode: "20610", multipleProcedureIndicator: "2" }),
            aPfsRow({ hcpcsCode: "11042", multipleProcedureIndicator: "2" }),
          ],
        }),
      ],
    }),
    [aLine({ hcpcsCode: "20610" }), aLine({ hcpcsCode: "11042" })],
  ).map((r) => (r.ok ? r.value.allowedAmount : r.issue.code));

describe("carved-out procedures on a claim", () => {
  it("pays a carved-out flat rate as agreed and leaves the other procedure unranked", () => {
    expect(amountsWith({ kind: "flat rate", rate: d("75.00") })).toEqual([7500, 6000]);
  });

  it("ranks a carved-out percent of Medicare with the other procedures", () => {
    // 20610 at 100% of Medicare is 88.952875 (GPCIs 1, CF 32.3465): first, in full; 11042 second, at 50%.
    expect(amountsWith({ kind: "percent of medicare", percent: d("1") })).toEqual([8895, 3000]);
  });
});
