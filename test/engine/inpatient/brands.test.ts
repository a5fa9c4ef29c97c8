// Type-level specification: the inpatient brands are not interchangeable with each other or with the codes they look
// like (a revenue code, a HCPCS code). The expect-error directives are checked by `npx tsc --noEmit -p .`.
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { MsDrg } from "../../../src/engine/inpatient/msDrg";
import type { DischargeStatus } from "../../../src/engine/inpatient/stay";
import type { RevenueCode } from "../../../src/engine/revenueCode";

const takesDrg = (value: MsDrg): string => value;
const takesStatus = (value: DischargeStatus): string => value;

describe("the inpatient brands", () => {
  it("refuse plain text and other codes at compile time, yet stay plain strings at run time", () => {
    const revenueCode = "0470" as RevenueCode;
    const hcpcsCode = "00470" as HcpcsCode;
    const drg = "470" as MsDrg;
    // @ts-expect-error: plain text is not a DRG until parseMsDrg read it
    takesDrg("470");
    // @ts-expect-error: a revenue code is not a DRG
    takesDrg(revenueCode);
    // @ts-expect-error: a HCPCS code is not a DRG
    takesDrg(hcpcsCode);
    // @ts-expect-error: a DRG is not a discharge status
    takesStatus(drg);
    expect([takesDrg(drg), typeof drg]).toEqual(["470", "string"]);
  });
});
