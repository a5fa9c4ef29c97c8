/**
 * How an uplift figure was computed, in the same words on every sheet that shows one (issue 12 item 4): "5% on top
 * 20" ranked over all the model's lines and capped at billed is not the same figure as the portfolio's, ranked
 * within each contract and summed, and a reader of either sheet must be able to tell.
 */
export interface UpliftScope {
  /** New amounts are capped at each line's billed charge (lesser-of). */
  readonly capped: boolean;
  /** Codes ranked over all the lines shown, or within each contract's own lines and the results summed. */
  readonly rankedWithin: "allLines" | "eachContract";
}

const RANKING = {
  allLines: "codes ranked over all these lines",
  eachContract: "codes ranked within each contract's own lines, then summed",
} as const satisfies Record<UpliftScope["rankedWithin"], string>;

/** "codes ranked over all these lines, new amounts capped at the billed charge (lesser-of)". */
export function upliftScopeText(scope: UpliftScope): string {
  const cap = scope.capped
    ? "new amounts capped at the billed charge (lesser-of)"
    : "new amounts not capped at the billed charge";
  return `${RANKING[scope.rankedWithin]}, ${cap}`;
}
