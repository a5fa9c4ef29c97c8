/**
 * The new amount of a group of alike claim lines under an uplift, as a formula: the engine's rule
 * (`upliftedLineCents`, `capAtBilled`) in cells, so a sheet stays live and exact without the add-in. Each line is
 *   SIGN(amount) * MIN(ROUND(ROUND(ABS(amount) * (1 + uplift) * 100, 6), 0) / 100, MAX(ABS(billed), ABS(amount)))
 * half away from zero on magnitudes, capped at the billed charge (lesser-of) but never below the current amount; the
 * inner ROUND(.., 6) removes binary noise (0.05 is not exact in binary) so that an exact half cent rounds up in
 * Excel, LibreOffice and HyperFormula alike. Lines alike (code, amount, charge) get the same amount, so a group is
 * its count times one line's.
 */

/** The cells (or expressions) of one group of alike lines. */
export interface UpliftedLinesCells {
  readonly lineCount: string;
  readonly amount: string;
  readonly uplift: string;
  /** The billed charge to cap at; null when the lines are not capped. */
  readonly charge: string | null;
}

/** The group's new amount, as a formula without its leading "=". */
export function upliftedLinesFormula({ lineCount, amount, uplift, charge }: UpliftedLinesCells): string {
  const uplifted = `ROUND(ROUND(ABS(${amount})*(1+${uplift})*100,6),0)/100`;
  const capped = charge === null ? uplifted : `MIN(${uplifted},MAX(ABS(${charge}),ABS(${amount})))`;
  return `${lineCount}*SIGN(${amount})*${capped}`;
}
