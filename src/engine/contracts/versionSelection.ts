import type { IsoDate } from "../isoDate";
import { fail, ok, type Result } from "../result";
import { registryKey, type ContractRegistry } from "./registry";
import type { ContractVersion } from "./types";

/**
 * The version of a contract in effect on a date of service, start and end dates inclusive (DOMAIN.md 3.2: contracts
 * are versioned by effective dates; the version is chosen by date of service, never by today's date).
 * Unknown names list the known ones; a date no version covers names the contract, the date and the versions.
 */
export function findContractVersion(
  registry: ContractRegistry,
  contractName: string,
  serviceDate: IsoDate,
): Result<ContractVersion> {
  const versions = registry.versionsByName.get(registryKey(contractName));
  if (versions === undefined)
    return fail({ code: "contractNotFound", contractName: contractName.trim(), knownNames: registry.contractNames });
  const version = versions.find((v) => v.effectiveStartDate <= serviceDate && serviceDate <= v.effectiveEndDate);
  if (version) return ok(version);
  return fail({
    code: "contractVersionNotInEffect",
    contractName: versions[0]!.contractName,
    serviceDate,
    periods: versions.map((v) => `${v.effectiveStartDate} to ${v.effectiveEndDate}`),
  });
}
