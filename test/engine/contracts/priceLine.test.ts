import { priceLine } from "../../../src/engine/contracts/priceLine";
import type { ContractLine, ContractPrice } from "../../../src/engine/contracts/types";
import { issueExcelError, issueMessage, type EngineIssue } from "../../../src/engine/issues";
import { formatTrace } from "../../../src/engine/trace";
import type { Result } from "../../../src/engine/result";
import { aLocality, aPfsRow } from "../builders";
import {
  aCarveOut,
  aContract,
  aFeeRow,
  aFeeSchedule,
  aLine,
  aMedicareSchedule,
  aRegistry,
  d,
  date,
  percentOfBilled,
  percentOfMedicare,
} from "./builders";

type Registry = ReturnType<typeof aRegistry>;
const price = (registry: Registry, line: ContractLine): ContractPrice => {
  const result = priceLine(registry, line);
  if (!result.ok) throw new Error(`expected a price, got ${issueMessage(result.issue)}`);
  return result.value;
};
const allowed = (registry: Registry, line: ContractLine): number => price(registry, line).allowedAmount;
const issueOf = (result: Result<ContractPrice>): EngineIssue => {
  if (result.ok) throw new Error(`expected an issue, got ${result.value.allowedAmount}`);
  return result.issue;
};

// CY2025 99213 at GPCIs 1.000: 2.75 NF RVUs x 32.3465 = 88.952875; facility 1.97 x 32.3465 = 63.722605.
const medicareContract = (percent: string, overrides = {}) =>
  aRegistry({ versions: [aContract({ method: percentOfMedicare(percent), ...overrides })] });

describe("pricing a line under a fee-schedule contract", () => {
  it("pays the schedule's non-facility rate for an office visit", () => {
    expect(allowed(aRegistry(), aLine())).toBe(11000);
  });

  it("pays the facility rate when the service was in a facility", () => {
    expect(allowed(aRegistry(), aLine({ setting: "facility" }))).toBe(8000);
  });

  it("multiplies the rate by the units", () => {
    expect(allowed(aRegistry(), aLine({ units: 3 }))).toBe(33000);
  });

  it("finds the contract whatever the case and spacing of its name", () => {
    expect(allowed(aRegistry(), aLine({ contractName: "  acme ppo " }))).toBe(11000);
  });

  it("prices the professional component from the schedule's 26 row", () => {
    const registry = aRegistry({
      feeSchedules: [
        aFeeSchedule(
          "FS_Acme",
          aFeeRow({ hcpcsCode: "71046", nonFacilityRate: "40.00" }),
          aFeeRow({ hcpcsCode: "71046", modifier: "26", nonFacilityRate: "12.00" }),
        ),
      ],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "71046", modifiers: ["26"] }))).toBe(1200);
  });

  it("applies a payer's own modifier-50 rate without raising it again by 150%", () => {
    const registry = aRegistry({
      feeSchedules: [
        aFeeSchedule(
          "FS_Acme",
          aFeeRow({ hcpcsCode: "20610", nonFacilityRate: "100.00" }),
          aFeeRow({ hcpcsCode: "20610", modifier: "50", nonFacilityRate: "140.00" }),
        ),
      ],
      medicareSchedules: [aMedicareSchedule({ rows: [aPfsRow({ hcpcsCode: "20610", bilateralIndicator: "1" })] })],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "20610", modifiers: ["50"] }))).toBe(14000);
  });
});

