// The outpatient batch pricer (issue 14 bench, issue 20 "the keyed batch path") answers what claim-by-claim pricing
// answers: every line's allowed amount and issue, on claims generated from the real CY2025 Addendum B with the rules
// that read the whole claim (J1, T ranking by day, Q1/Q2 packaging, observation, modifiers 73/74), claims that repeat
// on other dates, lesser-of on charges around the amount, carve-outs, and the issues that must name their own claim.
import { Decimal } from "../../../src/engine/decimal";
import type { InstitutionalCarveOut } from "../../../src/engine/institutional/carveOuts";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { Cents } from "../../../src/engine/money";
import { priceOutpatientClaims } from "../../../src/engine/outpatient/priceOutpatientClaim";
import { priceOutpatientLines } from "../../../src/engine/outpatient/priceOutpatientLines";
import type { OppsPricingData, OutpatientLine, OutpatientTerms } from "../../../src/engine/outpatient/types";
import type { RevenueCode } from "../../../src/engine/revenueCode";
import { describeWithSharedData } from "../../support/sharedData";
import { claimLines, opps2025, outpatientTerms, type LineSketch } from "./builders";

/** Each line's expected amount in cents or its issue (code and message fields), claim by claim, in input order. */
function oneByOne(lines: readonly OutpatientLine[], terms: OutpatientTerms, opps: OppsPricingData): unknown[] {
  const byLine = new Map<OutpatientLine, unknown>();
  for (const claim of priceOutpatientClaims(lines, terms, opps)) {
    const claimLinesOf = lines.filter((line) => line.claimId === claim.claimId);
    claim.lines.forEach((line, k) =>
      byLine.set(claimLinesOf[k]!, line.result.ok ? line.result.value.allowedAmount : line.result.issue),
    );
  }
  return lines.map((line) => byLine.get(line));
}

function batched(lines: readonly OutpatientLine[], terms: OutpatientTerms, opps: OppsPricingData): unknown[] {
  const priced = priceOutpatientLines(lines, terms, opps);
  return lines.map((_, i) => priced.issues.get(i) ?? priced.allowedAmount[i]);
}

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// Codes whose claim rules interact: J1 27447/29881, T 20610/10060/11042, S 96374, Q4 36415/85025, N C1776/J2405,
// V 99284/G0463, observation G0378; and codes with an issue: 71046 (Q3, not priced) and 0001F (E1, not paid).
const SERVICES: readonly (readonly [string, string | null])[] = [
  ["0360", "27447"], ["0360", "29881"], ["0360", "20610"], ["0360", "10060"], ["0361", "11042"], ["0260", "96374"],
  ["0320", "71046"], ["0300", "36415"], ["0300", "85025"], ["0278", "C1776"], ["0636", "J2405"], ["0450", "99284"],
  ["0510", "G0463"], ["0762", "G0378"], ["0270", null], ["0250", null], ["0300", "0001F"],
]; // prettier-ignore
const DAYS = ["2025-03-10", "2025-03-11", "2025-06-30", "2025-09-30", "2025-10-01", "2025-12-31", "2026-01-02"];

/** Claims of 1-5 lines; each claim's shape is drawn from a small pool so that shapes repeat on other dates. */
function generatedClaims(count: number, random: () => number): OutpatientLine[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const shapes = Array.from({ length: 40 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 5) }, (): LineSketch => {
      const [revenueCode, hcpcsCode] = pick(SERVICES);
      return {
        revenueCode,
        hcpcsCode,
        modifiers: random() < 0.1 ? [pick(["73", "74"])] : random() < 0.03 ? ["73", "74"] : [],
        units: hcpcsCode === "G0378" ? pick([4, 8, 12]) : pick([1, 1, 1, 2]),
        serviceDate: random() < 0.8 ? "+0" : "+1",
      };
    }),
  );
  const lines: OutpatientLine[] = [];
  for (let c = 1; c <= count; c++) {
    const first = pick(DAYS);
    const sketches = pick(shapes).map((s) => ({
      ...s,
      claimId: `C${c}`,
      serviceDate: s.serviceDate === "+0" ? first : new Date(Date.parse(first) + 86_400_000).toISOString().slice(0, 10),
      charge: pick([null, "1.00", "150.00", "2500.00", "99999.99"]),
    }));
    lines.push(...claimLines(...sketches));
  }
  return lines;
}

