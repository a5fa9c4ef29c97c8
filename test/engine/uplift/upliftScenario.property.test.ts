import fc from "fast-check";
import { Decimal } from "../../../src/engine/decimal";
import { parseHcpcsCode } from "../../../src/engine/hcpcsCode";
import { flat, referenceDeltaCents, scenarioOf } from "./support";

// Claim lines over a few codes (as numbers and text, so some rows share a code written two ways), amounts in cents.
const line = fc.record({
  code: fc.constantFrom<unknown>("99213", 99213, "99214", 20610, "J1100", 110),
  cents: fc.integer({ min: 0, max: 5_000_000 }),
  headroomCents: fc.integer({ min: 0, max: 200_000 }),
});
const lines = fc.array(line, { minLength: 1, maxLength: 40 });
const percent = fc.integer({ min: -100, max: 300 });
const topN = fc.option(fc.integer({ min: 1, max: 8 }), { nil: null });

const codeOf = (raw: unknown): string | null => {
  const parsed = parseHcpcsCode(raw);
  return parsed.ok ? parsed.value : null;
};

const columns = (ls: { code: unknown; cents: number; headroomCents: number }[]) => ({
  codes: ls.map((l) => l.code),
  amounts: ls.map((l) => l.cents / 100),
  billed: ls.map((l) => (l.cents + l.headroomCents) / 100),
});

describe("uplift scenario properties", () => {
  it("adds nothing with an uplift of 0, with or without billed charges", () => {
    fc.assert(
      fc.property(lines, topN, fc.boolean(), (ls, n, withBilled) => {
        const { codes, amounts, billed } = columns(ls);
        const scenario = scenarioOf({ codes, amounts, uplift: flat(0), topN: n, billed: withBilled ? billed : null });
        return scenario.deltaCents === 0 && scenario.newCents === scenario.currentCents;
      }),
    );
  });

  it("gives a new total equal to current plus delta, and code lines that add up to the totals", () => {
    fc.assert(
      fc.property(lines, percent, topN, (ls, p, n) => {
        const { codes, amounts } = columns(ls);
        const s = scenarioOf({ codes, amounts, uplift: flat(p / 100), topN: n });
        const sum = (pick: (c: (typeof s.codes)[number]) => number) => s.codes.reduce((t, c) => t + pick(c), 0);
        return (
          s.newCents === s.currentCents + s.deltaCents &&
          sum((c) => c.currentCents) === s.currentCents &&
          sum((c) => c.deltaCents) === s.deltaCents &&
          sum((c) => c.lineCount) === ls.length
        );
      }),
    );
  });

  it("never lifts a code above its billed charges when each line was at or under its charge", () => {
    fc.assert(
      fc.property(lines, percent, topN, (ls, p, n) => {
        const { codes, amounts, billed } = columns(ls);
        const s = scenarioOf({ codes, amounts, billed, uplift: flat(p / 100), topN: n });
        return s.codes.every((c) => {
          const billedCents = ls
            .filter((l) => codeOf(l.code) === c.hcpcsCode)
            .reduce((t, l) => t + l.cents + l.headroomCents, 0);
          return c.newCents <= billedCents;
        });
      }),
    );
  });

  it("matches the definition computed line by line with decimal.js", () => {
    fc.assert(
      fc.property(lines, percent, topN, (ls, p, n) => {
        const { codes, amounts, billed } = columns(ls);
        const s = scenarioOf({ codes, amounts, billed, uplift: flat(p / 100), topN: n });
        const reference = referenceDeltaCents(
          { codes, cents: ls.map((l) => l.cents), billedCents: ls.map((l) => l.cents + l.headroomCents) },
          new Decimal(p).dividedBy(100),
          n,
        );
        return s.deltaCents === reference;
      }),
      { numRuns: 300 },
    );
  });

  it("nets a set of lines and their reversals to zero before and after the uplift", () => {
    fc.assert(
      fc.property(lines, percent, fc.boolean(), (ls, p, withBilled) => {
        const { codes, amounts, billed } = columns(ls);
        const s = scenarioOf({
          codes: [...codes, ...codes],
          amounts: [...amounts, ...amounts.map((a) => -a)],
          billed: withBilled ? [...billed, ...billed.map((b) => -b)] : null,
          uplift: flat(p / 100),
        });
        return s.currentCents === 0 && s.newCents === 0;
      }),
    );
  });
});
