import { readdirSync, readFileSync } from "fs";
import path from "path";
import { parse835, remit835IssueMessage, type Remit835File, type RemitLine } from "../../../src/formats/remit835";
import { centsFromDecimalText } from "../../../src/formats/remit835/values";
import { envelope, remit835, transaction835 } from "./snippets";

const FIXTURES = path.resolve(__dirname, "../../fixtures/x12-835");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

function parsed(text: string | Uint8Array): Remit835File {
  const result = parse835(text);
  if (!result.ok) throw new Error(`refused: ${remit835IssueMessage(result.issue)}`);
  return result.value;
}

function onlyLine(text: string): RemitLine {
  const lines = parsed(text).lines;
  expect(lines).toHaveLength(1);
  return lines[0] as RemitLine;
}

const PAID_LINE = ["CLP*C1*1*100*80*20*12*PCN1", "SVC*HC:99213*100*80**1", "DTM*472*20250105", "CAS*PR*2*20"];

describe("money from decimal text", () => {
  it.each([
    ["1057.86", 105786],
    ["1175.4", 117540],
    ["5", 500],
    [".5", 50],
    ["-13.65", -1365],
    ["-0.00", 0],
    ["0.125", 13],
  ])("reads %s as %i cents", (text, cents) => {
    expect(centsFromDecimalText(text)).toBe(cents);
  });

  it.each(["", "1,000.00", "12a", "1e3", "-"])("refuses %p", (text) => {
    expect(centsFromDecimalText(text)).toBeNull();
  });

  it("reads 0.1 + 0.2 style amounts exactly (no float drift)", () => {
    expect((centsFromDecimalText("0.1") as number) + (centsFromDecimalText("0.2") as number)).toBe(30);
  });
});

describe("delimiters and layout", () => {
  it("reads the delimiters from ISA: element 4th character, component ISA16, terminator after ISA16", () => {
    const text = remit835(PAID_LINE).replace(/\*/g, "|").replace(/:/g, ">").replace(/~/g, "!");
    const file = parsed(text);
    expect(file.delimiters).toEqual({ element: "|", component: ">", repetition: "^", segment: "!" });
    expect(file.lines[0]?.hcpcsCode).toBe("99213");
  });

  it("has no repetition separator in 4010, where ISA11 is the letter U", () => {
    const file = parsed(fixture("tigershark_4010_out_of_balance.835"));
    expect(file.delimiters.repetition).toBeNull();
    expect(file.transactions[0]?.version).toBe("4010");
  });

  it("marks 5010 transactions as 5010", () => {
    expect(parsed(remit835(PAID_LINE)).transactions[0]?.version).toBe("5010");
  });

  it("reads the same lines whether segments end with ~, ~ and a newline, ~ and CRLF, or a bare newline", () => {
    const oneLine = remit835(PAID_LINE);
    const variants = [oneLine.replace(/~/g, "~\n"), oneLine.replace(/~/g, "~\r\n"), oneLine.replace(/~/g, "\n")];
    const expected = parsed(oneLine).lines;
    for (const variant of variants)
      expect(parsed(variant).lines).toEqual(
        expected.map((l) => expect.objectContaining({ ...l, position: expect.anything() })),
      );
  });

  it("reads a file whose terminator starts each next line (TigerShark writes '\\n~GS|')", () => {
    const file = parsed(fixture("tigershark_4010_out_of_balance.835"));
    expect(file.delimiters.segment).toBe("~");
    expect(file.lines.map((l) => l.claimId)).toEqual(["001-DDDDDDDDDD", "001-SSSSSSSSSS"]);
  });

  it("reads an ISA that is not fixed-width", () => {
    const text = remit835(PAID_LINE).replace(
      /^ISA\*00\* {10}\*00\* {10}\*ZZ\*PAYERSUBMIT {4}/,
      "ISA*00* *00* *ZZ*PAYERSUBMIT",
    );
    expect(parsed(text).lines).toHaveLength(1);
  });

  it("ignores a byte-order mark and blank lines between segments", () => {
    expect(parsed("\uFEFF" + remit835(PAID_LINE).replace(/~/g, "~\n\n")).lines).toHaveLength(1);
  });

  it("reads several interchanges, each with its own delimiters", () => {
    const first = remit835(PAID_LINE);
    const second = remit835(["CLP*C2*1*50*50**12*PCN2", "SVC*HC:99212*50*50**1"])
      .replace(/\*/g, "|")
      .replace(/~/g, "\n");
    const file = parsed(`${first}\n${second}`);
    expect(file.interchangeCount).toBe(2);
    expect(file.lines.map((l) => l.claimId)).toEqual(["C1", "C2"]);
  });

  it("reads several transactions (ST..SE) in one interchange, each with its own payment", () => {
    const text = envelope([
      ...transaction835(PAID_LINE, { control: "0001", paymentAmount: "80" }),
      ...transaction835(["CLP*C2*1*50*50**12*PCN2", "SVC*HC:99212*50*50**1"], { control: "0002", paymentAmount: "50" }),
    ]);
    const file = parsed(text);
    expect(file.transactions.map((t) => [t.transactionSetControlNumber, t.totalActualProviderPaymentAmount])).toEqual([
      ["0001", 8000],
      ["0002", 5000],
    ]);
    expect(file.warnings).toEqual([]);
  });

  it("reads a file without ISA envelope from its ST segment, and says so in a warning", () => {
    const file = parsed(
      transaction835(PAID_LINE)
        .map((s) => `${s}~`)
        .join(""),
    );
    expect(file.hasEnvelope).toBe(false);
    expect(file.lines).toHaveLength(1);
    expect(file.warnings.map((w) => w.code)).toEqual(["envelopeMissing"]);
  });

  it("infers the component separator of a file without envelope from its first SVC", () => {
    const text = transaction835(["CLP*C1*1*100*100**12*PCN1", "SVC*HC>99213>25*100*100**1"]).join("~\n");
    expect(parsed(text).lines[0]?.hcpcsModifiers).toEqual(["25"]);
  });
});