describe("modifiers and indicators on a fee-schedule contract with the Medicare rule", () => {
  const surgery = (indicators: Parameters<typeof aPfsRow>[0], rule: "medicare" | "none" = "medicare") =>
    aRegistry({
      versions: [aContract({ multipleProcedureRule: rule })],
      feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ hcpcsCode: "20610", nonFacilityRate: "100.00" }))],
      medicareSchedules: [aMedicareSchedule({ rows: [aPfsRow({ hcpcsCode: "20610", ...indicators })] })],
    });
  const line = (...modifiers: string[]) => aLine({ hcpcsCode: "20610", modifiers });

  it("pays 150% for a bilateral procedure (modifier 50, bilateral indicator 1)", () => {
    expect(allowed(surgery({ bilateralIndicator: "1" }), line("50"))).toBe(15000);
  });

  it("pays the rate unchanged for modifier 50 when the contract's rule is None", () => {
    expect(allowed(surgery({ bilateralIndicator: "1" }, "none"), line("50"))).toBe(10000);
  });

  it("pays an assistant at surgery 16% (modifier 80, indicator 2)", () => {
    expect(allowed(surgery({ assistantSurgeryIndicator: "2" }), line("80"))).toBe(1600);
  });

  it("refuses an assistant at surgery where the indicator restricts it", () => {
    expect(issueOf(priceLine(surgery({ assistantSurgeryIndicator: "1" }), line("80"))).code).toBe(
      "pfsModifierNotAllowed",
    );
  });

  it("pays each co-surgeon 62.5% (modifier 62)", () => {
    expect(allowed(surgery({ coSurgeryIndicator: "2" }), line("62"))).toBe(6250);
  });

  it("pays a secondary procedure (modifier 51) 50% under the standard rule", () => {
    expect(allowed(surgery({ multipleProcedureIndicator: "2" }), line("51"))).toBe(5000);
  });

  it("says which indicators are missing when the Medicare schedule lacks the code", () => {
    const registry = aRegistry({
      feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ hcpcsCode: "20610", nonFacilityRate: "100.00" }))],
    });
    const issue = issueOf(priceLine(registry, line("50")));
    expect(issue.code).toBe("contractIndicatorsMissing");
    expect(issueMessage(issue)).toContain("20610");
  });

  it("needs no Medicare schedule for a line without adjusting modifiers", () => {
    const registry = aRegistry({ medicareSchedules: [], versions: [aContract({ medicareScheduleName: null })] });
    expect(allowed(registry, aLine({ modifiers: ["25"] }))).toBe(11000);
  });
});

describe("pricing a line at a percent of Medicare", () => {
  it("pays 120% of the Medicare amount, rounded once at the end", () => {
    expect(allowed(medicareContract("1.2"), aLine())).toBe(10674); // 88.952875 x 1.2 = 106.74345
  });

  it("uses the facility RVUs in a facility", () => {
    expect(allowed(medicareContract("1.2"), aLine({ setting: "facility" }))).toBe(7647); // 63.722605 x 1.2
  });

  it("multiplies by units before the one rounding", () => {
    expect(allowed(medicareContract("1.2"), aLine({ units: 2 }))).toBe(21349); // 213.48690, not 2 x 106.74
  });

  it("applies the schedule's locality GPCIs (Houston 99213 = 91.00)", () => {
    const houston = aLocality({ workGpci: d("1.014"), peGpci: d("1.003"), malpracticeGpci: d("1.409") });
    const registry = aRegistry({
      versions: [aContract({ method: percentOfMedicare("1") })],
      medicareSchedules: [aMedicareSchedule({ locality: houston })],
    });
    expect(allowed(registry, aLine())).toBe(9100);
  });

  it("prices a professional component on the Medicare 26 row", () => {
    const registry = aRegistry({
      versions: [aContract({ method: percentOfMedicare("1") })],
      medicareSchedules: [
        aMedicareSchedule({
          rows: [
            aPfsRow({ hcpcsCode: "71046", pctcIndicator: "1" }),
            aPfsRow({
              hcpcsCode: "71046",
              modifier: "26",
              pctcIndicator: "1",
              workRvu: d("0.22"),
              nonFacilityPeRvu: d("0.08"),
              malpracticeRvu: d("0.01"),
            }),
          ],
        }),
      ],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "71046", modifiers: ["26"] }))).toBe(1003); // 0.31 x 32.3465
  });

  it("applies the bilateral 150% before the contract percent", () => {
    const registry = aRegistry({
      versions: [aContract({ method: percentOfMedicare("1.2") })],
      medicareSchedules: [aMedicareSchedule({ rows: [aPfsRow({ hcpcsCode: "20610", bilateralIndicator: "1" })] })],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "20610", modifiers: ["50"] }))).toBe(16012); // 88.952875 x 1.5 x 1.2
  });

  it("prices on a fixed year's schedule, with that year's conversion factor, after the year has passed", () => {
    const registry = medicareContract("1", {
      effectiveStartDate: date("2026-01-01"),
      effectiveEndDate: date("2026-12-31"),
    });
    const result = price(registry, aLine({ serviceDate: "2026-02-01" }));
    expect(result.allowedAmount).toBe(8895);
    expect(formatTrace(result.trace).join("\n")).toContain("priced as of 2025-12-31");
  });

  it('picks the schedule covering the date of service when the contract says "current"', () => {
    const mpfs2024 = aMedicareSchedule({
      name: "MPFS_2024",
      rows: [aPfsRow({ nonFacilityPeRvu: d("1.33") })], // CY2024 99213: 2.73 NF RVUs
      effectiveStartDate: date("2024-01-01"),
      effectiveEndDate: date("2024-12-31"),
    });
    const registry = aRegistry({
      versions: [
        aContract({
          method: percentOfMedicare("1"),
          medicareScheduleName: "current",
          effectiveStartDate: date("2024-01-01"),
        }),
      ],
      medicareSchedules: [mpfs2024, aMedicareSchedule()],
    });
    expect(allowed(registry, aLine({ serviceDate: "2024-06-03" }))).toBe(9087); // 2.73 x 33.2875
    expect(allowed(registry, aLine({ serviceDate: "2024-03-08" }))).toBe(8939); // 2.73 x 32.7442 (CF by date)
    expect(allowed(registry, aLine({ serviceDate: "2025-06-03" }))).toBe(8895);
  });

  it("says no Medicare schedule is current when none covers the date", () => {
    const registry = medicareContract("1", { medicareScheduleName: "current", effectiveStartDate: date("2024-01-01") });
    expect(issueOf(priceLine(registry, aLine({ serviceDate: "2024-06-03" }))).code).toBe("medicareScheduleNotCurrent");
  });

  it("names the missing Medicare schedule and lists the known ones", () => {
    const issue = issueOf(priceLine(medicareContract("1", { medicareScheduleName: "MPFS_2019" }), aLine()));
    expect(issueMessage(issue)).toContain("MPFS_2019");
    expect(issueMessage(issue)).toContain("Known: MPFS_2025");
  });
});

