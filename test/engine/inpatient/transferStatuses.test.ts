// Which discharge statuses Medicare's transfer rule treats as transfers (42 CFR 412.4(b), (c)), and what each means
// for a DRG on or off the post-acute list.
import type { DrgWeightRow } from "../../../src/engine/inpatient/drgTable";
import { transferDecision } from "../../../src/engine/inpatient/transfer";
import { d, drg, status } from "./builders";

const row = (postAcuteTransfer: boolean, specialPay: boolean): DrgWeightRow => ({
  drg: drg("291"),
  weight: d("1.2838"),
  geometricMeanLengthOfStay: d("3.8"),
  arithmeticMeanLengthOfStay: d("5.0"),
  postAcuteTransfer,
  specialPay,
  description: "HEART FAILURE AND SHOCK WI",
  sourceRowNumber: 233,
});
const onList = row(true, false);
const decide = (code: string, drgRow = onList) => transferDecision(status(code), drgRow);

describe("discharge statuses under Medicare's transfer rule", () => {
  it.each(["02", "82", "05", "85", "66", "94"])("treats %s as an acute transfer, whatever the DRG", (code) =>
    expect(decide(code, row(false, false))).toEqual({ kind: "transfer", transferKind: "acute" }),
  );

  it.each(["03", "83", "06", "86", "50", "51", "62", "90", "63", "91", "65", "93"])(
    "treats %s as a post-acute transfer for a DRG on the list",
    (code) => expect(decide(code)).toEqual({ kind: "transfer", transferKind: "post-acute" }),
  );

  it("pays a special-pay DRG's post-acute transfer by the special-pay rule", () =>
    expect(decide("03", row(true, true))).toEqual({ kind: "transfer", transferKind: "post-acute special pay" }));

  it("leaves a post-acute transfer of a DRG off the list unreduced, saying why", () =>
    expect(decide("03", row(false, false))).toEqual({ kind: "not reduced", reason: "not on the post-acute list" }));

  it.each(["01", "07", "20", "64", "70", "61"])("treats %s as a discharge, not a transfer", (code) =>
    expect(decide(code)).toEqual({ kind: "discharge" }),
  );

  it("treats a stay without a discharge status as a discharge", () =>
    expect(transferDecision(null, onList)).toEqual({ kind: "discharge" }));
});
