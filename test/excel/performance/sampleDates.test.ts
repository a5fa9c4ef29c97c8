/**
 * The sample workbook's claim dates, which the Contract Performance sheet reports on: every claim is submitted after
 * its last service date and paid after its submission, as real Excel dates; the planted slow payer and denial spike
 * are where the sample says they are, and nowhere else.
 */
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { PLANTED_DENIAL_SPIKE, PLANTED_SLOW_PAYER } from "../../../src/playground/sample/claimDates";

const claimsSheet = buildSampleWorkbook().sheets.find((s) => s.name === "Claims")!;
const [header, ...body] = claimsSheet.cells;
const at = (name: string) => header!.indexOf(name);
const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
const lines = body.map((row) => ({
  claimId: String(row[at("Claim ID")]),
  contract: String(row[at("Contract Name")]),
  serviceDate: String(row[at("Service Date")]),
  submitted: row[at("Submitted Date")] as number,
  paid: row[at("Paid Date")] as number,
  denied: row[at("Denied Flag")] === true,
  codes: String(row[at("Adjustment Codes")] ?? ""),
}));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe("the sample's claim dates", () => {
  test("the Claims table has Submitted Date and Paid Date columns of Excel dates shown as yyyy-mm-dd", () => {
    expect(header!.slice(-3, -1)).toEqual(["Submitted Date", "Paid Date"]);
    expect(lines.every((l) => Number.isInteger(l.submitted) && Number.isInteger(l.paid))).toBe(true);
    const formats = claimsSheet.numberFormats?.filter((f) => f.format === "yyyy-mm-dd").map((f) => f.address);
    expect(formats).toEqual([`P2:P${body.length + 1}`, `Q2:Q${body.length + 1}`]);
  });

  test("a claim is submitted 1 to 6 days after its last service date, and its lines share their dates", () => {
    const claims = new Map<string, typeof lines>();
    for (const line of lines) claims.set(line.claimId, [...(claims.get(line.claimId) ?? []), line]);
    const wrong = [...claims.values()].filter((claim) => {
      const last = claim.map((l) => l.serviceDate).sort()[claim.length - 1]!;
      const lag = claim[0]!.submitted - (Date.parse(`${last}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return lag < 1 || lag > 6 || claim.some((l) => l.submitted !== claim[0]!.submitted || l.paid !== claim[0]!.paid);
    });
    expect(wrong).toEqual([]);
  });

  test("the payers pay within a 30-day window in most months: a median of 12 to 26 days", () => {
    const usual = lines.filter((l) => !l.denied && iso(l.submitted) < PLANTED_SLOW_PAYER.submittedFrom);
    const days = usual.map((l) => l.paid - l.submitted);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(9);
    expect(median(days)).toBeGreaterThanOrEqual(12);
    expect(median(days)).toBeLessThanOrEqual(26);
  });

  test("the planted slow payer takes 38 to 70 days on the claims submitted from June to August 2025", () => {
    const slow = lines.filter(
      (l) =>
        l.contract === PLANTED_SLOW_PAYER.contractName &&
        iso(l.submitted) >= PLANTED_SLOW_PAYER.submittedFrom &&
        iso(l.submitted) <= PLANTED_SLOW_PAYER.submittedTo,
    );
    const days = slow.map((l) => l.paid - l.submitted);
    expect(slow.length).toBeGreaterThan(50);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(38);
    expect(Math.max(...days)).toBeLessThanOrEqual(70);
  });

  test("the planted denial spike denies about a third of Acme's lines remitted in February 2025, as not covered", () => {
    const planted = lines.filter((l) => l.codes === PLANTED_DENIAL_SPIKE.adjustmentCode);
    expect(new Set(planted.map((l) => `${l.contract} ${iso(l.paid).slice(0, 7)}`))).toEqual(
      new Set([`${PLANTED_DENIAL_SPIKE.contractName} ${PLANTED_DENIAL_SPIKE.paidMonth}`]),
    );
    const month = lines.filter(
      (l) => l.contract === PLANTED_DENIAL_SPIKE.contractName && iso(l.paid).startsWith(PLANTED_DENIAL_SPIKE.paidMonth),
    );
    expect(planted.every((l) => l.denied)).toBe(true);
    expect(planted.length / month.length).toBeGreaterThan(0.25);
  });
});