describe("pricing a line at a percent of billed charges", () => {
  const registry = aRegistry({ versions: [aContract({ method: percentOfBilled("0.55") })] });

  it("pays the percent of the line's charge", () => {
    expect(allowed(registry, aLine({ chargeAmount: 20001 }))).toBe(11001); // 110.0055 -> 110.01
  });

  it("asks for the billed charge when none is given", () => {
    const issue = issueOf(priceLine(registry, aLine()));
    expect(issue.code).toBe("chargeAmountRequired");
    expect(issueExcelError(issue)).toBe("#VALUE!");
  });
});

describe("carve-outs", () => {
  it("pays a carved-out code its flat rate per unit", () => {
    const registry = aRegistry({ carveOuts: [aCarveOut({ from: "36415" })] });
    expect(allowed(registry, aLine({ hcpcsCode: "36415", units: 2 }))).toBe(700);
  });

  it("takes precedence over the code's fee schedule rate", () => {
    const registry = aRegistry({
      feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ hcpcsCode: "36415", nonFacilityRate: "10.00" }))],
      carveOuts: [aCarveOut({ from: "36415" })],
    });
    expect(price(registry, aLine({ hcpcsCode: "36415" }))).toMatchObject({
      allowedAmount: 350,
      basis: "carve-out flat rate",
    });
  });

  it("prices every code of a range, here drugs at 55% of charges", () => {
    const registry = aRegistry({
      carveOuts: [aCarveOut({ from: "J0120", to: "J9999", method: { kind: "percent of billed", percent: d("0.55") } })],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "J1100", chargeAmount: 1000 }))).toBe(550);
  });

  it("compares only codes of the same shape: a numeric range does not catch a Category II code", () => {
    const registry = aRegistry({ carveOuts: [aCarveOut({ from: "00100", to: "99999" })] });
    expect(issueOf(priceLine(registry, aLine({ hcpcsCode: "0001F" }))).code).toBe("contractCodeNotCovered");
  });

  it("prefers a carve-out for the single code over a range holding it", () => {
    const registry = aRegistry({
      carveOuts: [
        aCarveOut({ from: "80047", to: "87999", method: { kind: "flat rate", rate: d("14.50") } }),
        aCarveOut({ from: "85025", method: { kind: "flat rate", rate: d("9.00") } }),
      ],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "85025" }))).toBe(900);
  });

  it("prices a carve-out at a percent of Medicare", () => {
    const registry = aRegistry({
      carveOuts: [aCarveOut({ from: "99213", method: { kind: "percent of medicare", percent: d("1.5") } })],
    });
    expect(allowed(registry, aLine())).toBe(13343); // 88.952875 x 1.5 = 133.4293
  });
});

