// Shared set-up of the same-day family golden tests: the real CY2025 CMS files (PPRRVU October release, GPCI2025)
// in Seattle (02402-02: work GPCI 1.043, PE GPCI 1.22, MP GPCI 0.853), CF 32.3465, a contract at 100% of Medicare
// with CMS's multiple procedure rules. Expected amounts are worked out in each test from the file's RVUs.
import { buildContractRegistry, type ContractRegistry } from "../../../src/engine/contracts/registry";
import { priceClaim } from "../../../src/engine/contracts/priceClaim";
import type { ContractLine, ContractVersion } from "../../../src/engine/contracts/types";
import type { ModifierPolicy } from "../../../src/engine/contracts/modifierPolicies";
import { MEDICARE_PFS_CONVERSION_FACTORS } from "../../../src/engine/conversionFactor";
import { Decimal } from "../../../src/engine/decimal";
import { buildGpciIndex, findLocality } from "../../../src/engine/gpci";
import type { OppsCapTable } from "../../../src/engine/pfsRules/oppsCap";
import { buildPfsSchedule } from "../../../src/engine/pfsSchedule";
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { importPfsSchedule } from "../../../src/formats/cmsPfs/pprrvu";
import { readSharedData } from "../../support/sharedData";
import { aContract, date, percentOfMedicare } from "./builders";

/** Seattle's GPCIs and the CY2025 CF, as in GPCI2025.csv row "02402,WA,02,SEATTLE (KING CNTY)". */
export const SEATTLE = { work: new Decimal("1.043"), pe: new Decimal("1.22"), mp: new Decimal("0.853") };
export const CF_2025 = new Decimal("32.3465");

/** The parts of an RVU row's Seattle amount, unrounded: RVU x GPCI x CF each. */
export function seattle(work: string, pe: string, mp: string) {
  const part = (rvu: string, gpci: Decimal) => new Decimal(rvu).times(gpci).times(CF_2025);
  const parts = { work: part(work, SEATTLE.work), pe: part(pe, SEATTLE.pe), mp: part(mp, SEATTLE.mp) };
  return { ...parts, total: parts.work.plus(parts.pe).plus(parts.mp) };
}

/** One half-up rounding to whole cents, as the engine does once at the end. */
export const toCentsHalfUp = (amount: Decimal): number =>
  amount.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

/** A registry on the real files in Seattle, 100% of Medicare, optionally with an OPPSCAP table and modifier policies. */
export function seattleRegistry(
  oppsCap?: OppsCapTable,
  contract: Partial<ContractVersion> = {},
  modifierPolicies: readonly ModifierPolicy[] = [],
): ContractRegistry {
  const pprrvu = importPfsSchedule(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"));
  const gpci = parseGpciCsv(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
  if (!pprrvu.ok || !gpci.ok) throw new Error("CMS files did not parse");
  const seattleGpci = findLocality(buildGpciIndex(gpci.value.localities), "02402-02");
  if (!seattleGpci.ok) throw new Error("Seattle not in GPCI2025");
  const { schedule } = pprrvu.value;
  const pfs = oppsCap === undefined ? schedule : buildPfsSchedule(schedule.label, [...schedule.rowsByKey.values()], oppsCap); // prettier-ignore
  return buildContractRegistry({
    versions: [aContract({ method: percentOfMedicare("1"), ...contract })],
    modifierPolicies,
    medicareSchedules: [
      {
        name: "MPFS_2025",
        pfs,
        locality: seattleGpci.value,
        conversionFactors: MEDICARE_PFS_CONVERSION_FACTORS,
        effectiveStartDate: date("2025-01-01"),
        effectiveEndDate: date("2025-12-31"),
      },
    ],
  }).registry;
}

/** The allowed cents of each line of a claim, or its issue code. */
export function claimCents(registry: ContractRegistry, lines: readonly ContractLine[]): (number | string)[] {
  return priceClaim(registry, lines).map((r) => (r.ok ? r.value.allowedAmount : r.issue.code));
}
