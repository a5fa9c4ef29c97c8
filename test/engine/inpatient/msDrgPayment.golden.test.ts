// MS-DRG stays priced by hand from CMS's weights (../shared/data/cms-ipps, the IPPS pricer's drgstable files):
// base rate x the weight of the DRG table of the DISCHARGE date, and Medicare's transfer rule by GMLOS.
import { priceInpatientStay } from "../../../src/engine/inpatient/priceStay";
import { formatTraceStep } from "../../../src/engine/traceText";
import { describeWithSharedData } from "../../support/sharedData";
import { aStay, date, dollars, drg, realDrgTables, someTerms, status } from "./builders";

describeWithSharedData("an MS-DRG contract prices a stay at its base rate x the DRG's weight", () => {
  const tables = realDrgTables();
  const amountOf = (...args: Parameters<typeof aStay>) => {
    const priced = priceInpatientStay(aStay(...args), someTerms(), tables);
    return priced.ok ? priced.value.amount : priced.issue;
  };
  const traceOf = (...args: Parameters<typeof aStay>) => {
    const priced = priceInpatientStay(aStay(...args), someTerms(), tables);
    return priced.ok ? priced.value.trace.map(formatTraceStep) : [];
  };

  it("pays DRG 470 FY2026 weight 1.9289 x base rate $10,000.00 = $19,289.00", () =>
    expect(amountOf()).toBe(dollars(19_289)));

  it("weights a stay discharged on 2025-10-01 with FY2026's table, though admitted in FY2025: 1.9289 x $10,000 = $19,289.00", () =>
    expect(amountOf({ admitDate: date("2025-09-28"), dischargeDate: date("2025-10-01") })).toBe(dollars(19_289)));

  it("weights a stay discharged on 2025-09-30 with FY2025's table: DRG 470 1.8855 x $10,000 = $18,855.00", () =>
    expect(amountOf({ admitDate: date("2025-09-27"), dischargeDate: date("2025-09-30") })).toBe(dollars(18_855)));

  it("reads a DRG that lost its leading zero: DRG 039 FY2026 weight 1.1755 x $10,000 = $11,755.00", () =>
    expect(amountOf({ drg: drg("039") })).toBe(dollars(11_755)));

  it("names the weight's table, fiscal year and file row in the trace", () =>
    expect(traceOf()[1]).toBe(
      "MS-DRG 470 in MS-DRG weights FY2026 (FY2026, the fiscal year of discharge date 2025-11-05; its row 384): weight 1.9289, GMLOS 1.9, post-acute transfer DRG",
    ));

  it("refuses a discharge date no table covers, naming the date and the years held", () => {
    const priced = priceInpatientStay(
      aStay({ admitDate: date("2024-09-20"), dischargeDate: date("2024-09-30") }),
      someTerms(),
      tables,
    );
    expect(priced.ok ? "priced" : priced.issue).toEqual({
      code: "drgTableNotInEffect",
      dischargeDate: "2024-09-30",
      fiscalYearsHeld: [2025, 2026],
    });
  });

  it("refuses DRG 999 (ungroupable), which CMS gives no weight", () =>
    expect(amountOf({ drg: drg("999") })).toMatchObject({ code: "drgNotPayable", drg: "999" }));
});

