/** The Contract Performance sheet (issue 15 item 3). Re-exports only. */
export * from "./buildPerformanceSheet";
export * from "./performanceColumns";
export * from "./performanceLayout";
export * from "./performanceRequest";
export * from "./scorecardColumns";
export * from "./scorecardLayout";
