/**
 * The payer's common objections in a rate negotiation (issue 17 item 4), declared once: each objection, the evidence
 * from the workbook that answers it, and the counterpoint sentence built from that evidence. The Objections sheet
 * (src/excel/negotiation/objectionSheetLayout.ts) turns each template into a native formula over the evidence cells,
 * so the sentence follows the figures when the workbook changes; the pane and the sheet never word an objection
 * themselves.
 */

/** Where a piece of evidence comes from: what the workbook must hold for the sheet to fill it. */
export type EvidenceSource = "benchmarks" | "review" | "claims" | "input";

/** How a figure reads in a sentence: the format of Excel's TEXT() and of its cell. */
export type EvidenceFormat = "percent" | "count" | "stars";

/** One piece of evidence: its label on the sheet, its source and how it reads. */
export interface EvidenceSpec {
  readonly label: string;
  readonly source: EvidenceSource;
  readonly format: EvidenceFormat;
}

/** The evidence the counterpoints use, in the sheet's row order. */
export const EVIDENCE_KEYS = [
  "rateToMarket",
  "shareBelowMarket",
  "denialRate",
  "paymentAccuracy",
  "peerDenialRate",
  "peerPaymentAccuracy",
  "claimLines",
  "lineShare",
  "askIncrease",
  "costGrowth",
  "readmissionRate",
  "hcahpsStars",
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

/** Each piece of evidence. The market figures compare our average allowed amount per unit with the market's median. */
export const OBJECTION_EVIDENCE = {
  rateToMarket: {
    label: "Our average rate as a % of the market median (top codes, weighted by volume)",
    source: "benchmarks",
    format: "percent",
  },
  shareBelowMarket: {
    label: "Share of our top codes' volume paid below the market median",
    source: "benchmarks",
    format: "percent",
  },
  denialRate: { label: "Denial rate of this contract (denied / reviewed lines)", source: "review", format: "percent" },
  paymentAccuracy: {
    label: "Payment accuracy of this contract (lines paid as expected / compared lines)",
    source: "review",
    format: "percent",
  },
  peerDenialRate: {
    label: "Denial rate of our other contracts in the table (peers)",
    source: "review",
    format: "percent",
  },
  peerPaymentAccuracy: {
    label: "Payment accuracy of our other contracts in the table (peers)",
    source: "review",
    format: "percent",
  },
  claimLines: { label: "Claim lines of this contract", source: "claims", format: "count" },
  lineShare: { label: "Share of all claim lines in the table", source: "claims", format: "percent" },
  askIncrease: { label: "The increase we ask (enter)", source: "input", format: "percent" },
  costGrowth: { label: "Our cost growth per year (enter)", source: "input", format: "percent" },
  readmissionRate: { label: "30-day readmission rate (enter)", source: "input", format: "percent" },
  hcahpsStars: { label: "HCAHPS star rating, 1 to 5 (enter)", source: "input", format: "stars" },
} as const satisfies Record<EvidenceKey, EvidenceSpec>;

/** A counterpoint template: words, and the evidence figures between them. */
export type CounterpointPart = string | { readonly evidence: EvidenceKey };

/** One objection: what the payer says, and our answer from the evidence. */
export interface ObjectionSpec {
  readonly objection: string;
  readonly counterpoint: readonly CounterpointPart[];
}

/** The objections, in the sheet's order. */
export const OBJECTION_KEYS = ["aboveMarket", "cannotJustify", "quality", "billing", "otherProviders", "costsRising"] as const; // prettier-ignore
export type ObjectionKey = (typeof OBJECTION_KEYS)[number];

const e = (evidence: EvidenceKey) => ({ evidence });

/** Each objection and its counterpoint. */
export const OBJECTIONS = {
  aboveMarket: {
    objection: "Your rates are above market.",
    counterpoint: [
      "Our rates on our top codes average ",
      e("rateToMarket"),
      " of the market median, and ",
      e("shareBelowMarket"),
      " of that volume is paid below the median (published rates, table Benchmarks).",
    ],
  },
  cannotJustify: {
    objection: "We can't justify that increase.",
    counterpoint: [
      "The ",
      e("askIncrease"),
      " we ask is measured against our cost growth of ",
      e("costGrowth"),
      " a year, from rates at ",
      e("rateToMarket"),
      " of the market median.",
    ],
  },
  quality: {
    objection: "Your denial rate is high / your quality is average.",
    counterpoint: [
      "Only ",
      e("denialRate"),
      " of our reviewed lines with you were denied and ",
      e("paymentAccuracy"),
      " were paid as contracted; our 30-day readmission rate is ",
      e("readmissionRate"),
      " and our HCAHPS rating ",
      e("hcahpsStars"),
      " stars.",
    ],
  },
  billing: {
    objection: "Your claims are the problem: the denials come from your billing.",
    counterpoint: [
      "You deny ",
      e("denialRate"),
      " of our reviewed lines and pay ",
      e("paymentAccuracy"),
      " as contracted; our other payers deny ",
      e("peerDenialRate"),
      " and pay ",
      e("peerPaymentAccuracy"),
      " as contracted on claims from the same billing office.",
    ],
  },
  otherProviders: {
    objection: "We have other providers in your area.",
    counterpoint: [
      "Your members account for ",
      e("claimLines"),
      " of our claim lines (",
      e("lineShare"),
      " of all our lines): moving them to other providers disrupts their care and your network's access.",
    ],
  },
  costsRising: {
    objection: "Our costs are rising.",
    counterpoint: [
      "So are ours, by ",
      e("costGrowth"),
      " a year, while our rates sit at ",
      e("rateToMarket"),
      " of the market median: holding them flat is a cut in real terms.",
    ],
  },
} as const satisfies Record<ObjectionKey, ObjectionSpec>;

/** The evidence a counterpoint needs, in the order it appears (each once). */
export function evidenceOf(key: ObjectionKey): readonly EvidenceKey[] {
  const parts: readonly CounterpointPart[] = OBJECTIONS[key].counterpoint;
  const keys = parts.flatMap((part) => (typeof part === "string" ? [] : [part.evidence]));
  return [...new Set(keys)];
}
