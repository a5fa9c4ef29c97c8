// The outpatient concepts are declared once (issue 11): status indicators, methods and trace steps are tables over
// their closed sets, so the compiler names what a new case must add; these tests pin the tables to the real files.
import { methodChoices } from "../../../src/engine/contracts/methods";
import { Decimal } from "../../../src/engine/decimal";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { IsoDate } from "../../../src/engine/isoDate";
import type { Modifier } from "../../../src/engine/modifiers";
import type { Cents } from "../../../src/engine/money";
import { OUTPATIENT_METHODS } from "../../../src/engine/outpatient/methods";
import { REVENUE_CODE_RATE_BASES } from "../../../src/engine/outpatient/revenueCodeRates";
import {
  OPPS_STATUS_INDICATOR_CODES,
  OPPS_STATUS_INDICATORS,
  parseStatusIndicator,
  type OppsStatusIndicator,
  type StatusIndicatorEntry,
} from "../../../src/engine/outpatient/statusIndicators";
import type { OutpatientTraceStep } from "../../../src/engine/outpatient/traceSteps";
import type { OutpatientMethod } from "../../../src/engine/outpatient/types";
import type { RevenueCode } from "../../../src/engine/revenueCode";
import { formatTraceStep } from "../../../src/engine/trace";
import { describeWithSharedData } from "../../support/sharedData";
import { addendumB } from "./builders";

describeWithSharedData("status indicators", () => {
  it("declares every status indicator the 2025 Addendum B files use", () => {
    const used = new Set<string>();
    for (const quarter of ["january", "october"] as const)
      for (const row of addendumB(quarter).rows.values()) used.add(row.statusIndicator);
    expect([...used].filter((si) => parseStatusIndicator(si) === null)).toEqual([]);
    expect(used.size).toBe(27);
  });
});

describe("status indicator table", () => {
  it("does not wage-adjust blood, brachytherapy and separately paid drugs (R, U, K, G), and adjusts APC services", () => {
    const notAdjusted = OPPS_STATUS_INDICATOR_CODES.filter(
      (si) => OPPS_STATUS_INDICATORS[si].payment.kind !== "notPriced" && !OPPS_STATUS_INDICATORS[si].wageAdjusted,
    );
    expect(notAdjusted).toEqual(["G", "K", "R", "U"]);
  });

  it("does not price the indicators paid outside APCs or by rules it lacks, and gives each a reason", () => {
    const notPriced = OPPS_STATUS_INDICATOR_CODES.flatMap((si) => {
      const payment = OPPS_STATUS_INDICATORS[si].payment;
      return payment.kind === "notPriced" ? [[si, payment.reason.length > 20] as const] : [];
    });
    expect(notPriced.map(([si]) => si).join(" ")).toBe("A B C D E1 E2 F H H1 K1 L M P Q3 Q4 Y");
    expect(notPriced.every(([, hasReason]) => hasReason)).toBe(true);
  });

  it("makes a new indicator without an entry a compile error", () => {
    // @ts-expect-error "Z9" has no entry: the table must say how it is paid.
    const withNew: Record<OppsStatusIndicator | "Z9", StatusIndicatorEntry> = OPPS_STATUS_INDICATORS;
    expect(Object.keys(withNew)).toHaveLength(OPPS_STATUS_INDICATOR_CODES.length);
  });
});

describe("outpatient methods", () => {
  it("reads the words a registry cell may hold for each method", () => {
    const { words, labels } = methodChoices(OUTPATIENT_METHODS);
    expect([words["% of opps"], words["rev code rates"], words["% of billed"]]).toEqual([
      "percent of opps",
      "revenue code rates",
      "percent of charges",
    ]);
    expect(labels).toEqual(["Percent of OPPS", "Revenue Code Rates", "Percent of Charges"]);
  });

  it("makes a new method kind without an entry a compile error", () => {
    type WithMedicaid = OutpatientMethod | { readonly kind: "percent of medicaid"; readonly percent: Decimal };
    // @ts-expect-error "percent of medicaid" has no entry in OUTPATIENT_METHODS.
    const withNew: { readonly [K in WithMedicaid["kind"]]: unknown } = OUTPATIENT_METHODS;
    expect(Object.keys(withNew)).toHaveLength(3);
  });

  it("builds a method from its registry cells, and none when a needed cell is blank", () => {
    const cells = { percent: new Decimal("1.5"), rateTable: null };
    expect(OUTPATIENT_METHODS["percent of opps"].fromCells(cells)).toEqual({ kind: "percent of opps", percent: new Decimal("1.5") }); // prettier-ignore
    expect(OUTPATIENT_METHODS["revenue code rates"].fromCells(cells)).toBeNull();
  });
});

