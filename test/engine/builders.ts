// Test builders with defaults (STYLE.md 7): a PPRRVU row like CY2025 99213, a schedule, a locality.
import { Decimal } from "../../src/engine/decimal";
import type { LocalityGpci, LocalityKey } from "../../src/engine/gpci";
import type { HcpcsCode } from "../../src/engine/hcpcsCode";
import type { IsoDate } from "../../src/engine/isoDate";
import type { Modifier } from "../../src/engine/modifiers";
import { buildPfsSchedule, type PfsRvuRow, type PfsSchedule } from "../../src/engine/pfsSchedule";

type RowOverrides = Partial<Omit<PfsRvuRow, "hcpcsCode" | "modifier">> & {
  hcpcsCode?: string;
  modifier?: string | null;
};

const d = (text: string): Decimal => new Decimal(text);

/** A PFS RVU row; defaults are CY2025 99213 (work 1.30, NF PE 1.35, F PE 0.57, MP 0.10, status A). */
export function aPfsRow(overrides: RowOverrides = {}): PfsRvuRow {
  const { hcpcsCode = "99213", modifier = null, ...rest } = overrides;
  return {
    hcpcsCode: hcpcsCode as HcpcsCode,
    modifier: modifier as Modifier | null,
    statusCode: "A",
    workRvu: d("1.30"),
    nonFacilityPeRvu: d("1.35"),
    nonFacilityNaIndicator: false,
    facilityPeRvu: d("0.57"),
    facilityNaIndicator: false,
    malpracticeRvu: d("0.10"),
    pctcIndicator: "0",
    globalDays: "XXX",
    preOperativeFraction: d("0"),
    intraOperativeFraction: d("0"),
    postOperativeFraction: d("0"),
    multipleProcedureIndicator: "0",
    bilateralIndicator: "0",
    assistantSurgeryIndicator: "0",
    coSurgeryIndicator: "0",
    teamSurgeryIndicator: "0",
    pricingIndicator: null,
    endoscopicBaseCode: null,
    conversionFactor: d("32.3465"),
    diagnosticImagingFamilyIndicator: "99",
    sourceRowNumber: 11,
    ...rest,
  };
}

/** A schedule of the given rows (default: one 99213 row). */
export function aSchedule(...rows: PfsRvuRow[]): PfsSchedule {
  return buildPfsSchedule("test schedule", rows.length > 0 ? rows : [aPfsRow()]);
}

/** A locality; defaults are GPCIs of 1.000. */
export function aLocality(overrides: Partial<LocalityGpci> = {}): LocalityGpci {
  return {
    localityKey: "01112-05" as LocalityKey,
    macCode: "01112",
    localityNumber: "05",
    stateCode: "CA",
    localityName: "SAN FRANCISCO",
    workGpci: d("1"),
    workGpciWithoutFloor: null,
    peGpci: d("1"),
    malpracticeGpci: d("1"),
    ...overrides,
  };
}

/** Shorthands for branded values in tests. */
export const date = (text: string): IsoDate => text as IsoDate;
export const mods = (...values: string[]): Modifier[] => values as Modifier[];
export const code = (text: string): HcpcsCode => text as HcpcsCode;
