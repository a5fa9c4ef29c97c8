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

/**
 * Runs every case once per round, round after round, so that machine noise (another process, a GC) lands on all of
 * them alike; returns each case's median and the median of its per-round ratio to `baseline` (issue 20 item 5).
 */
export function measureInterleaved<K extends string>(
  baseline: NoInfer<K>,
  cases: Readonly<Record<K, () => unknown>>,
  rounds = 11,
): Record<K, { medianMs: number; medianRatio: number }> {
  const names = Object.keys(cases) as K[];
  for (const name of names) cases[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const start = performance.now();
      cases[name]();
      times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const ratios = times[name].map((ms, round) => ms / times[baseline][round]!);
      return [name, { medianMs: median(times[name]), medianRatio: median(ratios) }];
    }),
  ) as Record<K, { medianMs: number; medianRatio: number }>;
}
