import { issueExcelError, issueMessage } from "../../../src/engine/issues";
import { upliftPercentChange } from "../../../src/engine/uplift/upliftScenario";
import { deltasByCode, flat, issueOf, scenarioOf, table } from "./support";

// Three codes: 99214 earns most ($600 over 2 lines), 99213 next ($300 over 3 lines), 20610 least ($100, 1 line).
const codes = ["99213", "99214", "99213", "99214", "99213", "20610"];
const amounts = [100, 300, 100, 300, 100, 100];

describe("ranking codes for the top N", () => {
  it("gives the uplift only to the top N codes by current revenue", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 1 });
    expect(deltasByCode(scenario)).toEqual({ "99214": 6000, "99213": 0, "20610": 0 });
    expect(scenario.deltaCents).toBe(6000);
  });

  it("lists every code by rank, highest revenue first", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 1 });
    expect(scenario.codes.map((c) => [c.rank, c.hcpcsCode, c.currentCents])).toEqual([
      [1, "99214", 60000],
      [2, "99213", 30000],
      [3, "20610", 10000],
    ]);
  });

  it("ranks by number of rows with rank_by volume and no volumes", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 1, rankBy: "volume" });
    expect(scenario.codes[0]).toMatchObject({ hcpcsCode: "99213", volumeQuantity: 3, deltaCents: 3000 });
  });

  it("ranks by the sum of volumes when volumes are given", () => {
    const volumes = [1, 1, 1, 1, 1, 10];
    const scenario = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 1, rankBy: "volume", volumes });
    expect(scenario.codes[0]).toMatchObject({ hcpcsCode: "20610", volumeQuantity: 10, deltaCents: 1000 });
  });

  it("breaks a tie in revenue by code, lowest code first", () => {
    const scenario = scenarioOf({
      codes: ["99214", "J1100", "99213"],
      amounts: [50, 50, 50],
      uplift: flat(0.1),
      topN: 2,
    });
    expect(scenario.codes.map((c) => c.hcpcsCode)).toEqual(["99213", "99214", "J1100"]);
    expect(deltasByCode(scenario)).toEqual({ "99213": 500, "99214": 500, J1100: 0 });
  });

  it("gives the same ranks whatever the order of the rows", () => {
    const forward = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 2 });
    const backward = scenarioOf({
      codes: [...codes].reverse(),
      amounts: [...amounts].reverse(),
      uplift: flat(0.1),
      topN: 2,
    });
    expect(backward.codes).toEqual(forward.codes);
  });

  it("treats a top N larger than the number of codes as all codes", () => {
    expect(scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 50 })).toEqual(
      scenarioOf({ codes, amounts, uplift: flat(0.1) }),
    );
    expect(scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 50 }).deltaCents).toBe(10000);
  });

  it("refuses a top N that is not a whole number of 1 or more", () => {
    for (const topN of [0, -3, 2.5]) {
      expect(issueOf({ codes, amounts, uplift: flat(0.1), topN })).toEqual({
        code: "upliftTopNMalformed",
        value: String(topN),
      });
    }
  });
});

