// Type-level specification: the domain brands are not interchangeable. The expect-error directives below are checked by
// `npx tsc --noEmit -p .` (jest only transpiles); if a brand stopped being unique, tsc would report an unused
// expect-error directive and fail.
import type { HcpcsCode } from "../../src/engine/hcpcsCode";
import type { IsoDate } from "../../src/engine/isoDate";
import type { Modifier } from "../../src/engine/modifiers";
import type { Cents } from "../../src/engine/money";
import type { PlaceOfServiceCode } from "../../src/engine/placeOfService";
import { parseHcpcsCode } from "../../src/engine/hcpcsCode";

function takesCode(value: HcpcsCode): string {
  return value;
}
function takesModifier(value: Modifier): string {
  return value;
}
function takesPlaceOfService(value: PlaceOfServiceCode): string {
  return value;
}
function takesDate(value: IsoDate): string {
  return value;
}
function takesCents(value: Cents): number {
  return value;
}

describe("branded domain types", () => {
  it("refuse plain values and each other at compile time, yet stay plain strings and numbers at run time", () => {
    const modifier = "26" as Modifier;
    const placeOfService = "11" as PlaceOfServiceCode;
    const serviceDate = "2025-01-01" as IsoDate;
    const cents = 100 as Cents;
    const code = "99213" as HcpcsCode;

    // @ts-expect-error a plain string is not a HCPCS code
    takesCode("99213");
    // @ts-expect-error a modifier is not a HCPCS code
    takesCode(modifier);
    // @ts-expect-error a HCPCS code is not a modifier
    takesModifier(code);
    // @ts-expect-error a modifier is not a place of service
    takesPlaceOfService(modifier);
    // @ts-expect-error a place of service is not a date
    takesDate(placeOfService);
    // @ts-expect-error a plain number is not cents
    takesCents(100);
    // @ts-expect-error a HCPCS code is not a date
    takesDate(code);

    const parsed = parseHcpcsCode("99213");
    expect(parsed.ok && takesCode(parsed.value)).toBe("99213");
    expect([
      takesModifier(modifier),
      takesPlaceOfService(placeOfService),
      takesDate(serviceDate),
      takesCents(cents),
    ]).toEqual(["26", "11", "2025-01-01", 100]);
  });
});
