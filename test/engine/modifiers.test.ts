import { parseModifiers } from "../../src/engine/modifiers";

const read = (...cells: unknown[]): unknown => {
  const result = parseModifiers(...cells);
  return result.ok ? result.value : result.issue;
};

describe("reading modifiers", () => {
  it("reads one modifier", () => expect(read("26")).toEqual(["26"]));
  it("reads several from one cell separated by a space, comma or semicolon", () => {
    expect([read("26 59"), read("26,59"), read("26;59"), read("26, 59")]).toEqual([
      ["26", "59"],
      ["26", "59"],
      ["26", "59"],
      ["26", "59"],
    ]);
  });
  it("reads adjacent cells and skips empty ones", () => expect(read("lt", null, 50, "")).toEqual(["LT", "50"]));
  it("reads a modifier typed as a number", () => expect(read(59)).toEqual(["59"]));
  it("reads nothing as no modifiers", () => expect(read(null)).toEqual([]));
  it("accepts four modifiers", () => expect(read("26 59 XU GT")).toEqual(["26", "59", "XU", "GT"]));
  it("rejects a fifth modifier", () =>
    expect(read("26 59 XU GT", "95")).toEqual({ code: "tooManyModifiers", count: 5 }));
  it("rejects a modifier that is not two characters", () =>
    expect(read("26 5")).toEqual({ code: "modifierMalformed", value: "5" }));
  it("rejects a one-digit number rather than guessing a zero", () =>
    expect(read(5)).toEqual({ code: "modifierMalformed", value: "5" }));
  it("rejects modifiers run together without a separator", () =>
    expect(read("26TC")).toEqual({ code: "modifierMalformed", value: "26TC" }));
  it("rejects the same modifier twice", () =>
    expect(read("26", "26")).toEqual({ code: "modifierDuplicated", value: "26" }));
});
