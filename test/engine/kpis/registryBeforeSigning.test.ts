/**
 * The registry a signed proposal is modeled against (issue 15 item 3): once the signed rates are in PayerContracts,
 * the contract's lines are priced at the rates in effect the day before the effective date.
 */
import { buildContractRegistry } from "../../../src/engine/contracts/registry";
import { findContractVersion } from "../../../src/engine/contracts/versionSelection";
import { registryBeforeSigning } from "../../../src/engine/kpis/registryBeforeSigning";
import { aContract, date, percentOfMedicare } from "../contracts/builders";

/** An ISO date as an Excel day number. */
const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

const SIGNED_JULY = [{ contractName: "ACME PPO", effectiveDay: day("2025-07-01") }];

/** Acme's 2025 fee schedule to June, then the signed rates (110% of Medicare) from July. */
const entered = buildContractRegistry({
  versions: [
    aContract({ effectiveEndDate: date("2025-06-30") }),
    aContract({ effectiveStartDate: date("2025-07-01"), method: percentOfMedicare("1.10"), sourceRowNumber: 3 }),
  ],
}).registry;

describe("the registry before a signing", () => {
  test("prices a contract whose signed rates are entered at the rates in effect the day before, on every later date", () => {
    const { registry, ratesBefore } = registryBeforeSigning(entered, SIGNED_JULY);
    expect(ratesBefore.get("acme ppo")).toEqual({ inEffectOn: "2025-06-30" });
    const version = findContractVersion(registry, "Acme PPO", date("2025-09-15"));
    expect(version.ok && version.value.method.kind).toBe("fee schedule");
  });

  test("leaves a contract alone while its signed rates are not entered", () => {
    const notYet = buildContractRegistry({ versions: [aContract()] }).registry;
    const { registry, ratesBefore } = registryBeforeSigning(notYet, SIGNED_JULY);
    expect(ratesBefore.size).toBe(0);
    expect(registry.versionsByName.get("acme ppo")).toBe(notYet.versionsByName.get("acme ppo"));
  });

  test("says nothing can be modeled when no rates were in effect the day before the signing", () => {
    const onlySigned = buildContractRegistry({
      versions: [aContract({ effectiveStartDate: date("2025-07-01"), method: percentOfMedicare("1.10") })],
    }).registry;
    expect(registryBeforeSigning(onlySigned, SIGNED_JULY).ratesBefore.get("acme ppo")).toBeNull();
  });

  test("keeps the earlier versions for lines served before them", () => {
    const threeYears = buildContractRegistry({
      versions: [
        aContract({ effectiveStartDate: date("2024-01-01"), effectiveEndDate: date("2024-12-31"), method: percentOfMedicare("1.15") }), // prettier-ignore
        aContract({ effectiveEndDate: date("2025-06-30"), sourceRowNumber: 3 }),
        aContract({ effectiveStartDate: date("2025-07-01"), method: percentOfMedicare("1.10"), sourceRowNumber: 4 }),
      ],
    }).registry;
    const { registry } = registryBeforeSigning(threeYears, SIGNED_JULY);
    const version = findContractVersion(registry, "Acme PPO", date("2024-05-01"));
    expect(version.ok && version.value.method).toEqual(expect.objectContaining({ kind: "percent of medicare" }));
  });
});
