// Anesthesia priced as Medicare does (CMS Claims Processing Manual ch.12 s.50): (base units + time units) x the
// locality's anesthesia CF x the medical direction percentage, the claim's units being the minutes, one rounding at
// the end. Real CY2025 CMS files: PPRRVU October (00790 etc. status J) and ANES2025 (Houston 04412-18: 21.09). The
// base units come from test/fixtures/cms-pfs/anesthesia-base-units.csv (a fixture modeled on CMS's published list:
// 00790 7, 00840 6, 00142 4).
import { readFileSync } from "fs";
import path from "path";
import { buildContractRegistry, type ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import { priceMedicarePfs } from "../../../src/engine/medicarePfs";
import type { ContractVersion, MedicareSchedule } from "../../../src/engine/contracts/types";
import { MEDICARE_PFS_CONVERSION_FACTORS } from "../../../src/engine/conversionFactor";
import { buildGpciIndex, findLocality, type LocalityKey } from "../../../src/engine/gpci";
import { issueMessage } from "../../../src/engine/issues";
import { buildAnesthesiaBaseUnits } from "../../../src/engine/pfsRules/anesthesia";
import { formatTrace } from "../../../src/engine/trace";
import { parseAnesCsv } from "../../../src/formats/cmsPfs/anes";
import { parseAnesthesiaBaseUnitsCsv } from "../../../src/formats/cmsPfs/anesthesiaBaseUnits";
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { importPfsSchedule } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { aContract, aFeeSchedule, aLine, asColumns, d, date, feeSchedule, percentOfMedicare } from "./builders";

const HOUSTON = "04412-18" as LocalityKey;
const baseUnitsFixture = readFileSync(path.join(__dirname, "../../fixtures/cms-pfs/anesthesia-base-units.csv"), "utf8");

describeWithSharedData("anesthesia lines priced on the real CY2025 CMS files (Houston, ANES CF 21.09)", () => {
  let houston: MedicareSchedule;
  const registryWith = (
    versions: ContractVersion[],
    options: { anesCf?: boolean; baseUnits?: boolean } = {},
  ): ContractRegistry => {
    const parsedUnits = parseAnesthesiaBaseUnitsCsv(baseUnitsFixture);
    if (!parsedUnits.ok) throw new Error("base units fixture did not parse");
    return buildContractRegistry({
      versions,
      feeSchedules: [aFeeSchedule()],
      medicareSchedules: [options.anesCf === false ? { ...houston, anesthesiaConversionFactor: null } : houston],
      ...(options.baseUnits === false
        ? {}
        : { anesthesiaBaseUnits: buildAnesthesiaBaseUnits("AnesthesiaBaseUnits", parsedUnits.value.rows) }),
    }).registry;
  };
  const atMedicare = aContract({ method: percentOfMedicare("1") });
  const amount = (registry: ContractRegistry, line: ReturnType<typeof aLine>) => {
    const priced = priceLine(registry, line);
    return priced.ok ? priced.value.allowedAmount : issueMessage(priced.issue);
  };

  beforeAll(() => {
    const pprrvu = importPfsSchedule(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"));
    const gpci = parseGpciCsv(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
    const anes = parseAnesCsv(readSharedData("cms-pfs/2025-rvu25d/ANES2025.csv"));
    if (!pprrvu.ok || !gpci.ok || !anes.ok) throw new Error("CMS files did not parse");
    const locality = findLocality(buildGpciIndex(gpci.value.localities), HOUSTON);
    if (!locality.ok) throw new Error("Houston not in GPCI2025");
    houston = {
      name: "MPFS_2025",
      pfs: pprrvu.value.schedule,
      locality: locality.value,
      conversionFactors: MEDICARE_PFS_CONVERSION_FACTORS,
      effectiveStartDate: date("2025-01-01"),
      effectiveEndDate: date("2025-12-31"),
      anesthesiaConversionFactor: anes.value.localities.get(HOUSTON)!.conversionFactor,
    };
  });

  it("pays a personally performed case (AA) in full: 00790, 62 minutes -> (7 base + 4.1 time) x 21.09 = 234.099 -> 234.10", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["AA"], units: 62 }))).toBe(23410);
  });

  it("pays medical direction of 2-4 concurrent cases (QK) at 50%: 00840, 68 minutes -> (6 + 4.5) x 21.09 x 50% = 110.7225 -> 110.72", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00840", modifiers: ["QK"], units: 68 }))).toBe(11072);
  });

  it("pays the directing physician (QY) and the directed CRNA (QX) 50% each: together the 100% amount (117.05 + 117.05 = 234.10)", () => {
    const registry = registryWith([atMedicare]);
    // (7 + 4.1) x 21.09 = 234.099 in full; x 50% = 117.0495 on each claim, 117.05 each.
    const physician = amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["QY"], units: 62 }));
    const crna = amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["QX"], units: 62 }));
    const personally = amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["AA"], units: 62 }));
    expect([physician, crna]).toEqual([11705, 11705]);
    expect((physician as number) + (crna as number)).toBe(personally);
  });

  it("pays a CRNA without medical direction (QZ) in full: 00142, 8 minutes -> (4 + 0.5) x 21.09 = 94.905 -> 94.91", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00142", modifiers: ["QZ"], units: 8 }))).toBe(9491);
  });

  it("pays a line without a direction modifier as personally performed (100%), physical status P3 changing nothing", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["P3"], units: 62 }))).toBe(23410);
  });

  it("rounds minutes to tenths of a time unit half up: 62 min -> 4.1 (11.1 x 21.09 = 234.10), 68 min -> 4.5 (11.5 x 21.09 = 242.535 -> 242.54)", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", units: 62 }))).toBe(23410);
    expect(amount(registry, aLine({ hcpcsCode: "00790", units: 68 }))).toBe(24254);
  });

  it("shows the arithmetic in the trace: (7 base + 4.1 time) x 21.09 x 50%", () => {
    const registry = registryWith([atMedicare]);
    const priced = priceLine(registry, aLine({ hcpcsCode: "00790", modifiers: ["QK"], units: 62 }));
    if (!priced.ok) throw new Error(issueMessage(priced.issue));
    expect(formatTrace(priced.value.trace).join("\n")).toContain(
      "62 minutes / 15 = 4.1 time units; 7 base units (AnesthesiaBaseUnits row 5); conversion factor 21.09 (ANES file, locality 04412-18 in MPFS_2025); modifier QK, medical direction of 2-4 concurrent procedures: (7 base + 4.1 time) x 21.09 x 50% = 117.0495",
    );
  });

  it("pays a contract at 120% of Medicare 120% of the anesthesia amount: 234.099 x 1.2 = 280.9188 -> 280.92", () => {
    const registry = registryWith([aContract({ method: percentOfMedicare("1.2") })]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["AA"], units: 62 }))).toBe(28092);
  });

  it("still caps at the billed charge under lesser-of: 280.92 billed 250.00 -> 250.00", () => {
    const registry = registryWith([aContract({ method: percentOfMedicare("1.2"), lesserOf: true })]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", units: 62, chargeAmount: 25000 }))).toBe(25000);
  });

  it("pays at the contract's own anesthesia CF: (7 + 4.1) x 55.00 x 50% (QK) = 305.25, whatever its method", () => {
    const ownCf = { anesthesiaConversionFactor: d("55.00") };
    for (const method of [feeSchedule("FS_Acme"), percentOfMedicare("1.2")]) {
      const registry = registryWith([aContract({ method, ...ownCf })]);
      expect(amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["QK"], units: 62 }))).toBe(30525);
    }
  });

  it("does not price a fee schedule contract without an anesthesia CF, and says why", () => {
    const registry = registryWith([aContract({ method: feeSchedule("FS_Acme") })]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", units: 62 }))).toBe(
      'Not priced: contract "Acme PPO" has no Anesthesia Conversion Factor, and 00790 is an anesthesia code, paid on base and time units rather than a rate per unit. Enter the contract\'s anesthesia conversion factor in PayerContracts.',
    );
  });

  it("does not price an anesthesia line when the schedule was imported without the ANES file", () => {
    const registry = registryWith([atMedicare], { anesCf: false });
    expect(amount(registry, aLine({ hcpcsCode: "00790", units: 62 }))).toMatch(
      /^Not priced: anesthesia conversion factor not imported\. 00790 is an anesthesia code.*MPFS_2025 was imported without CMS's ANES file/,
    );
  });

  it("does not price a code the base units table lacks (01996 is J in PPRRVU but not in the fixture)", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "01996", units: 30 }))).toBe(
      "Not priced: 01996 is an anesthesia code and AnesthesiaBaseUnits has no base units for it. Add its row.",
    );
    expect(amount(registryWith([atMedicare], { baseUnits: false }), aLine({ hcpcsCode: "00790", units: 62 }))).toMatch(
      /no anesthesia base units table was imported/,
    );
  });

  it("does not price AD (supervision of more than 4 cases) rather than guess whether the induction unit is due", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00790", modifiers: ["AD"], units: 62 }))).toMatch(
      /^00790: modifier AD \(supervision of more than 4 concurrent procedures: 3 base units, plus 1 time unit only with documented presence at induction/,
    );
  });

  it("asks for the minutes when an anesthesia line has no units, and refuses part minutes", () => {
    const registry = registryWith([atMedicare]);
    expect(amount(registry, aLine({ hcpcsCode: "00790" }))).toMatch(/its units are the anesthesia minutes\. Enter/);
    expect(amount(registry, aLine({ hcpcsCode: "00790", units: 62.5 }))).toMatch(/a whole number like 62, not 62.5/);
  });

  it("prices anesthesia lines the same in a batch and in a claim as line by line (units are minutes, not x units)", () => {
    const registry = registryWith([atMedicare]);
    const lines = [
      aLine({ hcpcsCode: "00790", modifiers: ["QK"], units: 62 }),
      aLine({ hcpcsCode: "00790", units: 68 }),
      aLine({ hcpcsCode: "00840", units: 1 }),
      aLine({ hcpcsCode: "99213", units: 2 }),
    ];
    const single = lines.map((line) => amount(registry, line));
    const batch = priceLines(registry, asColumns(lines));
    expect(lines.map((_, i) => batch.allowedAmount[i])).toEqual(single);
    expect(priceClaim(registry, lines).map((r) => (r.ok ? r.value.allowedAmount : r.issue.code))).toEqual(single);
    // 00840 for 1 minute: (6 + 0.1) x 21.09 = 128.649 -> 128.65, not a per-unit amount.
    expect(single[2]).toBe(12865);
  });

  it("answers PAYER.MEDICARE_RATE's pricer for an anesthesia code that its amount needs the minutes", () => {
    const rate = priceMedicarePfs(
      { schedule: houston.pfs, locality: houston.locality },
      { hcpcsCode: aLine({ hcpcsCode: "00790" }).hcpcsCode, setting: "non-facility", serviceDate: date("2025-03-04") },
    );
    expect(rate.ok ? rate.value.allowedAmount : issueMessage(rate.issue)).toMatch(
      /^00790 is an anesthesia code: Medicare pays \(base units \+ minutes \/ 15\) x the anesthesia conversion factor, so it has no rate without the minutes/,
    );
  });

  it("reports a batch anesthesia line without a units column as needing its minutes", () => {
    const registry = registryWith([atMedicare]);
    const { units: _dropped, ...columns } = asColumns([aLine({ hcpcsCode: "00790" })]);
    expect(priceLines(registry, columns).issues.get(0)?.code).toBe("anesthesiaMinutesRequired");
  });
});
