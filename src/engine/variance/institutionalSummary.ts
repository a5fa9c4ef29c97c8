import type { InstitutionalCodeKind, InstitutionalInputLine } from "./institutional";
import { INSTITUTIONAL_CODE_KINDS, stayFollowerLines } from "./institutional";
import type { VarianceLine } from "./reviewLines";
import { summariseVariances, type VarianceSummary } from "./summary";

/** An institutional review summed up: as a professional one, with the codes split by the kind of code. */
export interface InstitutionalVarianceSummary extends VarianceSummary {
  /**
   * The by-code totals of each kind of code (stays by MS-DRG, outpatient lines by HCPCS, lines without HCPCS by
   * revenue code), each sorted as `byCode`; `byCode` holds them all.
   */
  readonly byCodeKind: { readonly [K in InstitutionalCodeKind]: VarianceSummary["byCode"] };
}

/**
 * Sums an institutional review as {@link summariseVariances} sums a professional one, each line under its code (its
 * stay's DRG, else HCPCS, else revenue code), a stay counted once: on its first line, its other lines adding only
 * their charges (a denied stay's denied charges are its total charges). `lines[i]` is the review of `inputs[i]`.
 */
export function summariseInstitutionalVariances(
  inputs: readonly InstitutionalInputLine[],
  lines: readonly VarianceLine[],
): InstitutionalVarianceSummary {
  const asSummaryInput = (input: InstitutionalInputLine) => ({ ...input, hcpcsCode: input.code });
  const followers = stayFollowerLines(inputs);
  const whole = summariseVariances(inputs.map(asSummaryInput), lines, followers);
  const byKind = (kind: InstitutionalCodeKind) => {
    const positions = inputs.flatMap((input, i) => (input.codeKind === kind ? [i] : []));
    return summariseVariances(
      positions.map((i) => asSummaryInput(inputs[i]!)),
      positions.map((i) => lines[i]!),
      new Set(positions.flatMap((i, k) => (followers.has(i) ? [k] : []))),
    ).byCode;
  };
  const byCodeKind = Object.fromEntries(INSTITUTIONAL_CODE_KINDS.map((kind) => [kind, byKind(kind)])) as {
    readonly [K in InstitutionalCodeKind]: VarianceSummary["byCode"];
  };
  return { ...whole, byCodeKind };
}
