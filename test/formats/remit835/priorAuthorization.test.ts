// The prior authorization number of a remittance (issue 15 item 4): REF*G1 of the claim (loop 2100) and of a line
// (loop 2110), the line's own winning. No shared sample sends REF*G1, so the files are built segment by segment.
import { parse835, remit835UserMessage, type Remit835File } from "../../../src/formats/remit835";
import { remit835 } from "./snippets";

function parsed(text: string): Remit835File {
  const result = parse835(text);
  if (!result.ok) throw new Error(`refused: ${remit835UserMessage(result.issue)}`);
  return result.value;
}

/** Claim C1: an MRI and an office visit, $300 charged and paid, with the claim and line segments given. */
function claim(
  claimSegments: readonly string[],
  mriSegments: readonly string[] = [],
  visitSegments: readonly string[] = [],
) {
  return remit835([
    "CLP*C1*1*300*300**12*PCN1",
    ...claimSegments,
    "SVC*HC:70551*200*200**1",
    "DTM*472*20250105",
    ...mriSegments,
    "SVC*HC:99213*100*100**1",
    "DTM*472*20250105",
    ...visitSegments,
  ]);
}

const numbers = (file: Remit835File) => file.lines.map((line) => line.priorAuthorizationNumber);

describe("the prior authorization number of a remittance", () => {
  it("puts the claim's REF*G1 on each of its lines", () => {
    expect(numbers(parsed(claim(["REF*G1*AUTH-2025-0001"])))).toEqual(["AUTH-2025-0001", "AUTH-2025-0001"]);
  });

  it("gives a line its own REF*G1 over the claim's", () => {
    const file = parsed(claim(["REF*G1*AUTH-CLAIM"], ["REF*6R*L1", "REF*G1*AUTH-MRI"]));
    expect(numbers(file)).toEqual(["AUTH-MRI", "AUTH-CLAIM"]);
  });

  it("takes a line's REF*G1 when the claim has none", () => {
    expect(numbers(parsed(claim([], ["REF*G1*AUTH-MRI"])))).toEqual(["AUTH-MRI", null]);
  });

  it("leaves it blank when the payer sends none", () => {
    expect(numbers(parsed(claim(["REF*EA*MRN123"])))).toEqual([null, null]);
  });

  it("keeps the claim's number on the claim", () => {
    expect(parsed(claim(["REF*G1*AUTH-2025-0001"])).transactions[0]!.claims[0]!.priorAuthorizationNumber).toBe(
      "AUTH-2025-0001",
    );
  });

  it("puts the claim's number on a claim sent without service lines", () => {
    const file = parsed(remit835(["CLP*C2*4*150*0**12*PCN2", "REF*G1*AUTH-77", "CAS*CO*197*150"]));
    expect(numbers(file)).toEqual(["AUTH-77"]);
  });
});

describe("a REF*G1 cut after its qualifier", () => {
  const file = () => parsed(claim(["REF*G1*AUTH-CLAIM"], ["REF*G1"]));

  it("gives the line no number, rather than the claim's or a made-up one", () => {
    expect(numbers(file())).toEqual([null, "AUTH-CLAIM"]);
  });

  it("is a warning on the line, in plain words first, and the line's payment is still imported", () => {
    const read = file();
    expect(read.lines[0]!.warnings.map(remit835UserMessage)).toEqual([
      "The reference identification is missing; read as blank. EDI detail: Segment 14 (REF, line 1, character 480): REF02 is empty; read as blank.",
    ]);
    expect(read.lines[0]!.paidAmount).toBe(20_000);
  });

  it("at claim level leaves the claim's lines without a number, with a warning", () => {
    const read = parsed(claim(["REF*G1*"]));
    expect(numbers(read)).toEqual([null, null]);
    expect(read.warnings.map((w) => w.code)).toEqual(["elementMissing"]);
  });
});

describe("a REF*G1 that cannot be a prior authorization number", () => {
  it("is read as blank with a warning when it is longer than REF02's 50 characters", () => {
    const read = parsed(claim([`REF*G1*${"9".repeat(51)}`]));
    expect(numbers(read)).toEqual([null, null]);
    expect(read.warnings.map(remit835UserMessage)[0]).toMatch(
      /REF02 "9{51}" is not valid \(expected a prior authorization number of 1 to 50 characters\); read as blank\.$/,
    );
  });
});