describe("per-code uplift tables", () => {
  it("applies each code's own fraction", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: table(["99214", 0.05], ["99213", 0.02], ["20610", 0.1]) });
    expect(deltasByCode(scenario)).toEqual({ "99214": 3000, "99213": 600, "20610": 1000 });
  });

  it("gives codes the table does not list the * row's fraction", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: table(["99214", 0.05], ["*", 0.01]) });
    expect(deltasByCode(scenario)).toEqual({ "99214": 3000, "99213": 300, "20610": 100 });
  });

  it("gives codes the table does not list no uplift when there is no * row", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: table(["99214", 0.05]) });
    expect(deltasByCode(scenario)).toEqual({ "99214": 3000, "99213": 0, "20610": 0 });
  });

  it("ignores table codes that are not in the data", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: table(["99214", 0.05], ["J9999", 0.5]) });
    expect(scenario.deltaCents).toBe(3000);
  });

  it("applies the table only to the top N codes", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: table(["*", 0.1]), topN: 2 });
    expect(deltasByCode(scenario)).toEqual({ "99214": 6000, "99213": 3000, "20610": 0 });
  });

  it("reads table codes as the data's codes are read: numbers, padding and case", () => {
    const scenario = scenarioOf({
      codes: ["00110", "J1100"],
      amounts: [100, 100],
      uplift: table([110, 0.05], ["j1100 ", "10%"]),
    });
    expect(deltasByCode(scenario)).toEqual({ "00110": 500, J1100: 1000 });
  });

  it("skips blank table rows and accepts a code listed twice with the same fraction", () => {
    const scenario = scenarioOf({
      codes,
      amounts,
      uplift: table(["99214", 0.05], ["", null], [99214, "5%"]),
    });
    expect(scenario.deltaCents).toBe(3000);
  });

  it("refuses a code listed twice with different fractions, naming both rows", () => {
    const issue = issueOf({ codes, amounts, uplift: table(["99214", 0.05], ["*", 0], [99214, 0.03]) });
    expect(issueMessage(issue)).toBe("uplift rows 1 and 3 both give 99214, with 5% and 3%; keep one.");
  });

  it("refuses two different * rows", () => {
    expect(issueOf({ codes, amounts, uplift: table(["*", 0.05], ["*", 0.03]) })).toMatchObject({
      code: "upliftTableDuplicate",
      hcpcsCode: "*",
    });
  });

  it("names the table row of a code it cannot read", () => {
    expect(issueMessage(issueOf({ codes, amounts, uplift: table(["99214", 0.05], ["Code", "Uplift"]) }))).toMatch(
      /^uplift row 2: 'Code' is not a CPT\/HCPCS code or \*/,
    );
  });

  it("names the table row of a code without a fraction", () => {
    expect(issueOf({ codes, amounts, uplift: table(["99214", null]) })).toEqual({
      code: "upliftFractionMissing",
      row: 1,
      hcpcsCode: "99214",
    });
  });
});

describe("rounding to the cent", () => {
  it("rounds each line's new amount half-up to the cent before adding the lines up", () => {
    // Each $0.10 line becomes $0.105 -> $0.11; rounding the code's $0.30 once would give $0.32 instead of $0.33.
    const scenario = scenarioOf({ codes: ["99213", "99213", "99213"], amounts: [0.1, 0.1, 0.1], uplift: flat(0.05) });
    expect(scenario.newCents).toBe(33);
    expect(scenario.deltaCents).toBe(3);
  });

  it("computes exactly with an uplift that is not a round number", () => {
    const scenario = scenarioOf({ codes: ["99213"], amounts: [1339.81], uplift: flat(0.0275) });
    // 1339.81 x 1.0275 = 1376.654775 -> 1376.65
    expect(scenario.newCents).toBe(137665);
  });

  it("uplifts a reversal as the mirror of its line, so the two still net to zero", () => {
    const scenario = scenarioOf({ codes: ["99213", "99213"], amounts: [0.1, -0.1], uplift: flat(0.05) });
    expect(scenario.codes[0]).toMatchObject({ currentCents: 0, newCents: 0, lineCount: 2 });
  });
});

