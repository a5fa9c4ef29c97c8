// A proposal's per-code rates as typed in one cell of the Proposals table.
import { Decimal } from "../../../src/engine/decimal";
import { describeProposalIssue, perCodeText, readPerCodeRates } from "../../../src/engine/negotiation";

const issueOf = (cell: string) => {
  const read = readPerCodeRates(cell);
  if (read.ok) throw new Error(`expected an issue for "${cell}"`);
  return read.issue;
};

describe("per-code rates typed in a cell", () => {
  it("reads a list of codes with percentages, numbers restored to their code and * as every other code", () => {
    const read = readPerCodeRates("99213:5%; 99214: 4.5% ;110:0.02; *:1%");
    expect(read).toEqual({
      ok: true,
      value: {
        kind: "list",
        rates: [
          { hcpcsCode: "99213", fraction: new Decimal("0.05") },
          { hcpcsCode: "99214", fraction: new Decimal("0.045") },
          { hcpcsCode: "00110", fraction: new Decimal("0.02") },
          { hcpcsCode: "*", fraction: new Decimal("0.01") },
        ],
      },
    });
  });

  it("ignores a trailing separator", () => {
    const read = readPerCodeRates("99213:5%;");
    expect(read.ok && read.value.kind === "list" && read.value.rates.length).toBe(1);
  });

  it("reads a cell without a colon as the name of an uplift table", () => {
    expect(readPerCodeRates(" UpliftRates_2027 ")).toEqual({ ok: true, value: { kind: "table", tableName: "UpliftRates_2027" } }); // prettier-ignore
  });

  it("names the item and the character where a code is not a CPT/HCPCS code", () => {
    const issue = issueOf("99213:5%; 9921X:4%");
    expect(issue).toEqual({ code: "perCodeItemMalformed", item: 2, position: 11, text: "9921X:4%", expected: "code" });
    expect(describeProposalIssue(issue)).toBe(
      'Per-code rates, item 2 ("9921X:4%", at character 11): expected a CPT/HCPCS code like 99213 or J1100, or * for every other code.',
    );
  });

  it("points at the percentage when it is not one", () => {
    expect(issueOf("99213:5%;99214: four")).toEqual({
      code: "perCodeItemMalformed",
      item: 2,
      position: 17,
      text: "99214: four",
      expected: "fraction",
    });
  });

  it("refuses an item without a colon, and a cut of more than 100%", () => {
    expect(issueOf("99213:5%; 99214 4%")).toMatchObject({ item: 2, position: 11, expected: "pair" });
    expect(issueOf("99213:-150%")).toMatchObject({ item: 1, expected: "fraction" });
  });

  it("refuses a code listed twice, naming both items", () => {
    expect(issueOf("99213:5%; 99214:4%; 99213:5%")).toEqual({ code: "perCodeDuplicate", hcpcsCode: "99213", firstItem: 1, secondItem: 3 }); // prettier-ignore
  });

  it("refuses an empty list", () => {
    expect(issueOf("  ").code).toBe("perCodeEmpty");
    expect(issueOf(";;").code).toBe("perCodeEmpty");
  });

  it("writes a list back as a user types it", () => {
    const read = readPerCodeRates("99213:5%;*:0.025");
    expect(read.ok && read.value.kind === "list" && perCodeText(read.value.rates)).toBe("99213:5%; *:2.5%");
  });
});
