import { conversionFactorOn } from "../../src/engine/conversionFactor";
import { date } from "./builders";

const cf = (serviceDate: string, apm?: "qp" | "non-qp"): string => {
  const result = conversionFactorOn(date(serviceDate), apm);
  return result.ok ? result.value.conversionFactor.toString() : result.issue.code;
};

describe("the Medicare conversion factor by date of service", () => {
  it("uses 32.7442 up to 8 March 2024", () => expect(cf("2024-03-08")).toBe("32.7442"));
  it("uses 33.2875 from 9 March 2024 (CAA 2024)", () => expect(cf("2024-03-09")).toBe("33.2875"));
  it("uses 32.3465 all of 2025", () => expect([cf("2025-01-01"), cf("2025-12-31")]).toEqual(["32.3465", "32.3465"]));
  it("uses 33.4009 in 2026 for clinicians who are not qualifying APM participants", () =>
    expect(cf("2026-06-01")).toBe("33.4009"));
  it("uses 33.5675 in 2026 for qualifying APM participants", () => expect(cf("2026-06-01", "qp")).toBe("33.5675"));
  it("reports a date no conversion factor covers", () => expect(cf("2023-06-01")).toBe("conversionFactorNotFound"));
});
