/** The variance review of claim lines: each flag, the tolerances, claim-level ranking, exact cents. */
import type { ContractLine } from "../../../src/engine/contracts/types";
import { Decimal } from "../../../src/engine/decimal";
import type { Cents } from "../../../src/engine/money";
import { ok, fail } from "../../../src/engine/result";
import {
  DEFAULT_VARIANCE_TOLERANCE,
  isReversalLine,
  lineDenial,
  reviewVariances,
  type VarianceInputLine,
  type VarianceTolerance,
} from "../../../src/engine/variance";
import { classifyRemitLine, type RemitAdjustment } from "../../../src/engine/denials/denialCategory";
import { aPfsRow } from "../builders";
import { aFeeRow, aFeeSchedule, aLine, aMedicareSchedule, aRegistry } from "../contracts/builders";

const registry = aRegistry({
  feeSchedules: [
    aFeeSchedule(
      "FS_Acme",
      aFeeRow({ hcpcsCode: "99213", nonFacilityRate: "96.62", sourceRowNumber: 12 }),
      aFeeRow({ hcpcsCode: "20610", nonFacilityRate: "100.00", sourceRowNumber: 13 }),
      aFeeRow({ hcpcsCode: "11042", nonFacilityRate: "60.00", sourceRowNumber: 14 }),
    ),
  ],
  medicareSchedules: [
    aMedicareSchedule({
      rows: [
        aPfsRow({ hcpcsCode: "99213", multipleProcedureIndicator: "0" }),
        aPfsRow({ hcpcsCode: "20610", multipleProcedureIndicator: "2" }),
        aPfsRow({ hcpcsCode: "11042", multipleProcedureIndicator: "2" }),
      ],
    }),
  ],
});

type Overrides = Partial<Omit<VarianceInputLine, "pricing" | "allowedAmount" | "denial">> & {
  line?: Partial<Omit<ContractLine, "hcpcsCode">> & { hcpcsCode?: string };
  allowed?: number;
  charge?: number | null;
  codes?: string | null;
};

/** A claim line allowed at `allowed` cents; default 99213 under Acme PPO, one claim per line. */
function aReviewLine({
  line = {},
  allowed = 9662,
  charge = 20000,
  codes = null,
  ...rest
}: Overrides = {}): VarianceInputLine {
  const contractLine = aLine(line as Parameters<typeof aLine>[0]);
  return {
    claimKey: rest.claimKey ?? `claim-${Math.random()}`,
    claimId: null,
    payer: "Acme Health",
    hcpcsCode: contractLine.hcpcsCode,
    serviceDate: contractLine.serviceDate,
    pricing: ok(contractLine),
    allowedAmount: allowed as Cents,
    chargeAmount: charge as Cents | null,
    denial: lineDenial({
      adjustmentCodes: codes,
      chargeAmount: charge as Cents | null,
      allowedAmount: allowed as Cents,
    }),
    reversal: false,
    ...rest,
  };
}

const review = (lines: VarianceInputLine[], tolerance: VarianceTolerance = DEFAULT_VARIANCE_TOLERANCE) =>
  reviewVariances(registry, lines, tolerance);
const tolerance = (amount: number, percent: string, rule: "both" | "either"): VarianceTolerance => ({
  amount: amount as Cents,
  fraction: new Decimal(percent),
  rule,
});

