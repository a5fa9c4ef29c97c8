// Uplift scenarios ranked by a hospital's codes: inpatient stays by MS-DRG, outpatient lines by revenue code.
import { issueMessage } from "../../../src/engine/issues";
import { computeUpliftScenario } from "../../../src/engine/uplift/upliftScenario";

// Four stays, one amount per stay (a stay is paid as a whole): DRG 470 twice ($18,250.00 + $19,100.50 = $37,350.50),
// DRG 871 once ($12,400.00), DRG 39 (written 39, read 039) once ($9,800.25).
const drgs = [470, "470", "871", 39];
const stayAmounts = [18250, 19100.5, 12400, 9800.25];

describe("an uplift ranked by MS-DRG over stays", () => {
  it("ranks the DRGs by the stays' revenue and uplifts the top one's stays, each rounded on its own", () => {
    const result = computeUpliftScenario({
      codeKind: "drg",
      codes: drgs,
      amounts: stayAmounts,
      uplift: { kind: "flat", fraction: 0.035 },
      topN: 1,
    });
    if (!result.ok) throw new Error(issueMessage(result.issue));
    expect(result.value.codes.map((c) => [c.hcpcsCode, c.lineCount, c.currentCents])).toEqual([
      ["470", 2, 3735050],
      ["871", 1, 1240000],
      ["039", 1, 980025],
    ]);
    // 18,250.00 x 1.035 = 18,888.75; 19,100.50 x 1.035 = 19,769.0175 -> 19,769.02; sum 38,657.77; added 1,307.27.
    expect(result.value.codes[0]).toMatchObject({ newCents: 3865777, deltaCents: 130727 });
    expect(result.value.deltaCents).toBe(130727);
  });

  it("reads an uplift table's codes as DRGs, so DRG 39 and 039 are the same row", () => {
    const result = computeUpliftScenario({
      codeKind: "drg",
      codes: drgs,
      amounts: stayAmounts,
      uplift: { kind: "byCode", rows: [["039", 0.1]] },
    });
    if (!result.ok) throw new Error(issueMessage(result.issue));
    // 9,800.25 x 1.10 = 10,780.275 -> 10,780.28: added 980.03; the DRGs the table does not list get nothing.
    expect(result.value.deltaCents).toBe(98003);
  });

  it("says a cell is not an MS-DRG, naming the row", () => {
    const result = computeUpliftScenario({ codeKind: "drg", codes: [470, "99213"], amounts: [1, 1], uplift: { kind: "flat", fraction: 0.05 } }); // prettier-ignore
    expect(result.ok ? "scenario" : issueMessage(result.issue)).toBe(
      "codes row 2: '99213' is not an MS-DRG; expected 1 to 3 digits like 470.",
    );
  });
});

describe("an uplift ranked by revenue code over outpatient lines", () => {
  it("groups 450 and 0450 as one revenue code and ranks it by its lines' revenue", () => {
    // 0450: $1,200.00 + $800.00 = $2,000.00 over 2 lines; 0278: $1,500.00 on 1 line.
    const result = computeUpliftScenario({
      codeKind: "revenueCode",
      codes: [450, "0278", "0450"],
      amounts: [1200, 1500, 800],
      uplift: { kind: "flat", fraction: 0.05 },
      topN: 1,
    });
    if (!result.ok) throw new Error(issueMessage(result.issue));
    expect(result.value.codes.map((c) => [c.hcpcsCode, c.lineCount, c.deltaCents])).toEqual([
      ["0450", 2, 10000],
      ["0278", 1, 0],
    ]);
  });
});
