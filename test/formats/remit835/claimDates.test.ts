// The dates of a remittance each line carries (issue 15 item 1): payment date (BPR16), check/EFT trace number (TRN02),
// the date the payer received the claim (DTM*050) and the claim's statement period (DTM*232/233), never guessed.
import { parse835, remit835UserMessage, type Remit835File, type RemitLine } from "../../../src/formats/remit835";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { remit835 } from "./snippets";

function parsed(text: string): Remit835File {
  const result = parse835(text);
  if (!result.ok) throw new Error(`refused: ${remit835UserMessage(result.issue)}`);
  return result.value;
}

const dates = (line: RemitLine) => ({
  paymentDate: line.paymentDate,
  checkOrEftTraceNumber: line.checkOrEftTraceNumber,
  claimReceivedDate: line.claimReceivedDate,
  statementStartDate: line.statementStartDate,
  statementEndDate: line.statementEndDate,
});

describeWithSharedData("the dates of the UnitedHealthcare sample (keironstoddart)", () => {
  const file = () => parsed(readSharedData("x12-835/keironstoddart/united_healthcare_legacy_sample.txt"));

  it("puts the payment date, trace number, received date and statement period on every line of a claim", () => {
    const lines = file().lines.filter((line) => line.claimId === "001-18573-358");
    expect(lines.map(dates)).toEqual([
      {
        paymentDate: "2021-02-04",
        checkOrEftTraceNumber: "1234567890",
        claimReceivedDate: "2021-01-14",
        statementStartDate: "2020-12-21",
        statementEndDate: "2021-01-13",
      },
      {
        paymentDate: "2021-02-04",
        checkOrEftTraceNumber: "1234567890",
        claimReceivedDate: "2021-01-14",
        statementStartDate: "2020-12-21",
        statementEndDate: "2021-01-13",
      },
    ]);
  });

  it("keeps the received date on the claim too", () => {
    expect(file().transactions[0]!.claims[0]!.claimReceivedDate).toBe("2021-01-14");
  });
});

describeWithSharedData("the Blue Cross NC sample, which sends no statement period", () => {
  it("leaves the statement dates blank rather than taking them from the lines", () => {
    const line = parsed(readSharedData("x12-835/keironstoddart/blue_cross_nc_sample.txt")).lines[0]!;
    expect(dates(line)).toEqual({
      paymentDate: "2011-01-08",
      checkOrEftTraceNumber: "02790758",
      claimReceivedDate: "2011-01-03",
      statementStartDate: null,
      statementEndDate: null,
    });
  });
});

describe("a claim without a received date", () => {
  it("leaves the received date blank", () => {
    const line = parsed(remit835(["CLP*C1*1*100*100**12*PCN1", "SVC*HC:99213*100*100**1", "DTM*472*20250105"]))
      .lines[0]!;
    expect(line.claimReceivedDate).toBeNull();
  });
});

describe("a received date that is not a date", () => {
  const file = () =>
    parsed(remit835(["CLP*C1*1*100*100**12*PCN1", "DTM*050*20250231", "SVC*HC:99213*100*100**1", "DTM*472*20250105"]));

  it("is read as blank and the claim is still imported", () => {
    const lines = file().lines;
    expect(lines.map((line) => [line.claimId, line.claimReceivedDate])).toEqual([["C1", null]]);
  });

  it("is a warning naming the element, in plain words first", () => {
    const warnings = file().warnings.map(remit835UserMessage);
    expect(warnings).toEqual([
      'The date cannot be read; read as blank. EDI detail: Segment 11 (DTM, line 1, character 421): DTM02 "20250231" is not valid (expected a date as CCYYMMDD); read as blank.',
    ]);
  });

  it("shows in the line's own warnings", () => {
    expect(file().lines[0]!.warnings.map((w) => w.code)).toEqual(["elementInvalid"]);
  });
});

describe("a statement date that is not a date", () => {
  it("refuses the claim it dates, as before, with a warning naming the element", () => {
    const file = parsed(remit835(["CLP*C1*1*100*100**12*PCN1", "DTM*232*2025013", "SVC*HC:99213*100*100**1"]));
    expect(file.lines).toEqual([]);
    expect(file.warnings.map(remit835UserMessage)[0]).toMatch(/DTM02 "2025013" is not valid .*claim C1 and its lines/);
  });
});
