/**
 * The benchmark harness behind `npm run bench` (ARCHITECTURE.md section 9): each figure is the median of several
 * runs after a warm-up, printed beside its budget, because this machine's noise makes single runs misleading.
 */
export interface Measurement {
  label: string;
  medianMs: number;
  runsMs: number[];
}

/** Runs `work` once to warm up, then `runs` times; prints and returns the median. */
export function measure(label: string, work: () => unknown, options: { runs?: number; budgetMs?: number } = {}) {
  const runs = options.runs ?? 7;
  work();
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    runsMs.push(performance.now() - start);
  }
  const medianMs = median(runsMs);
  const budget = options.budgetMs;
  const verdict = budget === undefined ? "" : `budget ${budget} ms  ${medianMs <= budget ? "ok" : "OVER"}`;
  console.log(
    `${label.padEnd(60)} median ${medianMs.toFixed(1).padStart(8)} ms  (min ${Math.min(...runsMs).toFixed(1)}, max ${Math.max(...runsMs).toFixed(1)})  ${verdict}`,
  );
  return { label, medianMs, runsMs } satisfies Measurement;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
