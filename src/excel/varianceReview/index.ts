/** The variance review (issue 6 item 4): flag every line of a claims or remittance table against its contract. */
export * from "./issues";
export * from "./readReviewLines";
export * from "./reviewColumns";
export * from "./reviewSheets";
export * from "./runVarianceReview";
export * from "./institutionalReview";
export * from "./readInstitutionalLines";
