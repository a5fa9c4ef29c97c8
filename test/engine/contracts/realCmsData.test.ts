// Contracts priced on the real CY2025 CMS files (PPRRVU October release + GPCI2025, Houston 04412-18).
import { buildContractRegistry, type ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import { MEDICARE_PFS_CONVERSION_FACTORS } from "../../../src/engine/conversionFactor";
import { buildGpciIndex, findLocality } from "../../../src/engine/gpci";
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { importPfsSchedule } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { aContract, aLine, asColumns, date, percentOfMedicare } from "./builders";

describeWithSharedData("contracts priced on the real CY2025 Medicare files", () => {
  let registry: ContractRegistry;
  beforeAll(() => {
    const pprrvu = importPfsSchedule(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"));
    const gpci = parseGpciCsv(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
    if (!pprrvu.ok || !gpci.ok) throw new Error("CMS files did not parse");
    const houston = findLocality(buildGpciIndex(gpci.value.localities), "04412-18");
    if (!houston.ok) throw new Error("Houston not in GPCI2025");
    registry = buildContractRegistry({
      versions: [aContract({ method: percentOfMedicare("1.15"), lesserOf: true })],
      medicareSchedules: [
        {
          name: "MPFS_2025",
          pfs: pprrvu.value.schedule,
          locality: houston.value,
          conversionFactors: MEDICARE_PFS_CONVERSION_FACTORS,
          effectiveStartDate: date("2025-01-01"),
          effectiveEndDate: date("2025-12-31"),
        },
      ],
    }).registry;
  });

  it("pays 115% of Houston's 99214 amount (128.209557795 x 1.15 = 147.44)", () => {
    const result = priceLine(registry, aLine({ hcpcsCode: "99214" }));
    expect(result.ok && result.value.allowedAmount).toBe(14744);
  });

  it("pays 115% of the professional component of a chest X-ray, 71046-26 (11.81)", () => {
    const result = priceLine(registry, aLine({ hcpcsCode: "71046", modifiers: ["26"] }));
    expect(result.ok && result.value.allowedAmount).toBe(1181);
  });

  it("prices every payable code the same in a batch as line by line", () => {
    const codes = ["99213", "99214", "99215", "20610", "71046", "93000", "G2211", "17000", "36415", "J1100"];
    const lines = codes.flatMap((c) => [
      aLine({ hcpcsCode: c, chargeAmount: 9000 }),
      aLine({ hcpcsCode: c, setting: "facility", units: 2 }),
      aLine({ hcpcsCode: c, modifiers: ["50"] }),
    ]);
    const batch = priceLines(registry, asColumns(lines));
    const single = lines.map((l) => priceLine(registry, l));
    expect(lines.map((_, i) => batch.issues.get(i)?.code ?? batch.allowedAmount[i])).toEqual(
      single.map((r) => (r.ok ? r.value.allowedAmount : r.issue.code)),
    );
    expect(single.filter((r) => r.ok).length).toBeGreaterThan(15);
  });
});
