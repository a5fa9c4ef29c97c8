/** Variance review (issue 6 item 4): flag every claim line against its contract and sum up what can be recovered. */
export * from "./issues";
export * from "./lineDenial";
export * from "./lineReversal";
export * from "./reviewLines";
export * from "./summary";
export * from "./tolerance";
export * from "./institutional";
export * from "./institutionalSummary";
