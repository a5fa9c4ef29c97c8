// The method tables: contract methods, default rules and carve-out methods declared once. The expect-error
// directives below are checked by `npx tsc --noEmit -p .` (jest only transpiles): if a table could leave out a kind,
// tsc would report an unused expect-error directive and fail.
import fc from "fast-check";
import { Decimal } from "../../../src/engine/decimal";
import { chargeIsLess } from "../../../src/engine/contracts/lesserOf";
import {
  CARVE_OUT_METHODS,
  CONTRACT_METHODS,
  DEFAULT_RULES,
  carveOutMethodOf,
  contractMethodOf,
  describeContractRates,
  methodBatchKey,
  methodChoices,
  type CarveOutMethodTable,
  type ContractMethodTable,
  type DefaultRuleTable,
} from "../../../src/engine/contracts/methods";
import { toCents } from "../../../src/engine/money";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import { priceLines } from "../../../src/engine/contracts/priceLines";
import { issueExcelError, issueMessage } from "../../../src/engine/issues";
import {
  aContract,
  aFeeRow,
  aFeeSchedule,
  aLine,
  aRegistry,
  asColumns,
  d,
  date,
  feeSchedule,
  percentOfBilled,
  percentOfMedicare,
} from "./builders";

describe("a method table", () => {
  it("does not compile when it leaves out a kind", () => {
    // @ts-expect-error a contract method table without "percent of billed"
    const contractMethods: ContractMethodTable = {
      "fee schedule": CONTRACT_METHODS["fee schedule"],
      "percent of medicare": CONTRACT_METHODS["percent of medicare"],
    };
    // @ts-expect-error a default rule table without "percent of billed"
    const defaultRules: DefaultRuleTable = { "percent of medicare": DEFAULT_RULES["percent of medicare"] };
    // @ts-expect-error a carve-out method table without "flat rate"
    const carveOutMethods: CarveOutMethodTable = {
      "percent of billed": CARVE_OUT_METHODS["percent of billed"],
      "percent of medicare": CARVE_OUT_METHODS["percent of medicare"],
    };
    expect([contractMethods, defaultRules, carveOutMethods].map((table) => Object.keys(table).length)).toEqual([
      2, 1, 2,
    ]);
  });

  it("does not compile when a kind holds the entry of another kind", () => {
    const swapped: ContractMethodTable = {
      ...CONTRACT_METHODS,
      // @ts-expect-error the fee schedule entry builds and prices fee schedule methods only
      "percent of billed": CONTRACT_METHODS["fee schedule"],
    };
    expect(swapped["percent of billed"].label).toBe("Fee Schedule");
  });
});

describe("the words of a method column", () => {
  it("offers each method's label, in table order, for the README and the contract editor", () => {
    expect(methodChoices(CONTRACT_METHODS).labels).toEqual([
      "Fee Schedule",
      "Percent of Medicare",
      "Percent of Billed",
      "None (hospital terms only)",
    ]);
    expect(methodChoices(CARVE_OUT_METHODS).labels).toEqual(["Flat Rate", "Percent of Billed", "Percent of Medicare"]);
  });

  it("reads the synonyms users type, in lower case", () => {
    const { words } = methodChoices(CONTRACT_METHODS);
    expect([words["% of medicare"], words["percent of charges"], words["fee schedule"]]).toEqual([
      "percent of medicare",
      "percent of billed",
      "fee schedule",
    ]);
  });

  it("reads percent of charges the same way for a contract, its default rule and its carve-outs", () => {
    const percentOfCharges = [
      methodChoices(CONTRACT_METHODS).words["% of charges"],
      methodChoices(DEFAULT_RULES).words["% of charges"],
      methodChoices(CARVE_OUT_METHODS).words["% of charges"],
    ];
    expect(percentOfCharges).toEqual(["percent of billed", "percent of billed", "percent of billed"]);
  });
});

describe("a method from its registry cells", () => {
  const cells = { percent: d("1.15"), feeSchedule: "FS_Acme", medicareSchedule: "MPFS_2025", defaultPercent: null };

  it("takes only the cells its kind needs", () => {
    expect(contractMethodOf("fee schedule", cells)).toEqual({ kind: "fee schedule", feeScheduleName: "FS_Acme" });
    expect(contractMethodOf("percent of medicare", cells)).toEqual({ kind: "percent of medicare", percent: d("1.15") });
  });

  it("treats a needed cell left blank as a bug, since the registry's row checks refuse such rows", () => {
    expect(() => carveOutMethodOf("flat rate", { rate: null, percent: d("0.5") })).toThrow(/rate cell is needed/);
  });
});