describe("refused files, each named for why", () => {
  const refused = readdirSync(FIXTURES).filter((name) => name.startsWith("error."));
  const expectedCode: Record<string, string> = {
    "error.empty-file.835": "fileEmpty",
    "error.csv-export.835": "notX12",
    "error.pdf-document.835": "notX12",
    "error.x12-837-claim-not-remittance.835": "notA835",
    "error.isa-cut-short.835": "isaMalformed",
    "error.starts-at-clp-no-transaction-header.835": "notX12",
  };

  it("has one expectation per error file", () => {
    expect(refused.sort()).toEqual(Object.keys(expectedCode).sort());
  });

  it.each(refused)("%s is refused with its reason", (name) => {
    const result = parse835(readFileSync(path.join(FIXTURES, name)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.code).toBe(expectedCode[name]);
  });

  it("names an 837 as health care claims", () => {
    const result = parse835(fixture("error.x12-837-claim-not-remittance.835"));
    expect(!result.ok && remit835IssueMessage(result.issue)).toBe(
      "This X12 file holds 837 (health care claims), not an 835 remittance.",
    );
  });

  it("names a PDF as a PDF document, from its bytes", () => {
    const result = parse835(readFileSync(path.join(FIXTURES, "error.pdf-document.835")));
    expect(!result.ok && remit835IssueMessage(result.issue)).toContain("found a PDF document");
  });

  it("names a CSV and quotes its first line", () => {
    const result = parse835(fixture("error.csv-export.835"));
    expect(!result.ok && remit835IssueMessage(result.issue)).toContain(
      'a CSV or text table (first line "Claim ID,CPT,Billed,Paid")',
    );
  });

  it("refuses a file above the size limit before reading it", () => {
    const result = parse835(remit835(PAID_LINE), { maxBytes: 100 });
    expect(result.ok ? null : result.issue.code).toBe("fileTooLarge");
  });

  it("refuses an envelope that holds no transaction", () => {
    const result = parse835(envelope([]));
    expect(result.ok ? null : result.issue.code).toBe("noTransactions");
  });

  it("keeps the 835 transactions of a file that also holds another transaction set, with a warning", () => {
    const text = envelope([...transaction835(PAID_LINE), "ST*837*0009", "CLM*A1*150", "SE*3*0009"]);
    const file = parsed(text);
    expect(file.lines).toHaveLength(1);
    expect(file.warnings.map((w) => w.code)).toEqual(["transactionSkipped"]);
  });
});

describe("claims (CLP)", () => {
  const claim = () => parsed(remit835(PAID_LINE)).transactions[0]!.claims[0]!;

  it("reads id, status, charge, paid, patient responsibility, filing indicator and payer control number", () => {
    expect(claim()).toMatchObject({
      claimId: "C1",
      claimStatusCode: "1",
      chargeAmount: 10000,
      paidAmount: 8000,
      patientResponsibilityAmount: 2000,
      claimFilingIndicatorCode: "12",
      payerClaimControlNumber: "PCN1",
      reversalFlag: false,
    });
  });

  it("reads the payer (N1*PR), payee, payment date (BPR16) and trace number (TRN02) onto the transaction", () => {
    expect(parsed(remit835(PAID_LINE)).transactions[0]).toMatchObject({
      payer: "ACME HEALTH PLAN",
      payerIdentifier: "99999",
      payee: "RIVERSIDE CLINIC",
      payeeIdentifier: "1234567893",
      paymentDate: "2025-01-15",
      checkOrEftTraceNumber: "EFT12345",
      paymentMethodCode: "ACH",
    });
  });

  it("turns a claim sent without service lines into one claim-level line carrying the claim's adjustments", () => {
    const line = onlyLine(remit835(["CLP*C9*4*500*0**MC*PCN9", "CAS*CO*26*500", "DTM*232*20250102"]));
    expect(line).toMatchObject({
      claimLevelFlag: true,
      hcpcsCode: null,
      chargeAmount: 50000,
      paidAmount: 0,
      serviceDate: "2025-01-02",
      adjustments: [{ adjustmentGroupCode: "CO", adjustmentReasonCode: "26", adjustmentAmount: 50000 }],
      deniedFlag: true,
      denialCategory: "registration_eligibility",
    });
  });

  it("keeps claim-level CAS on the claim, not on its lines", () => {
    const file = parsed(
      remit835(["CLP*C1*1*100*70*30*12*PCN1", "CAS*PR*1*10", "SVC*HC:99213*100*80**1", "CAS*PR*2*20"]),
    );
    expect(file.transactions[0]?.claims[0]?.claimAdjustments.map((a) => a.adjustmentReasonCode)).toEqual(["1"]);
    expect(file.lines[0]?.adjustments.map((a) => a.adjustmentReasonCode)).toEqual(["2"]);
  });
});

describe("service lines (SVC)", () => {
  it("reads the code, its qualifier and up to four modifiers from the composite", () => {
    const line = onlyLine(remit835(["CLP*C1*1*100*100**12*PCN1", "SVC*HC:20610:50:RT:59:XU*100*100**1"]));
    expect(line).toMatchObject({
      procedureCodeQualifier: "HC",
      hcpcsCode: "20610",
      hcpcsModifiers: ["50", "RT", "59", "XU"],
    });
  });

  it("keeps the original code and units when the payer recoded the line (SVC06, SVC07)", () => {
    const line = onlyLine(
      remit835(["CLP*C1*1*300*200**12*PCN1", "SVC*HC:99213*300*200**1*HC:99215:25*2", "CAS*CO*45*100"]),
    );
    expect(line).toMatchObject({
      hcpcsCode: "99213",
      originalProcedureCode: "99215",
      originalHcpcsModifiers: ["25"],
      paidServiceUnitQuantity: 1,
      serviceUnitQuantity: 2,
    });
  });

  it("reads units paid as 1 when SVC05 is absent", () => {
    expect(onlyLine(remit835(["CLP*C1*1*100*100**12*PCN1", "SVC*HC:99213*100*100"])).paidServiceUnitQuantity).toBe(1);
  });

  it("reads a revenue-code line (NU) and the revenue code SVC04 without inventing a HCPCS code", () => {
    const line = onlyLine(remit835(["CLP*C1*1*900*900**MC*PCN1", "SVC*NU:0450*900*900*0450*1"]));
    expect(line).toMatchObject({
      procedureCodeQualifier: "NU",
      procedureCode: "0450",
      hcpcsCode: null,
      revenueCenterCode: "0450",
    });
  });

  it("reads the line item control number (REF*6R) and remark codes (LQ)", () => {
    const line = onlyLine(
      remit835([
        "CLP*C1*1*100*0**12*PCN1",
        "SVC*HC:99213*100*0**1",
        "CAS*CO*50*100",
        "REF*6R*LINE-0001",
        "LQ*HE*N130",
        "LQ*HE*M15",
      ]),
    );
    expect(line.lineItemControlNumber).toBe("LINE-0001");
    expect(line.remarks).toEqual([
      { codeListQualifierCode: "HE", remarkCode: "N130" },
      { codeListQualifierCode: "HE", remarkCode: "M15" },
    ]);
  });

  it("reads all six triplets of one CAS segment, with their quantities and the group code", () => {
    const line = onlyLine(
      remit835([
        "CLP*C1*1*100*40**12*PCN1",
        "SVC*HC:99213*100*40**1",
        "CAS*CO*45*10*1*59*10**97*10**151*10**253*10**16*10",
      ]),
    );
    expect(
      line.adjustments.map((a) => [
        a.adjustmentGroupCode,
        a.adjustmentReasonCode,
        a.adjustmentAmount,
        a.adjustmentQuantity,
      ]),
    ).toEqual([
      ["CO", "45", 1000, 1],
      ["CO", "59", 1000, null],
      ["CO", "97", 1000, null],
      ["CO", "151", 1000, null],
      ["CO", "253", 1000, null],
      ["CO", "16", 1000, null],
    ]);
  });

  it("splits patient responsibility into deductible, coinsurance and copay", () => {
    const line = onlyLine(
      remit835(["CLP*C1*1*200*100*60*12*PCN1", "SVC*HC:99214*200*100**1", "CAS*PR*1*30**2*20**3*10", "CAS*CO*45*40"]),
    );
    expect(line).toMatchObject({
      patientResponsibilityAmount: 6000,
      deductibleAmount: 3000,
      coinsuranceAmount: 2000,
      copaymentAmount: 1000,
    });
  });

  it("takes the allowed amount from AMT*B6 when the payer sends it", () => {
    const line = onlyLine(remit835([...PAID_LINE, "AMT*B6*95"]));
    expect([line.allowedAmount, line.allowedAmountSource]).toEqual([9500, "AMT*B6"]);
  });

  it("derives the allowed amount as paid + patient responsibility when AMT*B6 is absent", () => {
    const line = onlyLine(remit835(PAID_LINE));
    expect([line.allowedAmount, line.allowedAmountSource]).toEqual([10000, "paid + patient responsibility"]);
  });

  it("takes the service date from DTM*472", () => {
    expect(onlyLine(remit835(PAID_LINE))).toMatchObject({ serviceDate: "2025-01-05", serviceEndDate: "2025-01-05" });
  });

  it("takes a service period from DTM*150/151", () => {
    const line = onlyLine(
      remit835(["CLP*C1*1*100*100**12*PCN1", "SVC*HC:99213*100*100**1", "DTM*150*20250101", "DTM*151*20250103"]),
    );
    expect([line.serviceDate, line.serviceEndDate]).toEqual(["2025-01-01", "2025-01-03"]);
  });

  it("falls back to the claim's statement dates (DTM*232/233) when a line has no date", () => {
    const line = onlyLine(
      remit835(["CLP*C1*1*100*100**12*PCN1", "DTM*232*20250201", "DTM*233*20250202", "SVC*HC:99213*100*100**1"]),
    );
    expect([line.serviceDate, line.serviceEndDate]).toEqual(["2025-02-01", "2025-02-02"]);
  });

  it("numbers lines from 1 within each claim", () => {
    const file = parsed(
      remit835([
        "CLP*A*1*20*20**12*P1",
        "SVC*HC:99211*10*10**1",
        "SVC*HC:99212*10*10**1",
        "CLP*B*1*10*10**12*P2",
        "SVC*HC:99213*10*10**1",
      ]),
    );
    expect(file.lines.map((l) => `${l.claimId}${l.claimLineNumber}`)).toEqual(["A1", "A2", "B1"]);
  });
});

describe("provider-level adjustments (PLB)", () => {
  it("keeps every PLB pair at transaction level, with reason, reference and amount", () => {
    const file = parsed(
      remit835([...PAID_LINE, "PLB*1234567893*20251231*WO:OVERPAY123*25*L6:INT*-1.5"], { paymentAmount: "56.5" }),
    );
    expect(file.transactions[0]?.providerAdjustments).toEqual([
      {
        providerIdentifier: "1234567893",
        fiscalPeriodDate: "2025-12-31",
        adjustmentReasonCode: "WO",
        referenceIdentifier: "OVERPAY123",
        adjustmentAmount: 2500,
      },
      {
        providerIdentifier: "1234567893",
        fiscalPeriodDate: "2025-12-31",
        adjustmentReasonCode: "L6",
        referenceIdentifier: "INT",
        adjustmentAmount: -150,
      },
    ]);
    expect(file.warnings).toEqual([]);
  });
});

describe("balancing checks are warnings, not failures", () => {
  it("warns when a line's charge minus its adjustments is not its payment", () => {
    const text = remit835(["CLP*C1*1*100*80**12*PCN1", "SVC*HC:99213*100*80**1", "CAS*CO*45*15"]);
    const file = parsed(text);
    expect(file.lines[0]?.warnings.map((w) => w.code)).toEqual(["lineOutOfBalance"]);
    expect(remit835IssueMessage(file.warnings[0]!)).toBe(
      `Segment 11 (SVC, line 1, character ${text.indexOf("SVC*") + 1}): claim C1 line 1 does not balance: charge 100.00 - adjustments 15.00 != paid 80.00.`,
    );
  });

  it("warns when CLP03 is not the sum of the line charges", () => {
    const file = parsed(remit835(["CLP*C1*1*120*100**12*PCN1", "SVC*HC:99213*100*100**1"]));
    expect(file.warnings.map((w) => w.code)).toEqual(["claimChargeOutOfBalance"]);
  });

  it("warns when CLP04 is not the sum of the line payments less claim-level adjustments", () => {
    const file = parsed(remit835(["CLP*C1*1*100*90**12*PCN1", "SVC*HC:99213*100*100**1"]));
    expect(file.warnings.map((w) => w.code)).toEqual(["claimPaymentOutOfBalance"]);
  });

  it("warns when BPR02 is not the claims paid less the PLB amounts", () => {
    const file = parsed(remit835(PAID_LINE, { paymentAmount: "75" }));
    expect(file.warnings.map((w) => w.code)).toEqual(["transactionOutOfBalance"]);
  });

  it("reads the out-of-balance TigerShark 4010 file with a transaction warning", () => {
    const file = parsed(fixture("tigershark_4010_out_of_balance.835"));
    expect(file.lines).toHaveLength(2);
    expect(file.warnings).toEqual([
      expect.objectContaining({
        code: "transactionOutOfBalance",
        totalPaymentAmount: 1234567,
        claimPaidAmount: 1220067,
        providerAdjustmentAmount: -36119,
      }),
    ]);
  });
});

describe("junk and unknown segments are reported with their position, never a crash", () => {
  it("skips an unknown segment and names its index, line and character", () => {
    const text = remit835(PAID_LINE).replace(/~/g, "~\n").replace("LX*1~\n", "LX*1~\nZZZ*1*2~\n");
    const file = parsed(text);
    expect(file.lines).toHaveLength(1);
    expect(file.warnings).toEqual([
      {
        code: "segmentUnknown",
        position: { segmentIndex: 10, segmentId: "ZZZ", lineNumber: 10, offset: expect.any(Number) },
      },
    ]);
  });

  it("skips text that is not a segment at all", () => {
    const file = parsed(remit835(PAID_LINE).replace("LX*1~", "LX*1~<html>garbage~"));
    expect(file.warnings.map((w) => w.code)).toEqual(["segmentUnreadable"]);
  });

  it("skips a CAS with a placeholder group code and keeps the line", () => {
    const file = parsed(remit835([...PAID_LINE, "CAS*grp_code*reason_code*amount*quantity"]));
    expect(file.lines[0]?.adjustments).toHaveLength(1);
    expect(file.lines[0]?.warnings.map((w) => [w.code, "element" in w ? w.element : ""])).toEqual([
      ["elementInvalid", "CAS01"],
    ]);
  });

  it("warns about an SVC that comes before any CLP", () => {
    const file = parsed(remit835(["SVC*HC:99213*100*100**1", ...PAID_LINE]));
    expect(file.warnings.map((w) => w.code)).toEqual(["segmentOutOfPlace"]);
  });

  it("reads 0 and warns when a line's charge is empty", () => {
    const line = onlyLine(remit835(["CLP*C1*1*0*0**12*PCN1", "SVC*HC:99213***1"]));
    expect(line.chargeAmount).toBe(0);
    expect(line.warnings.map((w) => ("element" in w ? w.element : w.code))).toEqual(["SVC02", "SVC03"]);
  });

  it("warns about a transaction left without SE and still reads it", () => {
    const text = remit835(PAID_LINE).replace(/SE\*\d+\*0001~/, "");
    const file = parsed(text);
    expect(file.lines).toHaveLength(1);
    expect(file.warnings.map((w) => w.code)).toEqual(["transactionNotClosed"]);
  });

  it("survives random cuts of a real file", () => {
    const text = fixture("emedny_sample.835");
    for (let cut = 0; cut < text.length; cut += 37) {
      const result = parse835(text.slice(0, cut) + text.slice(cut + 11));
      expect(typeof result.ok).toBe("boolean");
    }
  });
});

describe("denial classification on small remits", () => {
  const line = (...segments: string[]) => onlyLine(remit835(["CLP*C1*1*100*0**12*PCN1", ...segments]));

  it("does not count an all-patient-responsibility line (deductible) as denied", () => {
    const l = line("SVC*HC:99213*100*0**1", "CAS*PR*1*100");
    expect([l.deniedFlag, l.denialCategory]).toEqual([false, null]);
  });

  it("does not count a contractual CO-45 write-off as denied", () => {
    const l = onlyLine(remit835(["CLP*C1*1*100*60**12*PCN1", "SVC*HC:99213*100*60**1", "CAS*CO*45*40"]));
    expect([l.deniedFlag, l.partialDenialFlag]).toEqual([false, false]);
  });

  it("does not count a line the prior payer paid (OA-23) as denied", () => {
    const l = line("SVC*HC:99213*100*0**1", "CAS*OA*23*100", "AMT*B6*100");
    expect(l.deniedFlag).toBe(false);
  });

  it("counts a zero-paid CO-197 line as denied for authorization", () => {
    const l = line("SVC*HC:99213*100*0**1", "CAS*CO*197*100");
    expect([l.deniedFlag, l.denialCategory, l.denialReason?.adjustmentReasonCode]).toEqual([
      true,
      "authorization",
      "197",
    ]);
  });

  it("counts a PR-204 (not covered by the patient's plan) line as denied for coverage", () => {
    const l = onlyLine(remit835(["CLP*C1*1*100*0*100*12*PCN1", "SVC*HC:99213*100*0**1", "CAS*PR*204*100", "AMT*B6*0"]));
    expect([l.deniedFlag, l.denialCategory]).toEqual([true, "service_not_covered"]);
  });

  it("flags a paid line reduced by CO-151 as a partial denial", () => {
    const l = onlyLine(remit835(["CLP*C1*1*300*100**12*PCN1", "SVC*HC:97110*300*100**1**3", "CAS*CO*151*200"]));
    expect([l.deniedFlag, l.partialDenialFlag, l.denialCategory]).toEqual([false, true, "coding"]);
  });

  it("never counts a reversal (CLP02 = 22) as denied", () => {
    const l = onlyLine(remit835(["CLP*C1*22*-100*-80*-20*12*PCN1", "SVC*HC:99213*-100*-80**-1", "CAS*CO*50*-20"]));
    expect([l.reversalFlag, l.deniedFlag, l.denialCategory]).toEqual([true, false, null]);
    expect(
      parsed(remit835(["CLP*C1*22*-100*-80*-20*12*PCN1", "SVC*HC:99213*-100*-80**-1", "CAS*CO*50*-20"])).transactions[0]
        ?.claims[0]?.reversalFlag,
    ).toBe(true);
  });

  it("denies every line of a claim denied because the patient was not recognised (CLP02 = 4)", () => {
    const l = line("SVC*HC:99213*100*0**1", "CAS*CO*31*100");
    expect(l.deniedFlag).toBe(true);
    const noReason = onlyLine(remit835(["CLP*C1*4*100*0**12*PCN1", "SVC*HC:99213*100*0**1"]));
    expect([noReason.deniedFlag, noReason.denialCategory]).toEqual([true, "registration_eligibility"]);
  });

  it("does not count a $0 line (CPT II tracking code) as denied", () => {
    expect(line("SVC*HC:3008F*0*0**0**1").deniedFlag).toBe(false);
  });
});