const carveOuts: InstitutionalCarveOut[] = [
  { match: { kind: "revenue code", from: "0278" as RevenueCode, to: "0278" as RevenueCode }, method: { kind: "percent of charges", percent: new Decimal("0.4") }, sourceRowNumber: 2 }, // prettier-ignore
  { match: { kind: "hcpcs code", from: "J2405" as HcpcsCode, to: "J2405" as HcpcsCode }, method: { kind: "rate per unit", rate: new Decimal("12.345") }, sourceRowNumber: 3 }, // prettier-ignore
];

// T procedures tied on their APC rate (10061, 10120 and 11042: APC 5052, $399.53; 20610 and 20611: APC 5441, $295.19)
// with the rules around them (J1 27447/29881, S 96360/96365 tied on APC 5693, Q1 93005, Q2 0412T, N J2405/C1776,
// J2 visits on 0450), for claims that list the same lines in other orders.
const TIED: readonly (readonly [string, string | null])[] = [
  ["0360", "10061"], ["0360", "10120"], ["0361", "11042"], ["0360", "20610"], ["0360", "20611"], ["0360", "27447"],
  ["0360", "29881"], ["0730", "93005"], ["0636", "J2405"], ["0278", "C1776"], ["0450", "99284"], ["0450", "99283"],
  ["0260", "96360"], ["0260", "96365"], ["0360", "0412T"], ["0270", null],
]; // prettier-ignore

/** Claims drawn from 30 shapes of 2-6 lines, each claim listing its shape's lines in an order of its own. */
function shuffledClaims(count: number, random: () => number): OutpatientLine[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const shapes = Array.from({ length: 30 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 5) }, (): LineSketch => {
      const [revenueCode, hcpcsCode] = pick(TIED);
      const modifiers = random() < 0.15 ? [pick(["73", "74"])] : [];
      return {
        revenueCode,
        hcpcsCode,
        modifiers,
        units: pick([1, 1, 2, 3]),
        serviceDate: random() < 0.8 ? "+0" : "+1",
      };
    }),
  );
  const lines: OutpatientLine[] = [];
  for (let c = 1; c <= count; c++) {
    const first = pick(DAYS.slice(0, 4));
    const shape = [...pick(shapes)];
    for (let k = shape.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [shape[k], shape[j]] = [shape[j]!, shape[k]!];
    }
    const sketches = shape.map((s) => ({
      ...s,
      claimId: `S${c}`,
      serviceDate: s.serviceDate === "+0" ? first : new Date(Date.parse(first) + 86_400_000).toISOString().slice(0, 10),
      charge: pick([null, "1.00", "150.00", "2500.00", "99999.99"]),
    }));
    lines.push(...claimLines(...sketches));
  }
  return lines;
}