describe("lesser-of: capping at billed charges", () => {
  it("caps a line's new amount at its billed charge", () => {
    const scenario = scenarioOf({ codes: ["99213"], amounts: [100], billed: [104], uplift: flat(0.05) });
    expect(scenario).toMatchObject({ newCents: 10400, deltaCents: 400, cappedLines: 1 });
  });

  it("caps line by line, not the code's total", () => {
    // Line 1 has room for the whole 5%, line 2 for $1 of its $5.
    const scenario = scenarioOf({
      codes: ["99213", "99213"],
      amounts: [100, 100],
      billed: [200, 101],
      uplift: flat(0.05),
    });
    expect(scenario.codes[0]).toMatchObject({ deltaCents: 600, cappedLines: 1 });
  });

  it("leaves a line whose billed cell is blank uncapped", () => {
    const scenario = scenarioOf({
      codes: ["99213", "99213"],
      amounts: [100, 100],
      billed: [100, ""],
      uplift: flat(0.05),
    });
    expect(scenario.deltaCents).toBe(500);
  });

  it("never lowers a line already paid above its billed charge", () => {
    const scenario = scenarioOf({ codes: ["99213"], amounts: [120], billed: [100], uplift: flat(0.05) });
    expect(scenario).toMatchObject({ newCents: 12000, deltaCents: 0 });
  });

  it("still applies a rate cut in full under the cap", () => {
    const scenario = scenarioOf({ codes: ["99213"], amounts: [100], billed: [100], uplift: flat(-0.1) });
    expect(scenario.deltaCents).toBe(-1000);
  });
});

describe("reading the cells of a claims range", () => {
  it("reads codes given as numbers as the same codes as text, padding 1-4 digit codes", () => {
    const scenario = scenarioOf({ codes: [99213, "99213", 110, " j1100"], amounts: [1, 2, 3, 4], uplift: flat(0) });
    expect(scenario.codes.map((c) => [c.hcpcsCode, c.currentCents])).toEqual([
      ["J1100", 400],
      ["00110", 300],
      ["99213", 300],
    ]);
  });

  it("skips rows whose code and amount are both blank", () => {
    const scenario = scenarioOf({
      codes: ["99213", "", null, "  "],
      amounts: [100, "", null, null],
      uplift: flat(0.05),
    });
    expect(scenario).toMatchObject({ lineCount: 1, deltaCents: 500 });
  });

  it("counts a blank amount next to a code as $0, as SUM does, and still as a line", () => {
    const scenario = scenarioOf({ codes: ["99213", "99213"], amounts: [100, null], uplift: flat(0.05) });
    expect(scenario.codes[0]).toMatchObject({ currentCents: 10000, lineCount: 2, volumeQuantity: 2 });
  });

  it("reads amounts written as text with dollar signs and thousands separators", () => {
    const scenario = scenarioOf({ codes: ["99213", "99213"], amounts: ["$1,234.50", " 65.50 "], uplift: flat(0) });
    expect(scenario.currentCents).toBe(130000);
  });

  // Changed with the cell-value vocabulary: claims amounts are read as every signed dollar cell is.
  it("reads a reversal written in accounting parentheses as a negative line", () => {
    const scenario = scenarioOf({ codes: ["99213", "99213"], amounts: ["125.00", "(25.00)"], uplift: flat(0) });
    expect(scenario.currentCents).toBe(10000);
  });

  it("refuses an amount of '1,5' instead of reading it as $15", () => {
    const issue = issueOf({ codes: ["99213"], amounts: ["1,5"], uplift: flat(0.05) });
    expect(issueMessage(issue)).toBe(
      "amounts row 1: '1,5' is not a number; expected an amount in dollars like 125.50.",
    );
  });

  it("reads a code an export wrote as a whole number with a fraction ('99213.0')", () => {
    const scenario = scenarioOf({ codes: ["99213.0", "99213"], amounts: [100, 100], uplift: flat(0) });
    expect(scenario.codes.map((c) => c.hcpcsCode)).toEqual(["99213"]);
  });

  it("counts a blank volume as 0, as SUMIFS does", () => {
    const scenario = scenarioOf({ codes: ["99213", "99213"], amounts: [1, 1], volumes: [2, null], uplift: flat(0) });
    expect(scenario.codes[0]?.volumeQuantity).toBe(2);
  });
});

