/**
 * One step of a pricing calculation, recorded as data so that `PAYER.PRICING_TRACE` can show it and a test can
 * check it: what was done (`kind`), a sentence for the user, and the exact decimal values involved.
 */
export interface TraceStep {
  readonly kind:
    "scheduleRow" | "setting" | "locality" | "conversionFactor" | "formula" | "adjustment" | "note" | "rounding";
  readonly text: string;
  /** Exact decimal values as text (no binary floating point), keyed by name. */
  readonly values?: Readonly<Record<string, string>>;
}

/** The trace as lines of text, one step per line, as `PAYER.PRICING_TRACE` shows it. */
export function formatTrace(steps: readonly TraceStep[]): string[] {
  return steps.map((step, index) => `${index + 1}. ${step.text}`);
}
