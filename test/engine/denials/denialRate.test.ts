import fc from "fast-check";
import { computeDenialRate, denialRateDefinition, type DenialRateInput } from "../../../src/engine/denials/denialRate";
import { denialIssueExcelError, denialIssueMessage } from "../../../src/engine/denials/issues";
import remittanceLines from "./fixtures/keironstoddart-expected_all_samples.csv";

function rateOf(input: DenialRateInput) {
  const result = computeDenialRate(input);
  if (!result.ok) throw new Error(`expected a rate, got ${denialIssueMessage(result.issue)}`);
  return result.value;
}

function issueOf(input: DenialRateInput) {
  const result = computeDenialRate(input);
  if (result.ok) throw new Error(`expected an issue, got rate ${result.value.rate}`);
  return result.issue;
}

describe("denial rate by count of lines (the default)", () => {
  it("divides denied lines by rated lines", () => {
    const rate = rateOf({ outcomes: ["CO-50", "PR-2 CO-45", true, "paid"] });
    expect(rate).toMatchObject({ rate: 0.5, deniedQuantity: 2, ratedQuantity: 4, unit: "line", basis: "count" });
  });

  it("leaves blank, pending and reversed lines out of numerator and denominator", () => {
    const rate = rateOf({ outcomes: ["CO-50", "", null, "pending", "reversed", "paid"] });
    expect(rate).toMatchObject({ rate: 0.5, ratedQuantity: 2, excludedLines: 4 });
  });

  it("does not count patient responsibility, contractual, MPPR, prior payer or sequestration as denials", () => {
    expect(rateOf({ outcomes: ["PR-1", "PR-2", "PR-3", "CO-45", "CO-59", "OA-23", "CO-253"] }).rate).toBe(0);
  });
});

describe("denial rate by dollars", () => {
  it("divides billed charges of denied lines by billed charges of rated lines, exactly in cents", () => {
    const rate = rateOf({ outcomes: ["CO-50", "paid", "paid"], charges: [0.1, 0.2, 0.3], basis: "dollars" });
    expect(rate).toMatchObject({ deniedChargeCents: 10, ratedChargeCents: 60 });
    expect(rate.rate).toBe(10 / 60);
  });

  it("reads charges written as text with a dollar sign and thousands separators", () => {
    const rate = rateOf({ outcomes: [true, false], charges: ["$1,234.50", " 765.50 "], basis: "dollars" });
    expect(rate).toMatchObject({ deniedChargeCents: 123450, ratedChargeCents: 200000 });
  });

  it("rounds a sub-cent charge half-up to the cent", () => {
    const rate = rateOf({ outcomes: [true], charges: [10.005], basis: "dollars" });
    expect(rate.deniedChargeCents).toBe(1001);
  });

  it("needs no charge on a line that is not rated", () => {
    expect(rateOf({ outcomes: ["CO-50", "pending"], charges: [100, null], basis: "dollars" }).rate).toBe(1);
  });

  it("refuses basis dollars without charges", () => {
    expect(issueOf({ outcomes: ["CO-50"], basis: "dollars" })).toEqual({ code: "chargesRequired" });
  });

  it("names the row of a blank or malformed charge", () => {
    const outcomes = ["paid", "paid", "CO-50"];
    expect(issueOf({ outcomes, charges: [1, 2, ""], basis: "dollars" })).toEqual({ code: "chargeMissing", row: 3 });
    expect(issueOf({ outcomes, charges: [1, "abc", 3], basis: "dollars" })).toEqual({
      code: "chargeMalformed",
      row: 2,
      value: "abc",
    });
  });
  it("refuses a charge of '1,5' instead of reading it as $15", () => {
    expect(issueOf({ outcomes: ["CO-50"], charges: ["1,5"], basis: "dollars" })).toEqual({
      code: "chargeMalformed",
      row: 1,
      value: "1,5",
    });
  });

  it("has no rate in dollars when the rated charges add up to 0", () => {
    const issue = issueOf({ outcomes: ["CO-50"], charges: [0], basis: "dollars" });
    expect(issue).toEqual({ code: "noCharges" });
    expect(denialIssueExcelError(issue)).toBe("#N/A");
  });
});

