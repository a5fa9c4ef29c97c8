/**
 * The slice of Office's `Excel` namespace that the Excel layer calls: the global `Excel` inside Office, the
 * workbook simulator's `excel` object in the playground and in tests. Passing it in (instead of reading the global
 * in every function) lets a test hand each call its own workbook.
 */
export interface ExcelGateway {
  /** `Excel.run` in its one-argument form: runs a batch against a fresh request context. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The host's `Excel` namespace, read when called (office.js defines it only after it has loaded). */
export function hostExcel(): ExcelGateway {
  return Excel;
}
