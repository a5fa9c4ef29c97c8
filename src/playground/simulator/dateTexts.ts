/**
 * HyperFormula tries every text it compares, coerces or enters as a date, in every configured format, each time: an
 * array formula such as the dashboard's `MEDIAN(IF((Claims[Contract Name]=A5)*(Claims[Variance Flag]<>"")...))` parses
 * each of a table's texts again in every formula, 9 of the 16 s the dashboard took over 10,000 lines. A text's
 * reading depends only on the text and the configuration, so each instance remembers the readings of the texts it
 * met (the numbers it returns are never changed in place); the memory is dropped when it grows large.
 */
import type { HyperFormula } from "hyperformula";

/** Texts remembered before the memory starts over (a claims table's distinct texts are far fewer). */
const MAX_TEXTS = 50_000;

interface DateTimeHelper {
  dateStringToDateNumber(text: string): unknown;
}

/** Makes `hf` read each distinct text as a date once. */
export function rememberDateReadings(hf: HyperFormula): void {
  const helper = (hf.evaluator as unknown as { interpreter: { dateTimeHelper: DateTimeHelper } }).interpreter
    .dateTimeHelper;
  const read = helper.dateStringToDateNumber.bind(helper);
  const readings = new Map<string, unknown>();
  helper.dateStringToDateNumber = (text) => {
    if (readings.has(text)) return readings.get(text);
    if (readings.size >= MAX_TEXTS) readings.clear();
    const reading = read(text);
    readings.set(text, reading);
    return reading;
  };
}