// Three lines as the remittance table writes them: a claim reversed (CLP02 = 22, every amount negated), its
// correction paid, and a line denied CO-50. Each outcome column of the table must rate the same two lines.
describe("reversal lines in every outcome form", () => {
  const table = {
    outcome: ["Reversed", "Paid", "Denied"],
    deniedFlag: [false, false, true],
    adjustmentCodes: ["CO-45", "CO-45 PR-2", "CO-50"],
    charges: [-320, 320, 80],
  };

  it("leaves a reversal out of a dollar rate over the Outcome column", () => {
    const rate = rateOf({ outcomes: table.outcome, charges: table.charges, basis: "dollars" });
    expect(rate).toMatchObject({ deniedChargeCents: 8000, ratedChargeCents: 40000, excludedLines: 1 });
  });

  it("leaves a reversal, known by its negative charge, out of a dollar rate over the Denied Flag column", () => {
    const rate = rateOf({ outcomes: table.deniedFlag, charges: table.charges, basis: "dollars" });
    expect(rate).toMatchObject({ deniedChargeCents: 8000, ratedChargeCents: 40000, excludedLines: 1 });
  });

  it("leaves a reversal, known by its negative charge, out of a dollar rate over the Adjustment Codes column", () => {
    const rate = rateOf({ outcomes: table.adjustmentCodes, charges: table.charges, basis: "dollars" });
    expect(rate).toMatchObject({ deniedChargeCents: 8000, ratedChargeCents: 40000, excludedLines: 1 });
  });

  it("rates the same lines by count as by dollars when charges are given", () => {
    const rate = rateOf({ outcomes: table.deniedFlag, charges: table.charges });
    expect(rate).toMatchObject({ deniedQuantity: 1, ratedQuantity: 2, excludedLines: 1 });
  });

  it("reads a charge in accounting parentheses as a reversal", () => {
    const rate = rateOf({ outcomes: [false, true], charges: ["(80.00)", 50], basis: "dollars" });
    expect(rate).toMatchObject({ rate: 1, ratedChargeCents: 5000, excludedLines: 1 });
  });
});

describe("denial rate per claim", () => {
  it("counts a claim as denied when any of its lines is denied", () => {
    const rate = rateOf({ outcomes: ["paid", "CO-50", "paid", "paid"], claimIds: ["A", "A", "B", "C"] });
    expect(rate).toMatchObject({ unit: "claim", deniedQuantity: 1, ratedQuantity: 3 });
  });

  it("treats claim ids case-insensitively and 123 as the same claim as '123'", () => {
    const rate = rateOf({ outcomes: ["CO-50", "paid", "paid"], claimIds: ["abc", " ABC ", 123] });
    expect(rate).toMatchObject({ deniedQuantity: 1, ratedQuantity: 2 });
    expect(rateOf({ outcomes: ["CO-50", "paid"], claimIds: [123, "123"] }).ratedQuantity).toBe(1);
  });

  it("weighs a denied claim by the charges of all its rated lines in basis dollars", () => {
    const rate = rateOf({
      outcomes: ["CO-50", "paid", "paid", "pending"],
      charges: [100, 300, 600, 5000],
      claimIds: ["A", "A", "B", "B"],
      basis: "dollars",
    });
    expect(rate).toMatchObject({ deniedChargeCents: 40000, ratedChargeCents: 100000, rate: 0.4 });
  });

  it("does not rate a claim whose lines are all pending", () => {
    expect(rateOf({ outcomes: ["CO-50", "pending"], claimIds: ["A", "B"] })).toMatchObject({ ratedQuantity: 1 });
  });

  it("names the row of a rated line without a claim id", () => {
    expect(issueOf({ outcomes: ["paid", "CO-50"], claimIds: ["A", " "] })).toEqual({ code: "claimIdMissing", row: 2 });
  });
});

describe("inputs the rate refuses", () => {
  it("names the row and value of an outcome it cannot read, with the forms it accepts", () => {
    const issue = issueOf({ outcomes: ["paid", "CO-50", "XYZ"] });
    expect(issue).toEqual({ code: "outcomeUnknown", row: 3, value: "XYZ", token: "XYZ" });
    expect(denialIssueExcelError(issue)).toBe("#VALUE!");
    expect(denialIssueMessage(issue)).toBe(
      "outcomes row 3: 'XYZ' is not an outcome; expected TRUE/FALSE, a status word (denied, partial, paid, pending, reversed) or adjustment codes like CO-50 or PR-2 CO-45.",
    );
  });

  it("points at the bad token inside a list of codes", () => {
    expect(denialIssueMessage(issueOf({ outcomes: ["CO-50 C0-45"] }))).toMatch(
      /^outcomes row 1: 'C0-45' in 'CO-50 C0-45' is not an adjustment code;/,
    );
  });

  it("refuses columns of different lengths", () => {
    expect(issueOf({ outcomes: ["paid", "paid"], claimIds: ["A"] })).toEqual({
      code: "lengthMismatch",
      argument: "claim_ids",
      rows: 1,
      outcomeRows: 2,
    });
    expect(issueOf({ outcomes: ["paid"], charges: [1, 2] })).toMatchObject({ argument: "charges" });
  });

  it("has no rate when no line has an outcome", () => {
    const issue = issueOf({ outcomes: ["", "pending"] });
    expect(issue).toEqual({ code: "noOutcomes", excludedRows: 2 });
    expect(denialIssueExcelError(issue)).toBe("#N/A");
    expect(issueOf({ outcomes: [] })).toEqual({ code: "noOutcomes", excludedRows: 0 });
  });
});

