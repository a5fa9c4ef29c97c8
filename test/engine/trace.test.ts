/** Pricing traces as data: typed steps with exact numbers and their source, worded only by formatTrace. */
import { priceLine } from "../../src/engine/contracts/priceLine";
import type { ContractLine, ContractPrice } from "../../src/engine/contracts/types";
import { Decimal } from "../../src/engine/decimal";
import type { Cents } from "../../src/engine/money";
import { formatTrace, formatTraceStep, type TraceStep } from "../../src/engine/trace";
import { aCarveOut, aContract, aFeeRow, aFeeSchedule, aLine, aRegistry, d } from "./contracts/builders";

const price = (registry: ReturnType<typeof aRegistry>, line: ContractLine): ContractPrice => {
  const result = priceLine(registry, line);
  if (!result.ok) throw new Error(`expected a price, got ${result.issue.code}`);
  return result.value;
};
const stepOf = <K extends TraceStep["kind"]>(trace: readonly TraceStep[], kind: K) =>
  trace.find((step): step is Extract<TraceStep, { kind: K }> => step.kind === kind);

describe("a pricing trace", () => {
  it("records the fee schedule row a rate came from, with the rate as an exact decimal", () => {
    const registry = aRegistry({
      feeSchedules: [aFeeSchedule("FS_Acme", aFeeRow({ nonFacilityRate: "96.625", sourceRowNumber: 12 }))],
    });
    const row = stepOf(price(registry, aLine()).trace, "feeScheduleRow");
    expect(row?.source).toEqual({ kind: "fee schedule row", scheduleName: "FS_Acme", rowNumber: 12 });
    expect(row?.rate.equals(new Decimal("96.625"))).toBe(true);
  });

  it("records the registry row of the contract version and the carve-out row that priced the line", () => {
    const registry = aRegistry({
      versions: [aContract({ sourceRowNumber: 7 })],
      carveOuts: [aCarveOut({ from: "36415", sourceRowNumber: 4 })],
    });
    const trace = price(registry, aLine({ hcpcsCode: "36415" })).trace;
    expect(stepOf(trace, "contractVersion")?.source).toEqual({ kind: "registry row", rowNumber: 7 });
    expect(stepOf(trace, "carveOut")?.source).toEqual({ kind: "carve-out row", rowNumber: 4 });
  });

  it("keeps the charge in cents and the amount it capped as data when lesser-of binds", () => {
    const registry = aRegistry({ versions: [aContract({ lesserOf: true })] });
    const lesserOf = stepOf(price(registry, aLine({ chargeAmount: 9000 })).trace, "lesserOf");
    expect(lesserOf).toEqual({ kind: "lesserOf", outcome: "bound", chargeAmount: 9000, amount: d("110.00") });
  });

  it("words a step only when it is shown", () => {
    const step: TraceStep = { kind: "lesserOf", outcome: "bound", chargeAmount: 9000 as Cents, amount: d("110.5") };
    expect(formatTraceStep(step)).toBe("Lesser-of: billed charge 90.00 is less than 110.5, so the charge is paid");
  });

  it("numbers the steps from 1, one per line", () => {
    const lines = formatTrace(price(aRegistry(), aLine()).trace);
    expect(lines.map((line) => line.slice(0, line.indexOf(".")))).toEqual(lines.map((_, i) => String(i + 1)));
  });
});
