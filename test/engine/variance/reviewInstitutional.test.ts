/**
 * The institutional variance review in the engine (issue 14 item 4), under the hospital test workbook's contracts
 * (rows of the real CMS files): a J1 claim is compared line by line as the engine pays it (the comprehensive APC on
 * the J1 line, the rest packaged at $0), a stay is compared as a whole on its first line, and a claim that cannot be
 * priced says why on every line.
 */
import { Decimal, ok, reviewInstitutionalVariances, summariseInstitutionalVariances } from "../../../src/engine";
import type { ContractRegistry } from "../../../src/engine";
import type { Cents, HcpcsCode, InstitutionalInputLine, IsoDate, MsDrg, RevenueCode } from "../../../src/engine";
import { DEFAULT_VARIANCE_TOLERANCE } from "../../../src/engine";
import { readRegistry } from "../../../src/excel/registry";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook } from "../../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../../support/sharedData";

const NOT_DENIED = { denied: false, category: null, reasonCode: null } as const;

/** An outpatient line of claim `claimId` under `contractName`, allowed `allowed` dollars. */
function outpatient(
  claimId: string,
  contractName: string,
  revenueCode: string,
  hcpcsCode: string,
  allowed: number,
): InstitutionalInputLine {
  const chargeAmount = 4_500_000 as Cents;
  return {
    claimKey: `claim ${claimId}`,
    claimId,
    payer: "Acme Health",
    side: "outpatient",
    code: hcpcsCode,
    codeKind: "hcpcs",
    serviceDate: "2025-03-10",
    pricing: ok({
      contractName,
      line: {
        revenueCode: revenueCode as RevenueCode,
        hcpcsCode: hcpcsCode as HcpcsCode,
        modifiers: [],
        units: new Decimal(1),
        chargeAmount,
        serviceDate: "2025-03-10" as IsoDate,
      },
      stay: null,
    }),
    allowedAmount: Math.round(allowed * 100) as Cents,
    chargeAmount,
    denial: NOT_DENIED,
    reversal: false,
  };
}

/** A line of a DRG 470 stay of claim `claimId` (admitted 2025-03-01, 3 days), the claim allowed `allowed` dollars. */
function stayLine(claimId: string, contractName: string, revenueCode: string, allowed: number): InstitutionalInputLine {
  const line = outpatient(claimId, contractName, revenueCode, "", allowed);
  const pricing = line.pricing.ok ? line.pricing.value : null;
  return {
    ...line,
    side: "inpatient",
    code: "470",
    codeKind: "drg",
    pricing: ok({
      ...pricing!,
      line: { ...pricing!.line, hcpcsCode: null },
      stay: {
        drg: "470" as MsDrg,
        admitDate: "2025-03-01" as IsoDate,
        dischargeDate: "2025-03-04" as IsoDate,
        totalCharges: 9_000_000 as Cents,
        dischargeStatus: null,
        coveredDays: null,
      },
    }),
  };
}