describe("codes not on the fee schedule", () => {
  const withDefault = aRegistry({
    versions: [aContract({ defaultRule: { method: "percent of medicare", percent: d("1") } })],
    medicareSchedules: [
      aMedicareSchedule({
        rows: [
          aPfsRow({ hcpcsCode: "99214", workRvu: d("1.92"), nonFacilityPeRvu: d("1.80"), malpracticeRvu: d("0.15") }),
        ],
      }),
    ],
  });

  it("are priced by the contract's default rule", () => {
    expect(price(withDefault, aLine({ hcpcsCode: "99214" }))).toMatchObject({
      allowedAmount: 12518,
      basis: "default percent of medicare",
    });
  });

  it("have no expected amount when the default's basis lacks them too, naming the contract", () => {
    const issue = issueOf(priceLine(withDefault, aLine({ hcpcsCode: "99215" })));
    expect(issue.code).toBe("contractCodeNotCovered");
    expect(issueMessage(issue)).toContain('"Acme PPO"');
  });

  it("have no expected amount without a default rule: #N/A naming the contract and the code", () => {
    const issue = issueOf(priceLine(aRegistry(), aLine({ hcpcsCode: "99214" })));
    expect(issueExcelError(issue)).toBe("#N/A");
    expect(issueMessage(issue)).toBe(
      'Contract "Acme PPO" has no rate for 99214: it is not on FS_Acme and the contract has no default rule.',
    );
  });

  it("at a default percent of billed need the charge", () => {
    const registry = aRegistry({
      versions: [aContract({ defaultRule: { method: "percent of billed", percent: d("0.5") } })],
    });
    expect(allowed(registry, aLine({ hcpcsCode: "99214", chargeAmount: 30000 }))).toBe(15000);
  });
});

describe("lesser of the contract amount and billed charges", () => {
  const registry = aRegistry({ versions: [aContract({ lesserOf: true })] });

  it("pays the charge when it is lower, and says so", () => {
    expect(price(registry, aLine({ chargeAmount: 10000 }))).toMatchObject({ allowedAmount: 10000, lesserOf: "bound" });
  });

  it("pays the contract amount when the charge is higher", () => {
    expect(price(registry, aLine({ chargeAmount: 15000 }))).toMatchObject({
      allowedAmount: 11000,
      lesserOf: "not bound",
    });
  });

  it("compares the charge with the amount after units", () => {
    expect(price(registry, aLine({ units: 2, chargeAmount: 20000 }))).toMatchObject({
      allowedAmount: 20000,
      lesserOf: "bound",
    });
  });

  it("leaves the amount alone, and says why, when no charge is given", () => {
    expect(price(registry, aLine())).toMatchObject({ allowedAmount: 11000, lesserOf: "no charge given" });
  });

  it("is not applied when the contract has no lesser-of clause", () => {
    expect(price(aRegistry(), aLine({ chargeAmount: 5000 }))).toMatchObject({
      allowedAmount: 11000,
      lesserOf: "not in contract",
    });
  });
});

describe("choosing the contract version by date of service", () => {
  const registry = aRegistry({
    versions: [
      aContract({
        method: percentOfMedicare("1.15"),
        effectiveStartDate: date("2024-01-01"),
        effectiveEndDate: date("2024-12-31"),
        sourceRowNumber: 2,
      }),
      aContract({ sourceRowNumber: 3 }),
    ],
    medicareSchedules: [aMedicareSchedule({ effectiveStartDate: date("2024-01-01") })],
  });

  it("uses the old version on its last day and the new one on its first day", () => {
    expect(price(registry, aLine({ serviceDate: "2024-12-31" })).basis).toBe("percent of medicare");
    expect(price(registry, aLine({ serviceDate: "2025-01-01" })).basis).toBe("fee schedule");
  });

  it("says no version is in effect on a later date, naming the contract, the date and the versions", () => {
    const issue = issueOf(priceLine(registry, aLine({ serviceDate: "2026-01-01" })));
    expect(issueMessage(issue)).toBe(
      'No version of contract "Acme PPO" is in effect on 2026-01-01; its versions cover 2024-01-01 to 2024-12-31, 2025-01-01 to 2025-12-31.',
    );
  });

  it("lists the known contracts when the name is unknown", () => {
    const issue = issueOf(priceLine(registry, aLine({ contractName: "Acme HMO" })));
    expect(issueMessage(issue)).toBe('There is no contract named "Acme HMO". Known contracts: Acme PPO.');
    expect(issueExcelError(issue)).toBe("#N/A");
  });
});

describe("units", () => {
  it("refuses zero or negative units", () => {
    expect(issueOf(priceLine(aRegistry(), aLine({ units: 0 }))).code).toBe("unitsInvalid");
  });
});

describe("the pricing trace", () => {
  it("shows the contract version, Medicare base with GPCIs and CF, percent, units, lesser-of and result", () => {
    const registry = medicareContract("1.2", { lesserOf: true });
    const text = formatTrace(price(registry, aLine({ units: 2, chargeAmount: 50000 })).trace).join("\n");
    for (const expected of [
      "Contract Acme PPO, version 2025-01-01 to 2025-12-31 (registry row 2): percent of medicare 120%",
      "Medicare basis: table MPFS_2025",
      "GPCI work 1, PE 1, MP 1",
      "Conversion factor 32.3465",
      "Contract percent 120% of Medicare",
      "Units 2",
      "does not bind",
      "rounded half-up to cents: 213.49",
    ])
      expect(text).toContain(expected);
  });
});
