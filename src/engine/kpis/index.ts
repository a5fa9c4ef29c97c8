/** Contract performance KPIs (DOMAIN.md 4.1): payment accuracy, days to pay, cost of doing business, scorecard. */
export * from "./daysToPay";
export * from "./issues";
export * from "./paymentAccuracy";
export * from "./contractPerformance";
export * from "./performanceRules";
export * from "./costOfBusiness";
export * from "./costRules";
export * from "./actualVsModeled";
export * from "./daysInAr";