describeWithSharedData("the institutional variance review", () => {
  let registry: ContractRegistry;
  beforeAll(async () => {
    registry = (await readRegistry(new WorkbookSimulator(hospitalWorkbook(hospitalRows())).excel)).registry;
  }, 60_000);
  const review = (...lines: InstitutionalInputLine[]) =>
    reviewInstitutionalVariances(registry, lines, DEFAULT_VARIANCE_TOLERANCE);

  // Valley Hospital: 100% of OPPS at wage index 1.2; 27447 J1 APC 5115 $12,866.82 x (0.60 x 1.2 + 0.40) = $14,410.84.
  it("compares a J1 claim's comprehensive payment on its J1 line, the lines packaged into it expected $0", () => {
    const flags = review(
      outpatient("OP-1", "Valley Hospital", "0360", "27447", 14_410.84),
      outpatient("OP-1", "Valley Hospital", "0300", "85025", 0),
      outpatient("OP-1", "Valley Hospital", "0636", "J2405", 0),
    ).map((line) => [line.flag, line.expectedAmount]);
    expect(flags).toEqual([
      ["OK", 1_441_084],
      ["OK", 0],
      ["OK", 0],
    ]);
  });

  it("flags the J1 line of an underpaid J1 claim, and names the comprehensive APC", () => {
    const [j1, packaged] = review(
      outpatient("OP-1", "Valley Hospital", "0360", "27447", 12_969.76),
      outpatient("OP-1", "Valley Hospital", "0300", "85025", 0),
    );
    expect(j1).toMatchObject({ flag: "Underpaid", recoverableAmount: 144_108 });
    expect(j1!.reason).toMatch(/Comprehensive APC \(J1\), paid once for the claim with line\(s\) 2 packaged into it/);
    expect(packaged!.flag).toBe("OK");
  });

  // A packaged line's $0 is the contract's price: a denial code on it cost nothing, unless the claim was denied whole.
  const deniedFor = (line: InstitutionalInputLine, reasonCode: string): InstitutionalInputLine => ({
    ...line,
    denial: { denied: true, category: reasonCode === "CO-97" ? "coding" : "medical_necessity", reasonCode },
  });

  it("does not count a line packaged into a J1 line, allowed $0 with a denial code, as a denial", () => {
    const [, packaged, drug] = review(
      outpatient("OP-1", "Valley Hospital", "0360", "27447", 14_410.84),
      deniedFor(outpatient("OP-1", "Valley Hospital", "0300", "85025", 0), "CO-97"),
      deniedFor(outpatient("OP-1", "Valley Hospital", "0636", "J2405", 0), "CO-50"),
    );
    expect(packaged).toMatchObject({ flag: "OK", expectedAmount: 0, varianceAmount: 0 });
    expect(packaged!.reason).toMatch(/; adjusted CO-97$/);
    expect(drug).toMatchObject({ flag: "OK", expectedAmount: 0 });
  });

  it("counts the packaged lines of a claim denied whole as denials, with the line they are packaged into", () => {
    const flags = review(
      deniedFor(outpatient("OP-1", "Valley Hospital", "0360", "27447", 0), "CO-197"),
      deniedFor(outpatient("OP-1", "Valley Hospital", "0300", "85025", 0), "CO-197"),
    ).map((line) => line.flag);
    expect(flags).toEqual(["Denied", "Denied"]);
  });

  // HFMA's denial rate counts claims (DOMAIN.md 4.1, 4.3): a denied stay of three lines is one denial, not three.
  it("counts a denied stay once in the Summary's lines, denials and denial rate, with all its charges denied", () => {
    const inputs = [
      ...["0124", "0250", "0300"].map((rev) => deniedFor(stayLine("IP-1", "Mercy Behavioral", rev, 0), "CO-197")),
      deniedFor(outpatient("OP-1", "Valley Hospital", "0450", "99284", 0), "CO-50"),
      outpatient("OP-2", "Valley Hospital", "0510", "G0463", 100),
    ];
    const { total } = summariseInstitutionalVariances(inputs, review(...inputs));
    expect(total).toMatchObject({ lines: 3, deniedLines: 2, chargeAmount: 5 * 4_500_000, deniedChargeAmount: 4 * 4_500_000 }); // prettier-ignore
    expect(total.denialRateByCount).toBe(2 / 3);
    expect(total.topDenialCategories).toEqual([{ category: "medical_necessity", lines: 2 }]);
  });

  // Mercy Behavioral: DRG 470 has a $20,000.00 case rate.
  it("compares a stay with its claim's allowed amount once, on its first line", () => {
    const [first, second] = review(
      stayLine("IP-1", "Mercy Behavioral", "0124", 18_000),
      stayLine("IP-1", "Mercy Behavioral", "0250", 18_000),
    );
    expect(first).toMatchObject({ flag: "Underpaid", expectedAmount: 2_000_000, varianceAmount: -200_000 });
    expect(first!.reason).toMatch(
      /^Allowed \$18,000\.00 is \$2,000\.00 \(10\.0%\) below expected \$20,000\.00: MS-DRG 470 under Mercy Behavioral/,
    );
    expect(second).toMatchObject({
      flag: "Underpaid",
      expectedAmount: null,
      varianceAmount: null,
      recoverableAmount: 0,
    });
  });

  it("says a stay's contract has no inpatient terms, on every line of the stay", () => {
    const reasons = review(
      stayLine("IP-2", "Valley Hospital", "0120", 9_000),
      stayLine("IP-2", "Valley Hospital", "0250", 9_000),
    ).map((line) => [line.flag, line.reason]);
    const reason = 'Contract "Valley Hospital" has no inpatient terms: add its row to the InpatientTerms table.';
    expect(reasons).toEqual([
      ["No contract rate", reason],
      ["No contract rate", `Part of stay IP-2, compared and counted on its first line (${reason})`],
    ]);
  });

  it("leaves an outpatient claim with an unreadable line unpriced, each line saying why", () => {
    const unreadable = {
      ...outpatient("OP-3", "Valley Hospital", "0360", "27447", 0),
      pricing: { ok: false as const, issue: { code: "unitsInvalid" as const, value: "two" } },
    };
    const [good, bad] = review(outpatient("OP-3", "Valley Hospital", "0300", "85025", 0), unreadable);
    expect(good).toMatchObject({ flag: "No contract rate", expectedAmount: null });
    expect(good!.reason).toMatch(/^Another line of claim OP-3 cannot be read/);
    expect(bad!.flag).toBe("No contract rate");
  });
});
