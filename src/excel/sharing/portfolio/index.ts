/** The contract portfolio summary (issue 7 item 1). Re-exports only. */
export * from "./buildPortfolioSummary";
export * from "./portfolioLayout";
export * from "./portfolioNumbers";
export * from "./portfolioRequest";
export * from "./recoverable";
export * from "./writePortfolio";
