// The MULT PROC family table and the line-level family rules (DOMAIN.md 2.6), on small rows with national GPCIs.
import { Decimal } from "../../../src/engine/decimal";
import { priceMedicarePfs } from "../../../src/engine/medicarePfs";
import type { ProcedureRole } from "../../../src/engine/pfsRules/procedureFamilies";
import { familyRuleOf, MULTIPLE_PROCEDURE_FAMILIES } from "../../../src/engine/pfsRules/procedureFamilies";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { IsoDate } from "../../../src/engine/isoDate";
import { aLocality, aPfsRow, aSchedule } from "../builders";

const d = (text: string) => new Decimal(text);
// A therapy row: work 0.45, PE 0.43, MP 0.01 (97110's CY2025 RVUs), national GPCIs, CF 32.3465.
const therapy = aPfsRow({
  hcpcsCode: "97110",
  workRvu: d("0.45"),
  nonFacilityPeRvu: d("0.43"),
  malpracticeRvu: d("0.01"),
  pctcIndicator: "7",
  multipleProcedureIndicator: "5",
});
const data = { schedule: aSchedule(therapy), locality: aLocality({ workGpci: d("1"), peGpci: d("1"), malpracticeGpci: d("1") }) }; // prettier-ignore
const price = (role?: ProcedureRole) => {
  const result = priceMedicarePfs(data, {
    hcpcsCode: "97110" as HcpcsCode,
    setting: "non-facility",
    serviceDate: "2025-03-04" as IsoDate,
    ...(role !== undefined ? { procedureRole: role } : {}),
  });
  return result.ok ? result.value.allowedAmount : result.issue.code;
};

describe("the multiple procedure family table", () => {
  it("declares the reductions CMS publishes: imaging TC 50% and PC 5%, cardiovascular TC 25%, ophthalmology TC 20%", () => {
    const reductions = (["4", "6", "7"] as const).map((i) => {
      const rule = MULTIPLE_PROCEDURE_FAMILIES[i];
      return [rule.technicalReduction.toString(), rule.professionalReduction.toString()];
    });
    expect(reductions).toEqual([["0.5", "0.05"], ["0.25", "0"], ["0.2", "0"]]); // prettier-ignore
  });

  it("reduces therapy's practice expense by 50%", () =>
    expect(MULTIPLE_PROCEDURE_FAMILIES["5"].practiceExpenseReduction.toString()).toBe("0.5"));

  it("reports an indicator the RVU file layout does not define", () => {
    const result = familyRuleOf(aPfsRow({ multipleProcedureIndicator: "8" }));
    expect(result.ok ? result.value : result.issue.code).toBe("pfsRuleNotSupported");
  });
});

describe("a therapy line's same-day role", () => {
  // (0.45 + 0.43 + 0.01) x 32.3465 = 28.788385 -> 28.79
  it("pays the first service in full (28.79)", () => expect(price("first")).toBe(2879));

  // 28.788385 - 50% x 0.43 x 32.3465 = 28.788385 - 6.9544975 = 21.8338875 -> 21.83
  it("pays a subsequent service with half its practice expense (21.83)", () => expect(price("subsequent")).toBe(2183));

  it("refuses an endoscopy role on a therapy code rather than paying it in full", () =>
    expect(price("endoscopyMember")).toBe("pfsRuleNotSupported"));
});
