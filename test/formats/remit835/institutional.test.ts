// Institutional remittances (issue 14 item 4): the claim's facility code (CLP08), MS-DRG (CLP11) and DRG weight
// (CLP12), and the inpatient (MIA) and outpatient (MOA) adjudication segments. A value that cannot be read is a
// warning with its segment position and is read as blank, never turned into a DRG, a weight or a count.
import { readFileSync } from "fs";
import path from "path";
import {
  parse835,
  remit835IssueMessage,
  remit835UserMessage,
  type Remit835File,
  type RemitClaim,
} from "../../../src/formats/remit835";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { remit835 } from "./snippets";

const FIXTURE = path.resolve(__dirname, "../../fixtures/x12-835/institutional_drg_mia_moa.835");

function parsed(text: string): Remit835File {
  const result = parse835(text);
  if (!result.ok) throw new Error(`refused: ${remit835IssueMessage(result.issue)}`);
  return result.value;
}

const hospitalFile = () => parsed(readFileSync(FIXTURE, "utf8"));
const claimOf = (file: Remit835File, claimId: string): RemitClaim =>
  file.transactions.flatMap((t) => t.claims).find((c) => c.claimId === claimId)!;

/** One claim of a hand-written file: its CLP and the segments after it; the file's one claim and its warnings. */
function oneClaim(segments: string[]) {
  const file = parsed(remit835(segments));
  return { claim: file.transactions[0]!.claims[0]!, lines: file.lines, warnings: file.warnings };
}

describe("the hand-written hospital remittance (test/fixtures/x12-835/institutional_drg_mia_moa.835)", () => {
  it("is read whole: 4 claims, 10 lines, every claim and the payment in balance, no warnings", () => {
    const file = hospitalFile();
    expect([file.transactions[0]!.claims.length, file.lines.length, file.warnings]).toEqual([4, 10, []]);
  });

  it("reads the inpatient stay's MS-DRG 470, weight 1.9289 and facility code 11 (hospital inpatient)", () => {
    const claim = claimOf(hospitalFile(), "IP-2025-0001");
    expect([claim.facilityTypeCode, claim.msDrg, claim.drgWeight]).toEqual(["11", "470", 1.9289]);
  });

  it("puts the claim's DRG, weight, facility code and covered days on each of its lines", () => {
    const lines = hospitalFile().lines.filter((l) => l.claimId === "IP-2025-0002");
    expect(
      lines.map((l) => [l.procedureCode, l.facilityTypeCode, l.msDrg, l.drgWeight, l.coveredDaysOrVisitsCount]),
    ).toEqual([
      ["0200", "11", "291", 1.2838, 1],
      ["0250", "11", "291", 1.2838, 1],
      ["0300", "11", "291", 1.2838, 1],
    ]);
  });

  it("reads the MIA: 2 covered days, 0 lifetime psychiatric days, DRG amount $19,289.00, remark MA01", () => {
    expect(claimOf(hospitalFile(), "IP-2025-0001").inpatientAdjudication).toEqual({
      coveredDaysOrVisitsCount: 2,
      ppsOperatingOutlierAmount: null,
      lifetimePsychiatricDaysCount: 0,
      claimDrgAmount: 1928900,
      claimDisproportionateShareAmount: null,
      claimPpsCapitalAmount: null,
      claimIndirectTeachingAmount: null,
      remarkCodes: ["MA01"],
    });
  });

  it("reads the MOA: reimbursement rate 0.8, HCPCS payable $412.50, remarks MA01 and N20", () => {
    expect(claimOf(hospitalFile(), "OP-2025-0004").outpatientAdjudication).toEqual({
      reimbursementRate: 0.8,
      claimHcpcsPayableAmount: 41250,
      claimEsrdPaymentAmount: null,
      nonpayableProfessionalComponentAmount: null,
      remarkCodes: ["MA01", "N20"],
    });
  });

  it("gives an outpatient claim facility code 13, no DRG and no MIA", () => {
    const claim = claimOf(hospitalFile(), "OP-2025-0003");
    expect([claim.facilityTypeCode, claim.msDrg, claim.drgWeight, claim.inpatientAdjudication]).toEqual(["13", null, null, null]); // prettier-ignore
  });

  it("keeps a revenue-code-only line's code (SVC01 NU:0450) and an HCPCS line's revenue code (SVC04 0450)", () => {
    const lines = hospitalFile().lines.filter((l) => l.claimId === "OP-2025-0004");
    expect(lines.map((l) => [l.procedureCodeQualifier, l.procedureCode, l.hcpcsCode, l.revenueCenterCode])).toEqual([
      ["HC", "99284", "99284", "0450"],
      ["NU", "0450", null, null],
    ]);
  });
});

