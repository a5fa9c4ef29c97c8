/** Market benchmarks (DOMAIN.md 5.3): exact percentiles and the MARKET_RATE rule. Re-exports only. */
export * from "./percentile";
export * from "./marketRate";
