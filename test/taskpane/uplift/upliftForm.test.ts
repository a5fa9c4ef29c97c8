/** The uplift form's market scenario as typed, read into the scenario the builder takes (issue 16 item 4). */
import { DEFAULT_SCENARIOS } from "../../../src/excel/upliftModel";
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  nextScenarioForm,
  parsePercentileInput,
  scenarioForm,
  thresholdForm,
  toUpliftRequest,
  type ScenarioForm,
} from "../../../src/taskpane/uplift/upliftForm";

/** The form with one scenario, changed from the form of a new scenario. */
function requestWith(change: Partial<ScenarioForm>) {
  return toUpliftRequest({
    tableName: "Claims",
    mapping: suggestClaimsMapping(["CPT", "Allowed"]),
    scenarios: [{ ...nextScenarioForm([]), ...change }],
    floor: thresholdForm({ kind: "percent", value: 0.02 }),
    target: thresholdForm({ kind: "percent", value: 0.04 }),
    payer: "",
    contract: "",
    from: "",
    to: "",
    capAtBilled: false,
    sheetName: "Uplift Model",
    codeKind: "hcpcs",
  });
}

describe("a market percentile as typed", () => {
  it.each([
    ["50", 50],
    ["p75", 75],
    ["P90", 90],
    ["62.5 %", 62.5],
    ["0", 0],
    ["100", 100],
  ])("reads %s as %s", (text, percentile) => {
    expect(parsePercentileInput(text)).toBe(percentile);
  });

  it.each(["", "median", "150", "-5"])("refuses %j", (text) => {
    expect(parsePercentileInput(text)).toBeNull();
  });
});

describe("a market scenario in the uplift form", () => {
  it("becomes a scenario to the percentile with the filters chosen, blanks meaning any", () => {
    const request = requestWith({ name: "To p75", kind: "toMarket", percentile: "p75", marketPayer: " Acme ", setting: "outpatient" }); // prettier-ignore
    expect(typeof request !== "string" && request.scenarios).toEqual([
      {
        kind: "toMarket",
        name: "To p75",
        percentile: 75,
        payer: "Acme",
        setting: "outpatient",
        billingClass: null,
        topN: null,
        rankBy: "revenue",
      },
    ]);
  });

  it("says what to give when the percentile is not one", () => {
    expect(requestWith({ name: "To market", kind: "toMarket", percentile: "150" })).toBe(
      'Give scenario "To market" a market percentile from 0 to 100, like 50 (the median) or 75.',
    );
  });

  it("keeps a percentage scenario as it was: the default 5% on top 20 reads back as itself", () => {
    const form = scenarioForm(DEFAULT_SCENARIOS[0]!, 1);
    const request = requestWith(form);
    expect(typeof request !== "string" && request.scenarios).toEqual([DEFAULT_SCENARIOS[0]]);
  });
});
