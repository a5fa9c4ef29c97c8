/** The uplift model builder (issue 5 item 2): a model sheet with native formulas, from a claims table. */
export * from "./buildUpliftModel";
export * from "./modelPlan";
export * from "./modelRequest";
export * from "./readClaimLines";
export * from "./writeModel";
export * from "./upliftScope";
export * from "./marketTargets";