describe("a contract's rates in words", () => {
  it("states a percent of Medicare with its schedule, the default rule and lesser-of", () => {
    const version = aContract({
      method: percentOfMedicare("1.15"),
      defaultRule: { method: "percent of billed", percent: d("0.5") },
      lesserOf: true,
    });
    expect(describeContractRates(version)).toBe(
      "115% of Medicare (MPFS_2025); unlisted codes at 50% of billed charges; lesser of billed",
    );
  });

  it("states a percent of billed charges alone when there is nothing else to say", () => {
    expect(describeContractRates(aContract({ method: percentOfBilled("0.6") }))).toBe("60% of billed charges");
  });
});

describe("a hospital-only contract (Method None)", () => {
  const hospitalOnly = aContract({ contractName: "Mercy Hospital", method: { kind: "none" }, sourceRowNumber: 7 });
  const registry = aRegistry({ versions: [hospitalOnly] });
  const priced = priceLine(registry, aLine({ contractName: "Mercy Hospital", chargeAmount: 15000 }));

  it("reads None, hospital only or no professional terms from its Method cell", () => {
    const { words } = methodChoices(CONTRACT_METHODS);
    expect([words["none (hospital terms only)"], words["none"], words["hospital only"], words["no professional terms"]]).toEqual(["none", "none", "none", "none"]); // prettier-ignore
  });

  it("prices a professional line as #N/A saying the contract has no professional terms, not as an amount", () => {
    expect(
      priced.ok ? priced.value.allowedAmount : [issueExcelError(priced.issue), issueMessage(priced.issue)],
    ).toEqual([
      "#N/A",
      'Contract "Mercy Hospital" has no professional terms (Method None, registry row 7); it prices only hospital claims: use PAYER.INPATIENT_PAYMENT or PAYER.OUTPATIENT_PAYMENT, or give the contract a professional Method.',
    ]);
  });

  it("answers the same for every line of a column priced in one batch", () => {
    const lines = [aLine({ contractName: "Mercy Hospital", chargeAmount: 15000 }), aLine({ contractName: "Mercy Hospital", hcpcsCode: "99214", chargeAmount: 20000 })]; // prettier-ignore
    const batch = priceLines(registry, asColumns(lines));
    expect([...batch.issues.values()].map((issue) => issue.code)).toEqual([
      "contractHasNoProfessionalTerms",
      "contractHasNoProfessionalTerms",
    ]);
  });

  it("needs no Percent, Fee Schedule or Medicare Schedule cell", () => {
    expect([CONTRACT_METHODS.none.needs, contractMethodOf("none", { percent: null, feeSchedule: null, medicareSchedule: null, defaultPercent: null })]).toEqual([[], { kind: "none" }]); // prettier-ignore
  });

  it("is described as having no professional terms in the portfolio", () => {
    expect(describeContractRates(hospitalOnly)).toBe("No professional terms (hospital terms only)");
  });
});

describe("the batch pricer's key", () => {
  const registry = aRegistry({
    feeSchedules: [
      aFeeSchedule(
        "FS_Acme",
        aFeeRow({ effectiveEndDate: date("2025-06-30") }),
        aFeeRow({ nonFacilityRate: "112.35", effectiveStartDate: date("2025-07-01") }),
      ),
    ],
  });
  const keyOn = (method: ReturnType<typeof feeSchedule>, day: string) =>
    methodBatchKey(registry, aContract({ method }), date(day));

  it("tells apart dates on which a fee schedule's rates differ", () => {
    expect(keyOn(feeSchedule("FS_Acme"), "2025-03-04")).not.toBe(keyOn(feeSchedule("FS_Acme"), "2025-09-04"));
  });

  it("keeps one key for dates on which the fee schedule's rates are the same", () => {
    expect(keyOn(feeSchedule("FS_Acme"), "2025-03-04")).toBe(keyOn(feeSchedule("FS_Acme"), "2025-05-31"));
  });

  it("adds nothing for a percent of billed, whose amount does not depend on the date", () => {
    expect(keyOn(percentOfBilled("0.6"), "2025-03-04")).toBe("");
  });
});

describe("lesser-of in whole cents", () => {
  it("binds a charge equal to the rounded amount when the exact amount lies above it", () => {
    expect([chargeIsLess(9662, 9662, true), chargeIsLess(9662, 9662, false)]).toEqual([true, false]);
  });

  it("agrees with an exact decimal comparison of the charge and the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 7 }), (micros, charge) => {
        const amount = new Decimal(micros).dividedBy(10 ** 6);
        const cents = toCents(amount);
        const exact = new Decimal(charge).dividedBy(100).lessThan(amount);
        expect(chargeIsLess(charge, cents, amount.times(100).greaterThan(cents))).toBe(exact);
      }),
    );
  });
});