describe("bad input", () => {
  it("names the row of an amount that is not a number", () => {
    const issue = issueOf({ codes: ["99213", "99214"], amounts: [100, "n/a"], uplift: flat(0.05) });
    expect(issueMessage(issue)).toBe(
      "amounts row 2: 'n/a' is not a number; expected an amount in dollars like 125.50.",
    );
    expect(issueExcelError(issue)).toBe("#VALUE!");
  });

  it("names the row of a volume or billed charge that is not a number", () => {
    expect(issueOf({ codes: ["99213"], amounts: [1], volumes: ["lots"], uplift: flat(0) })).toEqual({
      code: "upliftCellMalformed",
      argument: "volumes",
      row: 1,
      value: "lots",
    });
    expect(issueOf({ codes: ["99213"], amounts: [1], billed: [true], uplift: flat(0) })).toMatchObject({
      argument: "billed",
      row: 1,
    });
  });

  it("refuses an amount too large to be one line's, rather than losing cents", () => {
    expect(issueOf({ codes: ["99213"], amounts: [1e15], uplift: flat(0) })).toMatchObject({
      code: "upliftAmountTooLarge",
      argument: "amounts",
      row: 1,
    });
  });

  it("refuses ranges of different lengths", () => {
    const issue = issueOf({ codes: ["99213", "99214"], amounts: [100], uplift: flat(0.05) });
    expect(issueMessage(issue)).toBe(
      "amounts has 1 rows but codes has 2; give ranges covering the same rows, one per line.",
    );
  });

  it("refuses an uplift below -100%, which would make rates negative", () => {
    expect(issueOf({ codes, amounts, uplift: flat(-1.5) })).toEqual({
      code: "upliftFractionBelowMinus100",
      row: null,
      value: "-1.5",
    });
    expect(issueOf({ codes, amounts, uplift: table(["99213", 0.05], ["*", -1.01]) })).toMatchObject({ row: 2 });
  });

  it("accepts a cut of exactly 100%", () => {
    expect(scenarioOf({ codes, amounts, uplift: flat(-1) }).newCents).toBe(0);
  });

  it("refuses an uplift that is not a fraction, or is blank", () => {
    expect(issueOf({ codes, amounts, uplift: flat("five") })).toMatchObject({ code: "upliftFractionMalformed" });
    expect(issueOf({ codes, amounts, uplift: flat("") })).toMatchObject({ code: "upliftFractionMissing", row: null });
  });

  it("names the row of a code it cannot read", () => {
    expect(issueMessage(issueOf({ codes: ["99213", "Total"], amounts: [1, 2], uplift: flat(0) }))).toBe(
      "codes row 2: 'Total' is not a CPT/HCPCS code; expected 5 characters like 99213, 0001F or J1100.",
    );
  });

  it("refuses an amount on a row without a code rather than dropping it", () => {
    expect(issueOf({ codes: ["99213", null], amounts: [1, 250], uplift: flat(0) })).toEqual({
      code: "upliftCodeMissing",
      row: 2,
      amount: "250",
    });
  });

  it("gives #N/A when every row is blank", () => {
    const issue = issueOf({ codes: [null, ""], amounts: [null, ""], uplift: flat(0.05) });
    expect(issueExcelError(issue)).toBe("#N/A");
  });

  it("gives #N/A for a percent change when the current amounts add up to 0", () => {
    const scenario = scenarioOf({ codes: ["99213"], amounts: [0], uplift: flat(0.05) });
    const percent = upliftPercentChange(scenario);
    expect(percent.ok ? percent.value : issueExcelError(percent.issue)).toBe("#N/A");
  });
});

describe("result figures", () => {
  it("gives the new total as current plus delta and the change as a fraction of current", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 1 });
    expect(scenario).toMatchObject({ currentCents: 100000, newCents: 106000, deltaCents: 6000 });
    expect(upliftPercentChange(scenario)).toEqual({ ok: true, value: 0.06 });
  });

  it("reports the uplift each code got: its fraction in the top N, 0 outside", () => {
    const scenario = scenarioOf({ codes, amounts, uplift: flat(0.1), topN: 1 });
    expect(scenario.codes.map((c) => c.upliftFraction.toString())).toEqual(["0.1", "0", "0"]);
  });
});
