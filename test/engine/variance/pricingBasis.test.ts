/** The basis a variance reason cites: read from the price's typed trace steps, never from the trace's words. */
import { priceLine } from "../../../src/engine/contracts/priceLine";
import type { ContractLine } from "../../../src/engine/contracts/types";
import { pricingBasisText } from "../../../src/engine/variance/reviewLines";
import {
  aCarveOut,
  aContract,
  aFeeRow,
  aFeeSchedule,
  aLine,
  aRegistry,
  d,
  percentOfMedicare,
} from "../contracts/builders";

const basisOf = (registry: ReturnType<typeof aRegistry>, line: ContractLine): string => {
  const result = priceLine(registry, line);
  if (!result.ok) throw new Error(`expected a price, got ${result.issue.code}`);
  return pricingBasisText(result.value);
};

describe("the pricing basis of a variance reason", () => {
  it("names the fee schedule and the row of the rate", () => {
    const registry = aRegistry({ feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ sourceRowNumber: 12 }))] });
    expect(basisOf(registry, aLine())).toBe("fee schedule FS_Acme row 12");
  });

  it("names the carve-out range that priced the code", () => {
    const registry = aRegistry({
      carveOuts: [aCarveOut({ from: "J0120", to: "J9999", method: { kind: "percent of billed", percent: d("0.55") } })],
    });
    expect(basisOf(registry, aLine({ hcpcsCode: "J1100", chargeAmount: 10000 }))).toBe("carve-out J0120-J9999");
  });

  it("names the method and the registry row when no schedule row priced the line", () => {
    const registry = aRegistry({ versions: [aContract({ method: percentOfMedicare("1.2"), sourceRowNumber: 5 })] });
    expect(basisOf(registry, aLine())).toBe("percent of medicare under Acme PPO (registry row 5)");
  });
});