describe("flagging one line", () => {
  it("flags a line allowed below contract as Underpaid, with the shortfall as recoverable and a reason that proves it", () => {
    const [line] = review([aReviewLine({ allowed: 9250 })]);
    expect(line).toEqual({
      flag: "Underpaid",
      reason: "Allowed $92.50 is $4.12 (4.3%) below expected $96.62: fee schedule FS_Acme row 12",
      expectedAmount: 9662,
      allowedAmount: 9250,
      varianceAmount: -412,
      varianceFraction: -0.042641,
      recoverableAmount: 412,
    });
  });

  it("flags a line allowed above contract as Overpaid, with nothing to recover", () => {
    const [line] = review([aReviewLine({ allowed: 11000 })]);
    expect(line).toMatchObject({ flag: "Overpaid", varianceAmount: 1338, recoverableAmount: 0 });
    expect(line!.reason).toBe("Allowed $110.00 is $13.38 (13.8%) above expected $96.62: fee schedule FS_Acme row 12");
  });

  it("passes a line allowed exactly at contract as OK", () => {
    const [line] = review([aReviewLine({ allowed: 9662, codes: "CO-45 PR-2" })]);
    expect(line).toMatchObject({ flag: "OK", varianceAmount: 0, varianceFraction: 0, recoverableAmount: 0 });
    expect(line!.reason).toBe("Allowed $96.62 equals expected: fee schedule FS_Acme row 12");
  });

  it("flags a line denied with a denial code as Denied, keeping its expected amount but no variance", () => {
    const [line] = review([aReviewLine({ allowed: 0, codes: "CO-50" })]);
    expect(line).toMatchObject({
      flag: "Denied",
      reason: "Denied (Medical necessity): CO-50",
      expectedAmount: 9662,
      varianceAmount: null,
      recoverableAmount: 0,
    });
  });

  it("does not call a zero-allowed line denied when its only adjustments are the patient's deductible", () => {
    const [line] = review([aReviewLine({ allowed: 0, codes: "PR-1" })]);
    expect(line!.flag).toBe("Underpaid");
  });

  it("lets a denial take precedence over a code the contract does not cover", () => {
    const [line] = review([aReviewLine({ line: { hcpcsCode: "27447" }, allowed: 0, codes: "CO-197" })]);
    expect(line).toMatchObject({ flag: "Denied", reason: "Denied (Authorization/Precertification): CO-197" });
  });

  it("flags a code the contract has no rate for as No contract rate, with the pricing message as the reason", () => {
    const [line] = review([aReviewLine({ line: { hcpcsCode: "27447" }, allowed: 50000 })]);
    expect(line).toMatchObject({ flag: "No contract rate", expectedAmount: null, varianceAmount: null });
    expect(line!.reason).toBe(
      'Contract "Acme PPO" has no rate for 27447: it is not on FS_Acme and the contract has no default rule.',
    );
  });

  it("flags a line whose payer has no contract as No contract rate, saying which payer to map", () => {
    const line = {
      ...aReviewLine({ payer: "Zenith" }),
      pricing: fail({ code: "varianceContractNotMapped" as const, payer: "Zenith" }),
    };
    expect(review([line])[0]).toMatchObject({
      flag: "No contract rate",
      reason: 'No contract is mapped to payer "Zenith": choose its contract in the Variance review panel.',
    });
  });
});

describe("tolerances", () => {
  // $0.90 short on $96.62 is 0.93%; $1.50 short is 1.55%.
  it("ignores a shortfall within both the dollars and the percent", () => {
    expect(review([aReviewLine({ allowed: 9572 })])[0]!.flag).toBe("OK");
  });

  it("with the rule 'both', ignores a shortfall beyond the percent but within the dollars", () => {
    const line = review([aReviewLine({ allowed: 9572 })], tolerance(100, "0.005", "both"))[0]!;
    expect(line.flag).toBe("OK");
    expect(line.reason).toBe("Allowed $95.72 is within tolerance of expected $96.62: fee schedule FS_Acme row 12");
  });

  it("with the rule 'either', flags a shortfall beyond the percent alone", () => {
    expect(review([aReviewLine({ allowed: 9572 })], tolerance(100, "0.005", "either"))[0]!.flag).toBe("Underpaid");
  });

  it("with the rule 'either', flags a shortfall beyond the dollars alone", () => {
    expect(review([aReviewLine({ allowed: 9572 })], tolerance(50, "0.05", "either"))[0]!.flag).toBe("Underpaid");
  });

  it("flags an overpayment beyond both tolerances the same way as an underpayment", () => {
    expect(review([aReviewLine({ allowed: 9812 })])[0]!.flag).toBe("Overpaid");
    expect(review([aReviewLine({ allowed: 9752 })])[0]!.flag).toBe("OK");
  });
});

describe("claim-level pricing", () => {
  it("ranks a claim's same-day procedures, so the second is expected at 50% and not flagged underpaid", () => {
    const lines = [
      aReviewLine({ claimKey: "C1", line: { hcpcsCode: "11042" }, allowed: 3000 }),
      aReviewLine({ claimKey: "C1", line: { hcpcsCode: "20610" }, allowed: 10000 }),
    ];
    expect(review(lines).map((l) => [l.flag, l.expectedAmount])).toEqual([
      ["OK", 3000],
      ["OK", 10000],
    ]);
  });

  it("does not rank the same procedures on two different claims", () => {
    const lines = [
      aReviewLine({ claimKey: "C1", line: { hcpcsCode: "11042" }, allowed: 3000 }),
      aReviewLine({ claimKey: "C2", line: { hcpcsCode: "20610" }, allowed: 10000 }),
    ];
    expect(review(lines).map((l) => [l.flag, l.expectedAmount])).toEqual([
      ["Underpaid", 6000],
      ["OK", 10000],
    ]);
  });
});

describe("exact cents", () => {
  it("sums recoverable amounts to the cent over many lines whose dollars are not exact in binary", () => {
    const lines = Array.from({ length: 1000 }, () => aReviewLine({ allowed: 9551 }));
    const total = review(lines).reduce((sum, l) => sum + l.recoverableAmount, 0);
    expect(total).toBe(111_000);
  });

  it("mentions a partial denial's code on a paid line it reduced", () => {
    const [line] = review([aReviewLine({ allowed: 4831, codes: "CO-151" })]);
    expect(line!.flag).toBe("Underpaid");
    expect(line!.reason).toMatch(/; adjusted CO-151$/);
  });
});

