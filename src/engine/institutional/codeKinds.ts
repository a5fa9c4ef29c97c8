/**
 * The kinds of code a hospital claim's amounts are grouped and ranked by: a stay's MS-DRG, else a line's HCPCS code,
 * else its revenue code. The variance review's Summary sums by them and the uplift model ranks by them.
 */
export const INSTITUTIONAL_CODE_KINDS = ["drg", "hcpcs", "revenueCode"] as const;
/** One of {@link INSTITUTIONAL_CODE_KINDS}. */
export type InstitutionalCodeKind = (typeof INSTITUTIONAL_CODE_KINDS)[number];
