import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import type { ContractLine } from "../../../src/engine/contracts/types";
import { aPfsRow } from "../builders";
import { aContract, aFeeRow, aFeeSchedule, aLine, aMedicareSchedule, aRegistry, percentOfMedicare } from "./builders";

// Two surgeries on the standard multiple procedure rule (MULT PROC 2) and an office visit (MULT PROC 0).
const rows = [
  aPfsRow({ hcpcsCode: "20610", multipleProcedureIndicator: "2" }),
  aPfsRow({ hcpcsCode: "11042", multipleProcedureIndicator: "2" }),
  aPfsRow({ hcpcsCode: "99213", multipleProcedureIndicator: "0" }),
];
const registryWith = (rule: "medicare" | "none" = "medicare") =>
  aRegistry({
    versions: [aContract({ multipleProcedureRule: rule })],
    feeSchedules: [
      aFeeSchedule(
        "FS_Acme",
        aFeeRow({ hcpcsCode: "20610", nonFacilityRate: "100.00" }),
        aFeeRow({ hcpcsCode: "11042", nonFacilityRate: "60.00" }),
        aFeeRow({ hcpcsCode: "99213", nonFacilityRate: "110.00" }),
      ),
    ],
    medicareSchedules: [aMedicareSchedule({ rows })],
  });
const amounts = (registry: ReturnType<typeof aRegistry>, lines: ContractLine[]) =>
  priceClaim(registry, lines).map((r) => (r.ok ? r.value.allowedAmount : r.issue.code));

describe("pricing a claim with several procedures on one day", () => {
  it("pays the highest-priced procedure in full and the next at 50%, whatever their order on the claim", () => {
    const lines = [aLine({ hcpcsCode: "11042" }), aLine({ hcpcsCode: "20610" })];
    expect(amounts(registryWith(), lines)).toEqual([3000, 10000]);
  });

  it("does not reduce an office visit billed the same day", () => {
    const lines = [
      aLine({ hcpcsCode: "20610" }),
      aLine({ hcpcsCode: "11042" }),
      aLine({ hcpcsCode: "99213", modifiers: ["25"] }),
    ];
    expect(amounts(registryWith(), lines)).toEqual([10000, 3000, 11000]);
  });

  it("pays the ranked first procedure in full even when it carries modifier 51", () => {
    const lines = [aLine({ hcpcsCode: "20610", modifiers: ["51"] }), aLine({ hcpcsCode: "11042" })];
    expect(amounts(registryWith(), lines)).toEqual([10000, 3000]);
  });

  it("does not rank procedures done on different days", () => {
    const lines = [aLine({ hcpcsCode: "20610" }), aLine({ hcpcsCode: "11042", serviceDate: "2025-03-05" })];
    expect(amounts(registryWith(), lines)).toEqual([10000, 6000]);
  });

  it("does not rank under a contract whose Multiple Procedure Rule is None", () => {
    const lines = [aLine({ hcpcsCode: "20610" }), aLine({ hcpcsCode: "11042" })];
    expect(amounts(registryWith("none"), lines)).toEqual([10000, 6000]);
  });

  it("ranks percent-of-Medicare lines by their contract amount", () => {
    const registry = aRegistry({
      versions: [aContract({ method: percentOfMedicare("1") })],
      medicareSchedules: [aMedicareSchedule({ rows })],
    });
    // Both rows carry 99213's RVUs (88.952875); units make the second line the larger one.
    const lines = [aLine({ hcpcsCode: "20610" }), aLine({ hcpcsCode: "11042", units: 2 })];
    expect(amounts(registry, lines)).toEqual([4448, 17791]);
  });
});
