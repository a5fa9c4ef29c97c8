import { buildContractRegistry } from "../../../src/engine/contracts/registry";
import { issueMessage } from "../../../src/engine/issues";
import { parseMultipleProcedureRule } from "../../../src/engine/contracts/vocabulary";
import { codeInRange } from "../../../src/engine/contracts/carveOuts";
import { aCarveOut, aContract, code, date } from "./builders";

describe("the contract registry", () => {
  it("reports two versions of one contract in effect on the same day, naming both registry rows", () => {
    const { issues } = buildContractRegistry({
      versions: [
        aContract({ effectiveStartDate: date("2025-01-01"), effectiveEndDate: date("2025-12-31"), sourceRowNumber: 2 }),
        aContract({ effectiveStartDate: date("2025-12-31"), effectiveEndDate: date("2026-12-31"), sourceRowNumber: 4 }),
      ],
    });
    expect(issues.map(issueMessage)).toEqual([
      'Contract "Acme PPO" has two versions in effect on the same days (registry rows 2 and 4): end one before the next starts.',
    ]);
  });

  it("accepts versions that follow each other day to day", () => {
    const { issues } = buildContractRegistry({
      versions: [
        aContract({ effectiveEndDate: date("2025-06-30") }),
        aContract({ effectiveStartDate: date("2025-07-01"), sourceRowNumber: 3 }),
      ],
    });
    expect(issues).toEqual([]);
  });

  it("lists contract names as written, once each, for messages", () => {
    const { registry } = buildContractRegistry({
      versions: [
        aContract({ contractName: "Summit MA" }),
        aContract(),
        aContract({
          contractName: "ACME PPO",
          effectiveStartDate: date("2026-01-01"),
          effectiveEndDate: date("2026-12-31"),
        }),
      ],
    });
    expect(registry.contractNames).toEqual(["Acme PPO", "Summit MA"]);
  });

  it("reports a carve-out range whose two ends are different kinds of code", () => {
    const { issues } = buildContractRegistry({
      versions: [aContract()],
      carveOuts: [aCarveOut({ from: "80047", to: "J9999", sourceRowNumber: 6 })],
    });
    expect(issues).toEqual([expect.objectContaining({ code: "carveOutRangeInvalid", rowNumber: 6 })]);
  });

  it("reports a carve-out for a contract the registry does not have", () => {
    const { issues } = buildContractRegistry({
      versions: [aContract()],
      carveOuts: [aCarveOut({ contractName: "Acme HMO" })],
    });
    expect(issues).toEqual([expect.objectContaining({ code: "carveOutContractUnknown", contractName: "Acme HMO" })]);
  });
});

describe("code ranges", () => {
  it("hold the codes between their ends, both included", () => {
    expect(
      ["80046", "80047", "85025", "87999", "88000"].map((c) => codeInRange(code(c), code("80047"), code("87999"))),
    ).toEqual([false, true, true, true, false]);
  });

  it("hold only HCPCS Level II codes of their own letter", () => {
    expect(codeInRange(code("J1100"), code("J0120"), code("J9999"))).toBe(true);
    expect(codeInRange(code("K1100"), code("J0120"), code("K9999"))).toBe(false);
  });
});

describe("the Multiple Procedure Rule column", () => {
  it('reads "Medicare", "CMS" and blank as the CMS rules and "None" as none, in any case', () => {
    expect(["Medicare", "cms", "", "NONE"].map((v) => parseMultipleProcedureRule(v))).toEqual([
      { ok: true, value: "medicare" },
      { ok: true, value: "medicare" },
      { ok: true, value: "medicare" },
      { ok: true, value: "none" },
    ]);
  });

  it("refuses other words, listing the allowed ones", () => {
    const result = parseMultipleProcedureRule("Aetna");
    expect(!result.ok && issueMessage(result.issue)).toBe(
      '"Aetna" is not a multiple procedure rule: expected Medicare or None.',
    );
  });
});