describe("a professional claim", () => {
  it("has no DRG, no weight and no adjudication segments, and its CLP08 place of service 11 as facility code", () => {
    const { claim } = oneClaim(["CLP*C1*1*100*80*20*12*PCN1*11*1", "SVC*HC:99213*100*80**1", "CAS*PR*2*20"]);
    expect([claim.facilityTypeCode, claim.msDrg, claim.drgWeight, claim.inpatientAdjudication, claim.outpatientAdjudication]).toEqual(["11", null, null, null, null]); // prettier-ignore
  });
});

/** The element, value and consequence of each warning, and where it is. */
const described = (warnings: Remit835File["warnings"]) =>
  warnings.map((w) => ({
    element: "element" in w ? w.element : null,
    value: "value" in w ? w.value : null,
    consequence: "consequence" in w ? w.consequence.kind : null,
    segment: `${w.position.segmentId} #${w.position.segmentIndex}`,
  }));

const STAY = (drg: string, weight: string, facility = "11") =>
  `CLP*IP1*1*62000*19289**16*PCN1*${facility}*1**${drg}*${weight}`;
const STAY_CAS = "CAS*CO*45*42711";

describe("a DRG, weight or facility code that cannot be read", () => {
  it("reads a cut DRG '47' as blank, never as DRG 047, and says so at CLP11 with its segment", () => {
    const { claim, warnings } = oneClaim([STAY("47", "1.9289"), STAY_CAS]);
    expect(claim.msDrg).toBeNull();
    expect(described(warnings)).toEqual([{ element: "CLP11", value: "47", consequence: "readAsBlank", segment: "CLP #10" }]); // prettier-ignore
  });

  it.each([["000"], ["47O"], ["4700"], ["MS-DRG 470"]])(
    "refuses DRG %p, which is not three digits from 001 to 999",
    (drg) => {
      const { claim, warnings } = oneClaim([STAY(drg, "1.9289"), STAY_CAS]);
      expect([claim.msDrg, warnings.map((w) => "element" in w && w.element)]).toEqual([null, ["CLP11"]]);
    },
  );

  it.each([["0"], ["-1.2"], ["150"], ["1.9.2"], ["1,9289"]])("refuses DRG weight %p and keeps the DRG", (weight) => {
    const { claim, warnings } = oneClaim([STAY("470", weight), STAY_CAS]);
    expect([claim.msDrg, claim.drgWeight, warnings.map((w) => "element" in w && w.element)]).toEqual(["470", null, ["CLP12"]]); // prettier-ignore
  });

  it("refuses a facility code of one digit", () => {
    const { claim, warnings } = oneClaim([STAY("470", "1.9289", "1"), STAY_CAS]);
    expect([claim.facilityTypeCode, warnings.map((w) => "element" in w && w.element)]).toEqual([null, ["CLP08"]]);
  });

  it("still imports the stay with its amounts: the paid amount is what the payer paid, whatever the DRG cell", () => {
    const { lines } = oneClaim([STAY("47", "1.9289"), STAY_CAS]);
    expect(lines.map((l) => [l.claimId, l.paidAmount, l.msDrg])).toEqual([["IP1", 1928900, null]]);
  });

  it("tells a finance user in plain words which value it is, then the EDI detail", () => {
    const text = remit835([STAY("47", "1.9289"), STAY_CAS]);
    const [warning] = parsed(text).warnings;
    const character = text.indexOf("CLP*IP1") + 1;
    expect(remit835UserMessage(warning!)).toBe(
      `The claim's diagnosis related group code cannot be read; read as blank. EDI detail: Segment 10 (CLP, line 1, character ${character}): CLP11 "47" is not valid (expected a 3-digit MS-DRG like 470 or 039); read as blank.`,
    );
  });

  it("shows the warning on the stay's row", () => {
    const { lines } = oneClaim([STAY("47", "1.9289"), STAY_CAS]);
    expect(lines[0]!.warnings.map((w) => w.code)).toEqual(["elementInvalid"]);
  });
});

