// Golden tests on the public 835 samples in ../shared/data/x12-835 (each folder has its SOURCES.md).
import { readdirSync } from "fs";
import path from "path";
import Papa from "papaparse";
import {
  parse835,
  remit835IssueMessage,
  type Remit835File,
  type RemitClaim,
  type RemitLine,
} from "../../../src/formats/remit835";
import { describeWithSharedData, readSharedData, SHARED_DATA } from "../../support/sharedData";

function parsedSample(relativePath: string): Remit835File {
  const result = parse835(readSharedData(relativePath));
  if (!result.ok) throw new Error(`${relativePath} refused: ${remit835IssueMessage(result.issue)}`);
  return result.value;
}

function sampleFiles(): string[] {
  if (SHARED_DATA === null) return [];
  const root = path.join(SHARED_DATA, "x12-835");
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(root, d.name)).map((f) => `x12-835/${d.name}/${f}`))
    .filter((f) => !f.endsWith(".md") && !f.endsWith(".csv"));
}

const cents = (text: string) => Math.round(Number(text) * 100);
const withoutPositions = (lines: readonly RemitLine[]) =>
  lines.map(({ position: _p, warnings, ...rest }) => ({ ...rest, warnings: warnings.map((w) => w.code) }));

describeWithSharedData("every 835 sample in ../shared/data/x12-835", () => {
  it("finds the samples", () => {
    expect(sampleFiles().length).toBeGreaterThanOrEqual(12);
  });

  // it.each refuses an empty table, and this body still runs (skipped) when ../shared/data is absent.
  const files = sampleFiles();
  if (files.length > 0)
    it.each(files)("parses %s into lines", (file) => {
      const result = parse835(readSharedData(file));
      expect(result.ok && result.value.lines.length).toBeGreaterThan(0);
    });
});

type ExpectedRow = Record<string, string>;

/** The samples keironstoddart/edi-835-parser flattened to CSV, with the file each row comes from. */
const KEIRON_SAMPLES = [
  ["blue_cross_nc_sample", "expected_blue_cross_nc_sample.csv"],
  ["emedny_sample", "expected_emedny_sample.csv"],
  ["united_healthcare_legacy_sample", "expected_united_healthcare_legacy_sample.csv"],
] as const;