describeWithSharedData("pricing many outpatient lines at once", () => {
  const lines = generatedClaims(1_500, generator(20_251_207));
  const opps = opps2025("0.8732");
  const percentOfOpps = { kind: "percent of opps", percent: new Decimal("1.4375") } as const;

  it("answers every line as claim-by-claim pricing does, at a percent of OPPS with lesser-of", () => {
    const terms = outpatientTerms({ method: percentOfOpps, lesserOf: true });
    expect(batched(lines, terms, opps)).toEqual(oneByOne(lines, terms, opps));
  });

  it("answers every line as claim-by-claim pricing does, with carve-outs (one at a percent of charges)", () => {
    const terms = outpatientTerms({ method: percentOfOpps, lesserOf: true, carveOuts });
    expect(batched(lines, terms, opps)).toEqual(oneByOne(lines, terms, opps));
  });

  it("answers every line as claim-by-claim pricing does, at a percent of charges", () => {
    const terms = outpatientTerms({ method: { kind: "percent of charges", percent: new Decimal("0.55") } });
    expect(batched(lines, terms, opps)).toEqual(oneByOne(lines, terms, opps));
  });

  it("prices each claim shape once, not each claim, where no line has an issue", () => {
    const terms = outpatientTerms({ method: percentOfOpps, lesserOf: true });
    const failed = new Set([...priceOutpatientLines(lines, terms, opps).issues.keys()].map((i) => lines[i]!.claimId));
    const clean = lines.filter((line) => !failed.has(line.claimId));
    const priced = priceOutpatientLines(clean, terms, opps);
    expect(priced.issues.size).toBe(0);
    // 40 shapes, each on at most 3 combinations of Addendum B tables (a second day may fall in the next quarter).
    expect(priced.decimalPricings).toBeLessThanOrEqual(120);
    expect(new Set(clean.map((line) => line.claimId)).size).toBeGreaterThan(500);
  });

  describe("claims that list the same lines in other orders", () => {
    const shuffled = shuffledClaims(1_200, generator(20_251_208));

    it("pays every line what claim-by-claim pricing pays it, with T procedures tied on their APC rate", () => {
      const terms = outpatientTerms({ method: percentOfOpps, lesserOf: true, carveOuts });
      expect(batched(shuffled, terms, opps)).toEqual(oneByOne(shuffled, terms, opps));
    });

    it("prices claims holding the same lines once, whatever their order", () => {
      const priced = priceOutpatientLines(shuffled, outpatientTerms({ method: percentOfOpps }), opps);
      expect(priced.issues.size).toBe(0);
      // 30 shapes, each on at most 2 combinations of Addendum B tables: not one pricing per order of the lines.
      expect(priced.decimalPricings).toBeLessThanOrEqual(60);
    });

    it("keeps a per-visit revenue code rate on the visit's first line, as claim-by-claim pricing does", () => {
      const rates = [
        { revenueCodeFrom: "0450" as RevenueCode, revenueCodeTo: "0459" as RevenueCode, rate: new Decimal("850"), basis: "per visit", sourceRowNumber: 2 }, // prettier-ignore
        { revenueCodeFrom: "0001" as RevenueCode, revenueCodeTo: "0999" as RevenueCode, rate: new Decimal("12.5"), basis: "per unit", sourceRowNumber: 3 }, // prettier-ignore
      ] as const;
      const terms = outpatientTerms({ method: { kind: "revenue code rates", rateTableName: "Rates" }, revenueCodeRates: rates }); // prettier-ignore
      expect(batched(shuffled, terms, opps)).toEqual(oneByOne(shuffled, terms, opps));
    });
  });

  describe("claims whose lines do not come together", () => {
    const terms = outpatientTerms({ method: percentOfOpps, lesserOf: true });

    it("prices the lines of a claim that come again after other claims with the rest of their claim", () => {
      const comesLater = (line: OutpatientLine) =>
        line.claimLineNumber === 2 && Number(line.claimId.slice(1)) % 7 === 0;
      const reordered = [...lines.filter((line) => !comesLater(line)), ...lines.filter(comesLater)];
      expect(batched(reordered, terms, opps)).toEqual(oneByOne(reordered, terms, opps));
    });

    it("prices claims in any order of claim ids and lines as claim-by-claim pricing does", () => {
      const random = generator(20_251_209);
      const shuffledLines = [...lines];
      for (let k = shuffledLines.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [shuffledLines[k], shuffledLines[j]] = [shuffledLines[j]!, shuffledLines[k]!];
      }
      expect(batched(shuffledLines, terms, opps)).toEqual(oneByOne(shuffledLines, terms, opps));
    });
  });

  it("names each claim's own line and date in an issue, when another claim of the same shape failed first", () => {
    const terms = outpatientTerms({ method: percentOfOpps });
    const noTableLines = claimLines(
      { claimId: "A", hcpcsCode: "71046", serviceDate: "2024-06-03" },
      { claimId: "B", hcpcsCode: "71046", serviceDate: "2024-08-19" },
    );
    const priced = priceOutpatientLines(noTableLines, terms, opps);
    expect([priced.issues.get(0), priced.issues.get(1)]).toMatchObject([
      { code: "oppsTableNotInEffect", serviceDate: "2024-06-03" },
      { code: "oppsTableNotInEffect", serviceDate: "2024-08-19" },
    ]);
    expect(Number.isNaN(priced.allowedAmount[0])).toBe(true);
  });

  it("caps a line at its charge where lesser-of binds, and pays the amount where the charge is higher", () => {
    const terms = outpatientTerms({ method: percentOfOpps, lesserOf: true });
    const [cheap, dear] = [1 as Cents, 9_999_999 as Cents];
    const pair = claimLines({ claimId: "A", hcpcsCode: "96374" }, { claimId: "B", hcpcsCode: "96374" }).map(
      (line, i) => ({ ...line, chargeAmount: i === 0 ? cheap : dear }),
    );
    const priced = priceOutpatientLines(pair, terms, opps);
    expect(priced.allowedAmount[0]).toBe(1);
    expect(priced.allowedAmount[1]).toBe(oneByOne([pair[1]!], terms, opps)[0]);
    expect(priced.allowedAmount[1]).toBeGreaterThan(1);
  });
});