describe("MIA and MOA values that cannot be read", () => {
  it("reads covered days of 2.5 as blank and keeps the rest of the MIA", () => {
    const { claim, warnings } = oneClaim([STAY("470", "1.9289"), STAY_CAS, "MIA*2.5**0*19289*MA01"]);
    expect([claim.inpatientAdjudication?.coveredDaysOrVisitsCount, claim.inpatientAdjudication?.claimDrgAmount]).toEqual([null, 1928900]); // prettier-ignore
    expect(described(warnings)).toEqual([{ element: "MIA01", value: "2.5", consequence: "readAsBlank", segment: "MIA #12" }]); // prettier-ignore
  });

  it("leaves out a remark code that is not one ('remark_code1') and keeps the codes that are", () => {
    const { claim, warnings } = oneClaim([STAY("470", "1.9289"), STAY_CAS, "MIA*2**0*19289*remark_code1" + "*".repeat(15) + "N341"]); // prettier-ignore
    expect(claim.inpatientAdjudication?.remarkCodes).toEqual(["N341"]);
    expect(warnings.map((w) => "element" in w && w.element)).toEqual(["MIA05"]);
  });

  it("refuses a reimbursement rate of 80, which X12 sends as the fraction 0.8", () => {
    const { claim, warnings } = oneClaim(["CLP*OP1*1*100*80**16*PCN1*13*1", "MOA*80*80*MA01", "SVC*HC:99284*100*80*0450*1", "CAS*CO*45*20"]); // prettier-ignore
    expect([claim.outpatientAdjudication?.reimbursementRate, claim.outpatientAdjudication?.remarkCodes]).toEqual([null, ["MA01"]]); // prettier-ignore
    expect(warnings.map((w) => "element" in w && w.element)).toEqual(["MOA01"]);
  });

  it("reads an MOA amount that is not an amount as blank, with its warning", () => {
    const { claim, warnings } = oneClaim(["CLP*OP1*1*100*80**16*PCN1*13*1", "MOA**8O", "SVC*HC:99284*100*80*0450*1", "CAS*CO*45*20"]); // prettier-ignore
    expect(claim.outpatientAdjudication?.claimHcpcsPayableAmount).toBeNull();
    expect(described(warnings)).toEqual([{ element: "MOA02", value: "8O", consequence: "readAsBlank", segment: "MOA #11" }]); // prettier-ignore
  });

  it("negates covered days on a reversal (CLP02 = 22) and refuses negative days elsewhere", () => {
    const reversal = oneClaim(["CLP*IP1*22*-62000*-19289**16*PCN1*11*1**470*1.9289", "CAS*CO*45*-42711", "MIA*-2**0*-19289"]); // prettier-ignore
    const payment = oneClaim([STAY("470", "1.9289"), STAY_CAS, "MIA*-2**0*19289"]);
    expect([reversal.claim.inpatientAdjudication?.coveredDaysOrVisitsCount, reversal.warnings]).toEqual([-2, []]);
    expect(payment.warnings.map((w) => "element" in w && w.element)).toEqual(["MIA01"]);
  });

  it("skips an MIA sent after a service line, which X12 places before the lines", () => {
    const { claim, warnings } = oneClaim(["CLP*OP1*1*100*80**16*PCN1*13*1", "SVC*HC:99284*100*80*0450*1", "CAS*CO*45*20", "MIA*2"]); // prettier-ignore
    expect(claim.inpatientAdjudication).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(["segmentOutOfPlace"]);
  });
});

describeWithSharedData("the shared 835 samples, none of them institutional", () => {
  const claimsOf = (file: string) => parsed(readSharedData(file)).transactions.flatMap((t) => t.claims);

  it("reads CLP08 of the UnitedHealthcare sample as its place of service 12 (home), with no DRG", () =>
    expect(claimsOf("x12-835/keironstoddart/united_healthcare_legacy_sample.txt").map((c) => [c.facilityTypeCode, c.msDrg])).toEqual([["12", null], ["12", null]])); // prettier-ignore

  it("reads CLP08 of TigerShark's 4010 sample (81, independent laboratory)", () =>
    expect(claimsOf("x12-835/tigershark/835-example.txt").map((c) => c.facilityTypeCode)).toEqual(["81", "81"]));

  it("finds no MS-DRG in any of them", () => {
    const files = ["keironstoddart/blue_cross_nc_sample.txt", "affect-therapeutics/nevada_medicaid.txt", "pyx12/835_mult_loops.txt", "tastypackets/profee.edi"]; // prettier-ignore
    expect(files.flatMap((f) => claimsOf(`x12-835/${f}`)).filter((c) => c.msDrg !== null)).toEqual([]);
  });
});
