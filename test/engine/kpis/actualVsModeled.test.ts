/**
 * Actual vs modeled revenue (issue 15 item 3), on small tables computed by hand in each test: from the signed
 * proposal's effective date (by submission), each month's actual allowed beside its expected amounts with the signed
 * uplift of each code, summed exactly and rounded to the cent once.
 */
import {
  computeActualVsModeled,
  Decimal,
  signedUpliftOf,
  type HcpcsCode,
  type ModeledLine,
  type SignedProposal,
} from "../../../src/engine";

/** An ISO date as an Excel day number. */
const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** An OK line of "Acme", code 99213, submitted 2025-07-10 and paid 2025-08-01, $100 expected and allowed. */
function aLine(overrides: Partial<ModeledLine> & { submitted?: string; paid?: string } = {}): ModeledLine {
  const { submitted = "2025-07-10", paid = "2025-08-01", ...rest } = overrides;
  return {
    key: "Acme",
    hcpcsCode: "99213" as HcpcsCode,
    flag: "OK",
    submittedDay: day(submitted),
    paidDay: day(paid),
    expectedCents: 10_000,
    varianceCents: 0,
    ...rest,
  };
}

/** Acme's proposal signed with effect from 2025-07-01: 5% on 99213, 2% on every other code. */
const SIGNED: SignedProposal = {
  key: "Acme",
  proposalName: "Signed",
  effectiveDay: day("2025-07-01"),
  codeFractions: new Map([["99213" as HcpcsCode, new Decimal("0.05")]]),
  otherFraction: new Decimal("0.02"),
};

describe("actual vs modeled revenue", () => {
  test("models each code's expected amount with its own uplift, and other codes with the default", () => {
    const rows = computeActualVsModeled(
      [aLine(), aLine({ hcpcsCode: "99214" as HcpcsCode, expectedCents: 20_000, varianceCents: -1_000 })],
      [SIGNED],
    );
    // Modeled: 100.00 x 1.05 + 200.00 x 1.02 = 309.00; actual: 100.00 + 190.00 = 290.00.
    expect(rows).toEqual([
      {
        key: "Acme",
        month: "2025-08",
        modeledCents: 30_900,
        basisCents: 30_000,
        basisByCode: new Map([["99213", 10_000]]),
        unmodeledLines: 0,
        allowedCents: 29_000,
        gapCents: -1_900,
        gapShare: -1_900 / 30_900,
      },
    ]);
  });

  test("applies the uplift to the price before signing once the signed rates hold it, not to the expected amount", () => {
    // Expected $105.00 already at the signed rates; the rates before priced the line at $100.00: modeled $105.00.
    const rows = computeActualVsModeled([aLine({ expectedCents: 10_500, basisCents: 10_000 })], [SIGNED]);
    expect(rows.map((r) => [r.modeledCents, r.allowedCents])).toEqual([[10_500, 10_500]]);
  });

  test("keeps the allowed of a line the rates before signing do not price, and counts it as not modeled", () => {
    const rows = computeActualVsModeled([aLine(), aLine({ basisCents: null })], [SIGNED]);
    expect(rows.map((r) => [r.modeledCents, r.allowedCents, r.unmodeledLines])).toEqual([[10_500, 20_000, 1]]);
  });

  test("leaves out lines submitted before the effective date, denied lines and reversals", () => {
    const rows = computeActualVsModeled(
      [
        aLine(),
        aLine({ submitted: "2025-06-30" }),
        aLine({ flag: "Denied", varianceCents: null }),
        aLine({ flag: "Reversed", expectedCents: -10_000 }),
      ],
      [SIGNED],
    );
    expect(rows.map((r) => [r.modeledCents, r.allowedCents])).toEqual([[10_500, 10_000]]);
  });

  test("rounds the month's modeled sum half up to the cent once, not each line", () => {
    // 3 lines of $0.10 at 5%: 0.105 each, 0.315 in all -> $0.32 (line by line it would be 3 x $0.11 = $0.33).
    const lines = [1, 2, 3].map(() => aLine({ expectedCents: 10, varianceCents: 0 }));
    expect(computeActualVsModeled(lines, [SIGNED])[0]!.modeledCents).toBe(32);
  });

  test("gives a row per month of remittance, in month order, and none to a contract without a signed proposal", () => {
    const rows = computeActualVsModeled(
      [aLine({ paid: "2025-09-02" }), aLine({ key: "Summit" }), aLine({ paid: "2025-08-20" })],
      [SIGNED],
    );
    expect(rows.map((r) => [r.key, r.month])).toEqual([
      ["Acme", "2025-08"],
      ["Acme", "2025-09"],
    ]);
  });
});

describe("the signed proposal's uplift by code", () => {
  const lines = { codes: ["99213", "99214", "99215"], amounts: [100, 300, 200] };

  test("a top-N uplift goes to the N codes of most current revenue and to no other code", () => {
    const signed = signedUpliftOf({ uplift: { kind: "flat", fraction: "0.05" }, topN: 2 }, lines);
    expect(signed.ok && [...signed.value.codeFractions].map(([c, f]) => [c, f.toString()])).toEqual([
      ["99214", "0.05"],
      ["99215", "0.05"],
    ]);
    expect(signed.ok && signed.value.otherFraction.toString()).toBe("0");
  });

  test("an uplift across the board is every code's", () => {
    const signed = signedUpliftOf({ uplift: { kind: "flat", fraction: "0.03" }, topN: null }, lines);
    expect(signed.ok && [signed.value.codeFractions.size, signed.value.otherFraction.toString()]).toEqual([0, "0.03"]);
  });

  test("per-code rates give their codes, and the * row to the others", () => {
    const rows = [
      ["99213", "0.06"],
      ["*", "0.01"],
    ];
    const signed = signedUpliftOf({ uplift: { kind: "byCode", rows }, topN: null }, lines);
    expect(signed.ok && signed.value.codeFractions.get("99213" as HcpcsCode)?.toString()).toBe("0.06");
    expect(signed.ok && signed.value.otherFraction.toString()).toBe("0.01");
  });
});
