/** Uplift scenarios: the revenue effect of a rate uplift over claim lines (`PAYER.UPLIFT_SCENARIO`). */
export * from "./issues";
export * from "./lineAmount";
export * from "./upliftRates";
export * from "./upliftScenario";
export * from "./marketUplift";
export * from "./upliftCodes";