function expectedRows(csvName: string): ExpectedRow[] {
  const parsed = Papa.parse<ExpectedRow>(readSharedData(`x12-835/keironstoddart/${csvName}`), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data;
}

function linesWithClaims(file: Remit835File): { line: RemitLine; claim: RemitClaim }[] {
  return file.transactions.flatMap((t) => t.claims.flatMap((claim) => claim.lines.map((line) => ({ line, claim }))));
}

/**
 * Compares one expected row with our line, field by field. Intentional differences, each asserted explicitly:
 * - allowed_amount blank (no AMT*B6): we derive paid + patient responsibility (DOMAIN.md 4.3);
 * - charge_amount / paid_amount blank (blue_cross row 2, "SVC*HC:59426******742*742**1" has no SVC02/SVC03):
 *   we read 0 and warn elementMissing; allowed_units blank there: we read the X12 default of 1 unit;
 * - adj_k lists at most the columns the CSV has, and their parser reads only the first triplet of a CAS: we read
 *   all (UHC row 4 "CAS*PR*2*5.13**1*110" also has PR-1 110.00, which the line balance needs), so theirs must be
 *   a subsequence of ours;
 * - patient is "First Last" in title case: we keep NM103/NM104 as sent;
 * - rendering_provider is blank in every row: we do not read NM1*82.
 */
function compareRow(row: ExpectedRow, { line, claim }: { line: RemitLine; claim: RemitClaim }): void {
  expect(line.claimId).toBe(row.marker);
  expect(`${claim.patientFirstName} ${claim.patientLastName}`.toLowerCase()).toBe(row.patient?.toLowerCase());
  expect(line.procedureCode).toBe(row.code);
  expect(line.hcpcsModifiers[0] ?? "").toBe(row.modifier);
  expect(line.procedureCodeQualifier).toBe(row.qualifier);
  if (row.allowed_units === "") expect(line.paidServiceUnitQuantity).toBe(1);
  else expect(line.paidServiceUnitQuantity).toBe(Number(row.allowed_units));
  expect(line.serviceUnitQuantity).toBe(Number(row.billed_units));
  expect(line.paymentDate).toBe(row.transaction_date);
  for (const [column, field] of [
    ["charge_amount", "chargeAmount"],
    ["paid_amount", "paidAmount"],
  ] as const) {
    const text = row[column] ?? "";
    if (text === "") {
      expect(line[field]).toBe(0);
      expect(line.warnings.map((w) => w.code)).toContain("elementMissing");
    } else expect(line[field]).toBe(cents(text));
  }
  if (row.allowed_amount === "") {
    expect(line.allowedAmountSource).toBe("paid + patient responsibility");
    expect(line.allowedAmount).toBe(line.paidAmount + line.patientResponsibilityAmount);
  } else {
    expect(line.allowedAmountSource).toBe("AMT*B6");
    expect(line.allowedAmount).toBe(cents(row.allowed_amount ?? ""));
  }
  expect(line.payer).toBe(row.payer);
  expect(line.serviceDate).toBe(row.start_date);
  expect(line.serviceEndDate).toBe(row.end_date);
  expect(row.rendering_provider).toBe("");
  const theirs = [0, 1]
    .filter((k) => (row[`adj_${k}_code`] ?? "") !== "")
    .map((k) => `${row[`adj_${k}_group`]}-${row[`adj_${k}_code`]}:${cents(row[`adj_${k}_amount`] ?? "")}`);
  const ours = line.adjustments.map((a) => `${a.adjustmentGroupCode}-${a.adjustmentReasonCode}:${a.adjustmentAmount}`);
  expect(ours.filter((a) => theirs.includes(a))).toEqual(theirs);
  expect(line.lineItemControlNumber ?? "").toBe(row.ref_0_value ?? "");
  if ((row.ref_0_qual ?? "") !== "") expect(row.ref_0_qual).toBe("6R");
  expect(line.remarks[0]?.remarkCode ?? "").toBe(row.rem_0_code ?? "");
  expect(line.remarks[0]?.codeListQualifierCode ?? "").toBe(row.rem_0_qual ?? "");
}

describeWithSharedData("the third-party expected outputs of keironstoddart/edi-835-parser", () => {
  describe.each(KEIRON_SAMPLES)("%s", (sample, csvName) => {
    const rows = () => expectedRows(csvName);
    const lines = () => linesWithClaims(parsedSample(`x12-835/keironstoddart/${sample}.txt`));

    it("has one line per expected row", () => {
      expect(lines()).toHaveLength(rows().length);
    });

    it("matches every field of every expected row", () => {
      const ours = lines();
      rows().forEach((row, i) => compareRow(row, ours[i]!));
    });
  });

  it("matches expected_all_samples.csv, the three files in a row", () => {
    const ours = KEIRON_SAMPLES.flatMap(([sample]) =>
      linesWithClaims(parsedSample(`x12-835/keironstoddart/${sample}.txt`)),
    );
    const rows = expectedRows("expected_all_samples.csv");
    expect(ours).toHaveLength(rows.length);
    rows.forEach((row, i) => compareRow(row, ours[i]!));
  });

  it("reads both triplets of UHC's 'CAS*PR*2*5.13**1*110', which their parser cuts to one", () => {
    const line = linesWithClaims(parsedSample("x12-835/keironstoddart/united_healthcare_legacy_sample.txt"))[4]!.line;
    expect(
      line.adjustments.map((a) => `${a.adjustmentGroupCode}-${a.adjustmentReasonCode}:${a.adjustmentAmount}`),
    ).toEqual(["PR-2:513", "PR-1:11000", "CO-45:18432"]);
    expect(line.warnings).toEqual([]);
  });
});

describeWithSharedData("layout variants of the same eMedNY remit (tastypackets)", () => {
  const reference = () => withoutPositions(parsedSample("x12-835/keironstoddart/emedny_sample.txt").lines);

  it.each(["profee.edi", "profee-one-line.edi", "multi-line-not-delimited.edi"])("%s reads the same lines", (file) => {
    expect(withoutPositions(parsedSample(`x12-835/tastypackets/${file}`).lines)).toEqual(reference());
  });

  it("reads the 156 interchanges of profee-multiple.edi: 468 claims, 1,560 lines, no warnings", () => {
    const file = parsedSample("x12-835/tastypackets/profee-multiple.edi");
    expect(file.interchangeCount).toBe(156);
    expect(file.transactions.flatMap((t) => t.claims)).toHaveLength(468);
    expect(file.lines).toHaveLength(1560);
    expect(file.warnings).toEqual([]);
  });

  it("denies the CO-29 (timely filing) and CO-251 (documentation) lines and no others", () => {
    const denied = parsedSample("x12-835/keironstoddart/emedny_sample.txt").lines.map(
      (l) => l.deniedFlag && l.denialCategory,
    );
    expect(denied).toEqual([
      false,
      false,
      false,
      false,
      "timely_filing",
      "timely_filing",
      false,
      false,
      "documentation_requested",
      "documentation_requested",
    ]);
  });
});

describeWithSharedData("out-of-balance TigerShark 4010 files", () => {
  it("835-example.txt: BPR02 12,345.67 against claims 12,200.67 and PLB -361.19 is a warning", () => {
    const file = parsedSample("x12-835/tigershark/835-example.txt");
    expect(file.transactions[0]?.version).toBe("4010");
    expect(file.lines).toHaveLength(2);
    expect(file.warnings.map((w) => w.code)).toEqual(["transactionOutOfBalance"]);
  });

  it("835-example-2.txt: the first of two transactions is out of balance, the second balances", () => {
    const file = parsedSample("x12-835/tigershark/835-example-2.txt");
    expect(file.transactions.map((t) => t.payer)).toEqual([
      "UNITED HEALTHCARE INSURANCE COMPANY",
      "ACME, INC. A WHOLLY OWNED SUBSIDIARY OF UNITED HEALTHCARE INSURANCE COMPANY",
    ]);
    expect(file.warnings.map((w) => [w.code, w.position.segmentId, w.position.lineNumber])).toEqual([
      ["transactionOutOfBalance", "BPR", 4],
    ]);
  });

  it("keeps the claim-level PR-1 of 145.00 on the claim and balances CLP04 with it", () => {
    const claim = parsedSample("x12-835/tigershark/835-example.txt").transactions[0]!.claims[1]!;
    expect(
      claim.claimAdjustments.map((a) => [a.adjustmentGroupCode, a.adjustmentReasonCode, a.adjustmentAmount]),
    ).toEqual([["PR", "1", 14500]]);
    expect(claim.paidAmount).toBe(1200065);
  });
});

describeWithSharedData("the dirty affect-therapeutics samples", () => {
  it("reports the placeholder CAS, MIA, LQ and PLB segments as warnings with their line, and reads all 12 lines", () => {
    const file = parsedSample("x12-835/affect-therapeutics/sample_835_REDACTED_REF-SY.txt");
    expect(file.lines).toHaveLength(12);
    expect(file.warnings.map((w) => [w.code, "element" in w ? w.element : "", w.position.lineNumber])).toEqual([
      ["elementInvalid", "CAS01", 23],
      ["elementInvalid", "CAS01", 38],
      ["elementInvalid", "MIA05", 42],
      ["elementInvalid", "LQ02", 55],
      ["elementInvalid", "PLB03-1", 56],
      ["elementInvalid", "MIA05", 81],
      ["elementInvalid", "MIA05", 106],
      ["elementInvalid", "MIA05", 133],
      ["elementInvalid", "LQ02", 161],
      ["elementInvalid", "PLB03-1", 162],
    ]);
  });

  it("reads the placeholder MIA's numbers and leaves out its remark code 'remark_code1', which is not a remark code", () => {
    const claim = parsedSample("x12-835/affect-therapeutics/sample_835_REDACTED_REF-SY.txt").transactions[0]!
      .claims[1]!;
    expect(claim.inpatientAdjudication).toEqual({
      coveredDaysOrVisitsCount: 2,
      ppsOperatingOutlierAmount: 300,
      lifetimePsychiatricDaysCount: 4,
      claimDrgAmount: 300,
      claimDisproportionateShareAmount: 500,
      claimPpsCapitalAmount: 700,
      claimIndirectTeachingAmount: null,
      remarkCodes: [],
    });
  });

  it("reads the placeholder MOA: rate 1 (100%), HCPCS payable $2.00, remark codes 3 and 4", () => {
    const claim = parsedSample("x12-835/affect-therapeutics/sample_835_REDACTED_REF-SY.txt").transactions[0]!
      .claims[1]!;
    expect(claim.outpatientAdjudication).toEqual({
      reimbursementRate: 1,
      claimHcpcsPayableAmount: 200,
      claimEsrdPaymentAmount: null,
      nonpayableProfessionalComponentAmount: null,
      remarkCodes: ["3", "4"],
    });
  });

  it("does not count the OA-23 prior-payer lines (G0008, 90662 paid 0) as denied", () => {
    const lines = parsedSample("x12-835/affect-therapeutics/sample_835_REDACTED_REF-SY.txt").lines;
    const g0008 = lines.find((l) => l.hcpcsCode === "G0008")!;
    expect([g0008.paidAmount, g0008.deniedFlag]).toEqual([0, false]);
    expect(lines.some((l) => l.deniedFlag)).toBe(false);
  });

  it("reads modifiers 25 and CR with the '>' component separator", () => {
    const lines = parsedSample("x12-835/affect-therapeutics/sample_835_REDACTED_REF-SY.txt").lines;
    expect(lines.find((l) => l.claimId === "patient_control_number3")?.hcpcsModifiers).toEqual(["25", "CR"]);
  });

  it("nevada_medicaid.txt: reads the claims sent without lines as claim-level denied lines, and the PLB-only payment", () => {
    const file = parsedSample("x12-835/affect-therapeutics/nevada_medicaid.txt");
    expect(file.lines.map((l) => [l.claimId, l.claimLevelFlag, l.chargeAmount, l.deniedFlag])).toEqual([
      ["77777777", true, 7223200, true],
      ["77777778", true, 300200, true],
      ["77777779", true, 4123104, true],
    ]);
    expect(file.transactions[2]?.providerAdjustments).toHaveLength(6);
    expect(file.warnings).toEqual([]);
  });
});

describeWithSharedData("pyx12 835_mult_loops.txt (claim denied, CLP02 = 4)", () => {
  it("denies the three lines with the category of their largest reason", () => {
    const lines = parsedSample("x12-835/pyx12/835_mult_loops.txt").lines;
    expect(lines.map((l) => [l.deniedFlag, l.denialCategory, l.serviceDate, l.paidServiceUnitQuantity])).toEqual([
      [true, "missing_invalid_claim_data", "2003-11-29", 68],
      [true, "other", "2003-10-30", 16],
      [true, "other", "2003-10-31", 36],
    ]);
  });
});
