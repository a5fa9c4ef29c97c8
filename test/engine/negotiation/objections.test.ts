/**
 * The payer's common objections (issue 17 item 4), declared once: each is answered from evidence the workbook holds
 * or the user enters, and names that evidence in the order its counterpoint reads it.
 */
import { evidenceOf, OBJECTION_EVIDENCE, OBJECTION_KEYS, OBJECTIONS } from "../../../src/engine";

describe("the objections a payer raises", () => {
  it("answers 'your quality is average' with the denial rate, payment accuracy, readmissions and HCAHPS rating", () => {
    expect(evidenceOf("quality")).toEqual(["denialRate", "paymentAccuracy", "readmissionRate", "hcahpsStars"]);
  });

  it("answers 'your rates are above market' from the Benchmarks table only", () => {
    expect(evidenceOf("aboveMarket").map((key) => OBJECTION_EVIDENCE[key].source)).toEqual(["benchmarks", "benchmarks"]); // prettier-ignore
  });

  it("gives every objection a counterpoint built on at least one figure", () => {
    expect(OBJECTION_KEYS.filter((key) => evidenceOf(key).length === 0)).toEqual([]);
  });

  it("words no text with a double quote, which a sheet formula's string could not hold in every engine", () => {
    const labels = Object.values(OBJECTION_EVIDENCE).map((spec) => spec.label);
    const words = OBJECTION_KEYS.flatMap((key) => [OBJECTIONS[key].objection, ...OBJECTIONS[key].counterpoint.filter((p) => typeof p === "string")]); // prettier-ignore
    expect([...words, ...labels].filter((w) => w.includes('"'))).toEqual([]);
  });
});
