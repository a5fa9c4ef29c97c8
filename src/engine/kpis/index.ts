/** Contract performance KPIs (DOMAIN.md 4.1): payment accuracy and days to pay. */
export * from "./daysToPay";
export * from "./issues";
export * from "./paymentAccuracy";
export * from "./contractPerformance";
export * from "./performanceRules";
