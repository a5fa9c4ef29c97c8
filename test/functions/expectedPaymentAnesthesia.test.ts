// PAYER.EXPECTED_PAYMENT on anesthesia codes, whose units are minutes: a blank units cell would be priced as 1 minute,
// so it is refused. (MEDICARE_RATE's answer for them is tested on the real PPRRVU in test/engine/contracts/anesthesia.)
import "./support/installShim";
import { expectedPaymentResult } from "../../src/functions/expectedPayment";
import { registryCache } from "../../src/functions/registryCache";
import { buildSampleWorkbook } from "../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../src/playground/simulator";

const SUMMIT = "Summit Medicare Advantage";
const DATE = "2025-06-30";
const messageOf = (result: unknown) => {
  // One line answers a single cell, not a column.
  const cell = (Array.isArray(result) ? result[0][0] : result) as { code?: string; message?: string };
  return `${cell.code}: ${cell.message}`;
};

beforeAll(async () => {
  await registryCache.start(new WorkbookSimulator(buildSampleWorkbook()).excel);
});

describe("anesthesia codes in PAYER.EXPECTED_PAYMENT", () => {
  it("asks EXPECTED_PAYMENT for the minutes when the units cell of an anesthesia line is blank", () => {
    const result = expectedPaymentResult(SUMMIT, [["00790"]], null, [[null]], null, DATE, null);
    expect(messageOf(result)).toBe(
      "#VALUE!: 00790 is an anesthesia code: its units are the anesthesia minutes. Enter the minutes as units (e.g. 62).",
    );
  });
});
