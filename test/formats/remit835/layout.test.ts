// The declared 835 layout against the implementation guide (005010X221A1): each name sits at its X12 position.
import {
  BPR,
  CAS_TRIPLETS,
  CLP,
  PLB_PAIRS,
  SVC,
  SVC_ORIGINAL_PROCEDURE,
  SVC_PROCEDURE,
} from "../../../src/formats/remit835/layout";

describe("the declared 835 segment layout", () => {
  it("reads the claim's charge, payment and patient responsibility from CLP03, CLP04 and CLP05", () => {
    expect([CLP.chargeAmount, CLP.paidAmount, CLP.patientResponsibilityAmount].map((e) => e.reference)).toEqual([
      "CLP03",
      "CLP04",
      "CLP05",
    ]);
  });

  it("reads a line's charge, payment, units paid and units billed from SVC02, SVC03, SVC05 and SVC07", () => {
    const elements = [SVC.chargeAmount, SVC.paidAmount, SVC.paidServiceUnitQuantity, SVC.originalServiceUnitQuantity];
    expect(elements.map((e) => e.reference)).toEqual(["SVC02", "SVC03", "SVC05", "SVC07"]);
  });

  it("reads qualifier, code and modifiers 1-4 from components 1-6 of SVC01", () => {
    const { procedureCodeQualifier, procedureCode, modifiers } = SVC_PROCEDURE;
    expect([procedureCodeQualifier, procedureCode, ...modifiers].map((c) => c.reference)).toEqual([
      "SVC01-1",
      "SVC01-2",
      "SVC01-3",
      "SVC01-4",
      "SVC01-5",
      "SVC01-6",
    ]);
  });

  it("reads the code the provider submitted from SVC06-2", () => {
    expect(SVC_ORIGINAL_PROCEDURE.procedureCode.reference).toBe("SVC06-2");
  });

  it("reads six reason/amount/quantity triplets from CAS02 to CAS19", () => {
    expect(CAS_TRIPLETS.flatMap((t) => [t.reason, t.amount, t.quantity]).map((e) => e.position)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 2),
    );
  });

  it("reads six identifier/amount pairs from PLB03 to PLB14, the reason in the identifier's first component", () => {
    expect(PLB_PAIRS.map((p) => [p.adjustmentReasonCode.reference, p.amount.reference])).toEqual([
      ["PLB03-1", "PLB04"],
      ["PLB05-1", "PLB06"],
      ["PLB07-1", "PLB08"],
      ["PLB09-1", "PLB10"],
      ["PLB11-1", "PLB12"],
      ["PLB13-1", "PLB14"],
    ]);
  });

  it("reads the total payment from BPR02 and the payment date from BPR16", () => {
    expect([BPR.totalActualProviderPaymentAmount.reference, BPR.paymentDate.reference]).toEqual(["BPR02", "BPR16"]);
  });
});
