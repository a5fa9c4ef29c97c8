/** Denial analytics: which adjustments are denials, line outcomes and the denial rate (DOMAIN.md section 4). */
export * from "./adjustmentCodes";
export * from "./denialRate";
export * from "./issues";
export * from "./outcome";