describe("deciding a denial from a claims table", () => {
  it("trusts a Denied Flag column over the amounts", () => {
    expect(
      lineDenial({ deniedCell: true, adjustmentCodes: null, chargeAmount: 100 as Cents, allowedAmount: 50 as Cents }),
    ).toMatchObject({
      denied: true,
      category: "other",
    });
    expect(
      lineDenial({ deniedCell: false, adjustmentCodes: "CO-50", chargeAmount: 100 as Cents, allowedAmount: 0 as Cents })
        .denied,
    ).toBe(false);
  });

  it("falls back to the amounts and codes when the flag cell is blank", () => {
    expect(
      lineDenial({ deniedCell: null, adjustmentCodes: "CO-16", chargeAmount: 100 as Cents, allowedAmount: 0 as Cents }),
    ).toEqual({
      denied: true,
      category: "missing_invalid_claim_data",
      reasonCode: "CO-16",
    });
  });

  it("does not count a prior payer's payment (OA-23) as a denial", () => {
    expect(lineDenial({ adjustmentCodes: "OA-23", chargeAmount: 100 as Cents, allowedAmount: 0 as Cents }).denied).toBe(
      false,
    );
  });
});

describe("the denial reason of a line denied for several reasons", () => {
  // CO-16 $20 written first, CO-197 $380: DOMAIN.md 4.3 takes the largest amount, CO-197 (authorization).
  const adjustment = (reason: string, cents: number): RemitAdjustment => ({
    adjustmentGroupCode: "CO",
    adjustmentReasonCode: reason,
    adjustmentAmount: cents as Cents,
    adjustmentQuantity: null,
  });
  const remitted = classifyRemitLine({
    claimStatusCode: "1",
    chargeAmount: 40000 as Cents,
    paidAmount: 0 as Cents,
    allowedAmount: 0 as Cents,
    adjustments: [adjustment("16", 2000), adjustment("197", 38000)],
  });
  const tableReason = `CO-${remitted.denialReason!.adjustmentReasonCode}`;

  it("is the remittance table's own reason (the largest amount), not the first code written", () => {
    const denial = lineDenial({
      reasonCell: tableReason,
      adjustmentCodes: "CO-16 CO-197",
      chargeAmount: 40000 as Cents,
      allowedAmount: 0 as Cents,
    });
    expect(denial).toEqual({ denied: true, category: remitted.denialCategory, reasonCode: "CO-197" });
    expect(denial.category).toBe("authorization");
  });

  it("is the first denial code written when the table states no reason", () => {
    const denial = lineDenial({
      reasonCell: null,
      adjustmentCodes: "CO-16 CO-197",
      chargeAmount: 40000 as Cents,
      allowedAmount: 0 as Cents,
    });
    expect(denial.reasonCode).toBe("CO-16");
  });
});

describe("a reversal line and its correction", () => {
  // An 835 reversal (CLP02 = 22) repeats the paid line with every amount negated; the correction follows it.
  const reversal = aReviewLine({ claimKey: "C9", allowed: -9662, charge: -20000, reversal: true });
  const correction = aReviewLine({ claimKey: "C9", allowed: 9662, charge: 20000 });

  it("flags the reversal Reversed, with nothing expected and nothing recoverable", () => {
    const [line] = review([reversal, correction]);
    expect(line).toMatchObject({ flag: "Reversed", expectedAmount: null, varianceAmount: null, recoverableAmount: 0 });
    expect(line!.reason).toMatch(/^Reversal of an earlier payment: not rated/);
  });

  it("reviews the correction normally, as if the reversal were not on its claim", () => {
    const [, line] = review([reversal, correction]);
    expect(line).toMatchObject({ flag: "OK", expectedAmount: 9662 });
  });

  it("does not flag a reversal Underpaid, with false recoverable dollars, for its negative allowed amount", () => {
    const [line] = review([reversal]);
    expect(line).toMatchObject({ flag: "Reversed", recoverableAmount: 0 });
  });
});

describe("recognising a reversal line in a table", () => {
  it("reads the Reversal Flag column", () => {
    expect(isReversalLine({ reversalCell: true, chargeAmount: 20000 as Cents })).toBe(true);
    expect(isReversalLine({ reversalCell: false, chargeAmount: 20000 as Cents })).toBe(false);
  });

  it("reads an outcome cell saying Reversed", () => {
    expect(isReversalLine({ deniedCell: "Reversed", chargeAmount: 20000 as Cents })).toBe(true);
  });

  it("takes a negative charge for a reversal, as PAYER.DENIAL_RATE does", () => {
    expect(isReversalLine({ chargeAmount: -32000 as Cents })).toBe(true);
    expect(isReversalLine({ chargeAmount: null })).toBe(false);
  });
});