describeWithSharedData("a transfer reduces the MS-DRG payment by Medicare's GMLOS per diem", () => {
  const tables = realDrgTables();
  // DRG 291 (heart failure) FY2026: weight 1.2838, GMLOS 3.8, on the post-acute list, no special pay.
  const heartFailure = { drg: drg("291"), admitDate: date("2025-11-03"), dischargeDate: date("2025-11-04") };
  const amountOf = (stay: Parameters<typeof aStay>[0], terms = someTerms()) => {
    const priced = priceInpatientStay(aStay(stay), terms, tables);
    return priced.ok ? priced.value.amount : priced.issue;
  };

  it("pays an acute transfer (02) after 1 day per diem x 2: $12,838.00 / 3.8 = 3,378.42105... x 2 = $6,756.84", () =>
    expect(amountOf({ ...heartFailure, dischargeStatus: status("02") })).toBe(dollars(6_756.84)));

  it("pays a same-day acute transfer as one day, per diem x 2: $6,756.84", () =>
    expect(amountOf({ ...heartFailure, dischargeDate: heartFailure.admitDate, dischargeStatus: status("02") })).toBe(
      dollars(6_756.84),
    ));

  it("counts the covered days over the dates: 2 covered days of a 5-day stay, 3,378.42105... x 3 = $10,135.26", () =>
    expect(
      amountOf({ ...heartFailure, dischargeDate: date("2025-11-08"), coveredDays: 2, dischargeStatus: status("02") }),
    ).toBe(dollars(10_135.26)));

  it("caps an acute transfer after 3 days at the full payment: 3,378.42105... x 4 = 13,513.68 > $12,838.00", () =>
    expect(amountOf({ ...heartFailure, dischargeDate: date("2025-11-06"), dischargeStatus: status("02") })).toBe(
      dollars(12_838),
    ));

  it("pays a post-acute transfer to a SNF (03) of a DRG on the list by the same per diem: $6,756.84", () =>
    expect(amountOf({ ...heartFailure, dischargeStatus: status("03") })).toBe(dollars(6_756.84)));

  it("pays a special-pay DRG's post-acute transfer half the full payment + half the per diem formula: DRG 029 3.4116 x $10,000 = 34,116.00; 17,058.00 + 0.5 x (34,116 / 4.7 x 2) = $24,316.72", () =>
    expect(amountOf({ ...heartFailure, drg: drg("029"), dischargeStatus: status("03") })).toBe(dollars(24_316.72)));

  it("leaves the full payment of a post-acute transfer of a DRG not on the list: DRG 039 = $11,755.00", () =>
    expect(amountOf({ ...heartFailure, drg: drg("039"), dischargeStatus: status("03") })).toBe(dollars(11_755)));

  it("leaves a discharge home (01) at the full payment: 1.2838 x $10,000 = $12,838.00", () =>
    expect(amountOf({ ...heartFailure, dischargeStatus: status("01") })).toBe(dollars(12_838)));

  it("leaves the full payment when the contract has no transfer reduction", () =>
    expect(amountOf({ ...heartFailure, dischargeStatus: status("02") }, someTerms({ transferReduction: null }))).toBe(
      dollars(12_838),
    ));

  it("shows the transfer arithmetic in the trace", () => {
    const priced = priceInpatientStay(aStay({ ...heartFailure, dischargeStatus: status("02") }), someTerms(), tables);
    const lines = priced.ok ? priced.value.trace.map(formatTraceStep) : [];
    expect(lines[3]).toBe(
      "Transfer (discharge status 02, acute care transfer): per diem 12838 / GMLOS 3.8 = 3378.421052...; per diem x 2 days (length of stay + 1) = 6756.842105...; paid: 6756.842105...",
    );
  });
});

describeWithSharedData("a contract that reduces transfers as CMS's pricer rounds them", () => {
  const tables = realDrgTables();
  const heartFailure = { drg: drg("291"), admitDate: date("2025-11-03"), dischargeDate: date("2025-11-04") };
  const pricer = someTerms({ transferReduction: "cms pricer" });
  const priced = (stay: Parameters<typeof aStay>[0]) => {
    const result = priceInpatientStay(aStay(stay), pricer, tables);
    if (!result.ok) throw new Error(result.issue.code);
    return result.value;
  };

  it("pays DRG 291 after 1 day by the rounded weight: 2 / 3.8 = 0.5263; 0.5263 x 1.2838 = 0.6757; $10,000 x 0.6757 = $6,757.00 (exactly $6,756.84)", () =>
    expect(priced({ ...heartFailure, dischargeStatus: status("02") }).amount).toBe(dollars(6_757)));

  it("pays a special-pay DRG 029 after 1 day: 0.5 + 0.21276 (0.5 x 2 / 4.7, cut to 5 places) = 0.71276; x 3.4116 = 2.4317; $24,317.00 (exactly $24,316.72)", () =>
    expect(priced({ ...heartFailure, drg: drg("029"), dischargeStatus: status("03") }).amount).toBe(dollars(24_317)));

  it("pays the full payment when the discharge fraction passes 1: 4 / 3.8 = 1.0526, so $12,838.00", () =>
    expect(priced({ ...heartFailure, dischargeDate: date("2025-11-06"), dischargeStatus: status("02") }).amount).toBe(
      dollars(12_838),
    ));

  it("shows the pricer's rounded weight in the trace", () =>
    expect(priced({ ...heartFailure, dischargeStatus: status("02") }).trace.map(formatTraceStep)[3]).toBe(
      "Transfer (discharge status 02, acute care transfer), as CMS's pricer rounds it: weight 1.2838 x the discharge fraction for 2 days of GMLOS 3.8, rounded to 4 places = 0.6757; 12838 / 1.2838 x 0.6757 = 6757; paid: 6757",
    ));
});