describe("the definition the rate states", () => {
  it("says what is divided by what", () => {
    expect(denialRateDefinition("count", "line")).toBe("Denied claim lines / rated claim lines");
    expect(denialRateDefinition("dollars", "claim")).toBe(
      "Billed charges of denied claims / billed charges of rated claims",
    );
  });
});

describe("properties", () => {
  const outcome = fc.constantFrom<unknown>(true, false, "CO-50", "PR-2 CO-45", "paid", "denied", "pending", "", 197, 2);
  const line = fc.record({ outcome, cents: fc.integer({ min: 1, max: 10_000_000 }) });

  it("gives a rate from 0 to 1", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 200 }),
        fc.constantFrom("count", "dollars"),
        (lines, basis) => {
          const result = computeDenialRate({
            outcomes: lines.map((l) => l.outcome),
            charges: lines.map((l) => l.cents / 100),
            basis: basis as "count" | "dollars",
          });
          if (result.ok) {
            expect(result.value.rate).toBeGreaterThanOrEqual(0);
            expect(result.value.rate).toBeLessThanOrEqual(1);
          } else {
            expect(result.issue.code).toBe("noOutcomes");
          }
        },
      ),
    );
  });

  it("gives the same rate per claim as per line when every line is its own claim", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 200 }),
        fc.constantFrom("count", "dollars"),
        (lines, basis) => {
          const input = {
            outcomes: lines.map((l) => l.outcome),
            charges: lines.map((l) => l.cents / 100),
            basis: basis as "count" | "dollars",
          };
          const perLine = computeDenialRate(input);
          const perClaim = computeDenialRate({ ...input, claimIds: lines.map((_, i) => `C${i}`) });
          if (perLine.ok && perClaim.ok) expect(perClaim.value.rate).toBe(perLine.value.rate);
          else expect(perClaim.ok).toBe(perLine.ok);
        },
      ),
    );
  });
});

describe("real remittance lines (three public 835 samples, one row per service line)", () => {
  const [header = "", ...rows] = remittanceLines.trim().split(/\r?\n/);
  const columns = header.split(",");
  const records = rows.map((row) => {
    const cells = row.split(",");
    return Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? ""]));
  });
  // The line's adjustments as an export would show them: "CO-42 PR-2"; blank when the payer adjusted nothing.
  const adjustments = records.map((r) =>
    [0, 1]
      .filter((n) => r[`adj_${n}_code`] !== "")
      .map((n) => `${r[`adj_${n}_group`]}-${r[`adj_${n}_code`]}`)
      .join(" "),
  );
  // A line without adjustments was paid as billed: not denied.
  const outcomes = adjustments.map((a) => (a === "" ? "paid" : a));

  it("finds the four lines denied for timely filing (CO-29) and CO-251 among 18", () => {
    expect(outcomes).toHaveLength(18);
    expect(rateOf({ outcomes })).toMatchObject({ deniedQuantity: 4, ratedQuantity: 18 });
  });

  it("rates the claims by patient control number (CLP01): one of four has a denied line", () => {
    expect(rateOf({ outcomes, claimIds: records.map((r) => r.marker) })).toMatchObject({
      deniedQuantity: 1,
      ratedQuantity: 4,
    });
  });

  it("refuses a dollar rate at the malformed third Blue Cross line, which has no charge", () => {
    const charges = records.map((r) => r.charge_amount);
    expect(issueOf({ outcomes, charges, basis: "dollars" })).toEqual({ code: "chargeMissing", row: 3 });
  });

  it("weighs the other 15 lines by charge: $56.75 denied of $1,260.02", () => {
    const rate = rateOf({
      outcomes: outcomes.slice(3),
      charges: records.slice(3).map((r) => r.charge_amount),
      basis: "dollars",
    });
    expect(rate).toMatchObject({ deniedChargeCents: 5675, ratedChargeCents: 126002 });
  });
});
