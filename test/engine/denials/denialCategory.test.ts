import type { AdjustmentGroupCode } from "../../../src/engine/denials/adjustmentCodes";
import {
  classifyRemitLine,
  DENIAL_CATEGORIES,
  DENIAL_CATEGORY_BY_REASON,
  DENIAL_CATEGORY_LABELS,
  denialCategoryOf,
  denialReasonOf,
  remitAllowedAmount,
  type RemitAdjustment,
  type RemitLineAmounts,
} from "../../../src/engine/denials/denialCategory";
import type { Cents } from "../../../src/engine/money";

const adj = (group: AdjustmentGroupCode, reason: string, amount: number): RemitAdjustment => ({
  adjustmentGroupCode: group,
  adjustmentReasonCode: reason,
  adjustmentAmount: amount as Cents,
  adjustmentQuantity: null,
});

/** A remitted line with defaults: $100 charged, nothing paid, allowed derived from paid + PR. */
function aRemitLine(overrides: Partial<RemitLineAmounts> = {}): RemitLineAmounts {
  const base = {
    claimStatusCode: "1",
    chargeAmount: 10000 as Cents,
    paidAmount: 0 as Cents,
    adjustments: [] as RemitAdjustment[],
    ...overrides,
  };
  return {
    ...base,
    allowedAmount: overrides.allowedAmount ?? remitAllowedAmount(null, base.paidAmount, base.adjustments),
  };
}

describe("root-cause category of a denial reason (DOMAIN.md 4.4-4.5)", () => {
  it.each([
    ["197", "authorization"],
    ["15", "authorization"],
    ["16", "missing_invalid_claim_data"],
    ["27", "registration_eligibility"],
    ["29", "timely_filing"],
    ["18", "duplicate"],
    ["50", "medical_necessity"],
    ["96", "service_not_covered"],
    ["97", "coding"],
    ["252", "documentation_requested"],
    ["B7", "credentialing"],
    ["24", "contractual"],
  ])("CARC %s is %s", (reason, category) => {
    expect(denialCategoryOf(reason)).toBe(category);
  });

  it("puts a code it does not know under other", () => {
    expect(denialCategoryOf("A7")).toBe("other");
  });

  it("maps every code to a declared category, and labels every category", () => {
    for (const category of Object.values(DENIAL_CATEGORY_BY_REASON)) expect(DENIAL_CATEGORIES).toContain(category);
    expect(Object.keys(DENIAL_CATEGORY_LABELS).sort()).toEqual([...DENIAL_CATEGORIES].sort());
  });
});

describe("allowed amount of a remitted line", () => {
  it("is AMT*B6 when the payer sent it", () => {
    expect(remitAllowedAmount(9000 as Cents, 7000 as Cents, [adj("PR", "2", 1000)])).toBe(9000);
  });

  it("is paid plus patient responsibility otherwise", () => {
    expect(remitAllowedAmount(null, 7000 as Cents, [adj("PR", "2", 1000), adj("CO", "45", 2000)])).toBe(8000);
  });
});

describe("denial reason", () => {
  it("is the largest CO/PI/OA adjustment that is a denial", () => {
    expect(denialReasonOf([adj("CO", "45", 9000), adj("CO", "16", 500), adj("OA", "18", 700)])).toEqual(
      adj("OA", "18", 700),
    );
  });

  it("is a PR reason other than 1/2/3 when no payer-group denial exists", () => {
    expect(denialReasonOf([adj("PR", "1", 5000), adj("PR", "204", 3000)])).toEqual(adj("PR", "204", 3000));
  });

  it("is none when only contractual, sequestration and patient shares appear", () => {
    expect(denialReasonOf([adj("CO", "45", 1), adj("CO", "253", 1), adj("PR", "2", 1)])).toBeNull();
  });
});

describe("classifying a remitted line (DOMAIN.md 4.3)", () => {
  it("denies a zero-paid, zero-allowed line with a denial reason (Rivet rule)", () => {
    const verdict = classifyRemitLine(aRemitLine({ adjustments: [adj("CO", "50", 10000)] }));
    expect(verdict).toMatchObject({
      deniedFlag: true,
      denialCategory: "medical_necessity",
      denialReason: adj("CO", "50", 10000),
    });
  });

  it("denies a line whose allowed amount is 0 even though the payer reports it (AMT*B6 = 0)", () => {
    const verdict = classifyRemitLine(
      aRemitLine({ allowedAmount: 0 as Cents, adjustments: [adj("PR", "204", 10000)] }),
    );
    expect([verdict.deniedFlag, verdict.denialCategory]).toEqual([true, "service_not_covered"]);
  });

  it("does not deny a line the patient owes in full (deductible)", () => {
    expect(classifyRemitLine(aRemitLine({ adjustments: [adj("PR", "1", 10000)] })).deniedFlag).toBe(false);
  });

  it("does not deny a line a prior payer paid (OA-23), even with nothing paid and no patient share", () => {
    expect(
      classifyRemitLine(aRemitLine({ allowedAmount: 10000 as Cents, adjustments: [adj("OA", "23", 10000)] }))
        .deniedFlag,
    ).toBe(false);
  });

  it("does not deny a line written off only as CO-45 and CO-253", () => {
    const line = aRemitLine({ adjustments: [adj("CO", "45", 9800), adj("CO", "253", 200)] });
    expect(classifyRemitLine(line)).toMatchObject({
      deniedFlag: false,
      partialDenialFlag: false,
      denialCategory: null,
    });
  });

  it("does not deny a line of a penny or less", () => {
    expect(
      classifyRemitLine(aRemitLine({ chargeAmount: 1 as Cents, adjustments: [adj("CO", "50", 1)] })).deniedFlag,
    ).toBe(false);
  });

  it("flags a partial denial when a paid line was also reduced by a CO/PI denial reason", () => {
    const line = aRemitLine({
      paidAmount: 6000 as Cents,
      adjustments: [adj("CO", "45", 1000), adj("CO", "151", 3000)],
    });
    expect(classifyRemitLine(line)).toMatchObject({
      deniedFlag: false,
      partialDenialFlag: true,
      denialCategory: "coding",
    });
  });

  it("does not call a paid line with an MPPR reduction (CO-59) a partial denial", () => {
    const line = aRemitLine({ paidAmount: 5000 as Cents, adjustments: [adj("CO", "59", 5000)] });
    expect(classifyRemitLine(line).partialDenialFlag).toBe(false);
  });

  it("leaves reversals (CLP02 = 22) out, whatever their adjustments", () => {
    const verdict = classifyRemitLine(aRemitLine({ claimStatusCode: "22", adjustments: [adj("CO", "50", 10000)] }));
    expect(verdict).toMatchObject({ reversalFlag: true, deniedFlag: false, denialCategory: null });
  });

  it("denies a line of a claim denied for an unrecognised patient (CLP02 = 4) as registration/eligibility", () => {
    const verdict = classifyRemitLine(aRemitLine({ claimStatusCode: "4", allowedAmount: 10000 as Cents }));
    expect([verdict.deniedFlag, verdict.denialCategory]).toEqual([true, "registration_eligibility"]);
  });

  it("denies a zero-paid line without any adjustment, under other", () => {
    expect(classifyRemitLine(aRemitLine())).toMatchObject({
      deniedFlag: true,
      denialReason: null,
      denialCategory: "other",
    });
  });
});
