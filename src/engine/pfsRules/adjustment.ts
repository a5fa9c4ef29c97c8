import type { Decimal } from "../decimal";
import type { Modifier } from "../modifiers";
import type { PfsRvuRow } from "../pfsSchedule";
import type { Result } from "../result";
import type { PfsAdjustmentStep } from "../trace";

/** A payment adjustment: the fraction of the fee schedule amount paid, and the trace step that explains it. */
export interface PfsAdjustment {
  readonly factor: Decimal;
  readonly step: PfsAdjustmentStep;
}

/**
 * A PFS payment rule driven by modifiers and the indicators of the RVU row: no adjustment (null), an adjustment,
 * or an issue when the combination is not payable.
 */
export type PfsRule = (row: PfsRvuRow, modifiers: readonly Modifier[]) => Result<PfsAdjustment | null>;
