/** Sharing with executives (issue 7): freeze for sharing, repair formulas, the contract portfolio summary. */
export * from "./cellRects";
export * from "./freeze";
export * from "./frozenRecord";
export * from "./payerFormulas";
export * from "./portfolio";
export * from "./repair";
export * from "./sharingIssues";