describe("revenue code rate bases", () => {
  it("reads the words a rate table's Basis column may hold", () => {
    const { words, labels } = methodChoices(REVENUE_CODE_RATE_BASES);
    expect([words["per unit"], words["visit"], words["per encounter"]]).toEqual(["per unit", "per visit", "per visit"]);
    expect(labels).toEqual(["Per Unit", "Per Visit"]);
  });
});

/** One sample of every outpatient trace step (a new step kind without a sample does not compile). */
const SAMPLES: { readonly [K in OutpatientTraceStep["kind"]]: Extract<OutpatientTraceStep, { kind: K }> } = {
  outpatientLine: { kind: "outpatientLine", claimId: "C1", claimLineNumber: 2, revenueCode: "0450" as RevenueCode, hcpcsCode: "99284" as HcpcsCode, modifiers: ["25" as Modifier], units: new Decimal(1), chargeAmount: 120000 as Cents, serviceDate: "2025-03-10" as IsoDate }, // prettier-ignore
  outpatientTerms: { kind: "outpatientTerms", contractName: "Mercy", method: { kind: "percent of opps", percent: new Decimal("1.5") }, source: { kind: "registry row", rowNumber: 4 } }, // prettier-ignore
  institutionalCarveOut: { kind: "institutionalCarveOut", match: { kind: "hcpcs code", from: "J0120" as HcpcsCode, to: "J9999" as HcpcsCode }, method: { kind: "rate per unit", rate: new Decimal("80") }, source: { kind: "carve-out row", rowNumber: 7 } }, // prettier-ignore
  oppsRow: { kind: "oppsRow", tableLabel: "Addendum B 2025-01", hcpcsCode: "G0463" as HcpcsCode, statusIndicator: "J2", apc: "5012", paymentRate: new Decimal("128.87"), source: { kind: "Addendum B row", rowNumber: 14280 } }, // prettier-ignore
  oppsWageAdjustment: { kind: "oppsWageAdjustment", wageIndex: new Decimal("0.8"), factor: new Decimal("0.88"), before: new Decimal("128.87"), amount: new Decimal("113.4056") }, // prettier-ignore
  oppsNotWageAdjusted: { kind: "oppsNotWageAdjusted", statusIndicator: "K" },
  oppsSeparateApc: { kind: "oppsSeparateApc", statusIndicator: "J2" },
  oppsPackaged: { kind: "oppsPackaged", statusIndicator: null, packaging: { kind: "no hcpcs" } },
  oppsComprehensive: { kind: "oppsComprehensive", packagedLineNumbers: [2, 3], before: new Decimal("12866.82"), amount: new Decimal("12866.82") }, // prettier-ignore
  oppsMultipleProcedure: { kind: "oppsMultipleProcedure", rank: 2, fullUnits: new Decimal(0), discountedUnits: new Decimal(1), factor: new Decimal("0.5"), before: new Decimal("198.7"), amount: new Decimal("99.35") }, // prettier-ignore
  oppsUnits: { kind: "oppsUnits", units: new Decimal(10), before: new Decimal("73.19"), amount: new Decimal("731.9") },
  oppsDiscontinued: { kind: "oppsDiscontinued", modifier: "73" as Modifier, factor: new Decimal("0.5"), before: new Decimal("937.56"), amount: new Decimal("468.78") }, // prettier-ignore
  oppsPercent: { kind: "oppsPercent", percent: new Decimal("1.5"), before: new Decimal("100"), amount: new Decimal("150") }, // prettier-ignore
  revenueCodeRate: { kind: "revenueCodeRate", revenueCodeFrom: "0450" as RevenueCode, revenueCodeTo: "0459" as RevenueCode, rate: new Decimal("850"), basis: "per visit", source: { kind: "rate table row", tableName: "MercyRates", rowNumber: 2 } }, // prettier-ignore
  visitRateIncluded: { kind: "visitRateIncluded", paidOnLineNumber: 1 },
};

describe("outpatient trace steps in words", () => {
  it.each(Object.values(SAMPLES).map((step) => [step.kind, step] as const))("words a %s step", (_kind, step) => {
    expect(formatTraceStep(step)).toMatch(/\S/);
  });

  it("words the J1 packaging, the T discount and the wage adjustment with their numbers", () => {
    expect(
      [SAMPLES.oppsComprehensive, SAMPLES.oppsMultipleProcedure, SAMPLES.oppsWageAdjustment].map(formatTraceStep),
    ).toEqual([
      // prettier-ignore
      "Comprehensive APC (J1), paid once for the claim with line(s) 2, 3 packaged into it: 12866.82",
      "Multiple procedure discount, rank 2 of the day's T procedures: 0 unit(s) at 100% + 1 at 50%: 198.7 x 0.5 = 99.35",
      "Wage adjustment (0.60 x wage index 0.8 + 0.40 = 0.88): 128.87 x 0.88 = 113.4056",
    ]);
  });
});
