// Large previews (issue 10, item 4): the file is read once into a grid, checked in slices that give the event loop
// a turn, with progress and cancel, and a changed mapping is previewed from the same grid.
import {
  previewPayerSchedule,
  previewPayerScheduleAsync,
  previewScheduleText,
  previewScheduleTextAsync,
  readPayerScheduleFile,
  readPayerScheduleFileAsync,
  type ScheduleProgress,
  type ScheduleText,
} from "../../../src/formats/payerSchedule";

const MODIFIERS = ["", "26", "TC"];

/** A schedule of `codes` codes, each with three modifier rows; every 7th code also has a facility rate. */
function largeSchedule(codes: number): string {
  const lines = ["CPT Code,Modifier,Allowed,Facility Allowed"];
  for (let c = 0; c < codes; c++)
    for (const [m, modifier] of MODIFIERS.entries())
      lines.push(`${String(10000 + c)},${modifier},${(20 + (c % 500) + m).toFixed(2)},${c % 7 === 0 ? "12.50" : ""}`);
  return `${lines.join("\r\n")}\r\n`;
}

const LARGE = { name: "large.csv", bytes: new TextEncoder().encode(largeSchedule(10_000)) };

function readLarge(): ScheduleText {
  const read = readPayerScheduleFile(LARGE);
  if (!read.ok) throw new Error(read.issue.code);
  return read.value;
}

/** A summary to compare two previews by: counts, problems, and every clean row. */
function summary(result: ReturnType<typeof previewPayerSchedule>) {
  if (!result.ok) return result.issue;
  const { counts, problems, rows, mapping, startYears } = result.value;
  return {
    counts,
    mapping,
    startYears: [...startYears],
    problems: problems.map((p) => p.message),
    rows: rows.map((r) => `${r.sourceRowNumber} ${r.hcpcsCode} ${r.modifier} ${r.nonFacilityRate} ${r.facilityRate}`),
  };
}

describe("previewing a large file in slices", () => {
  const text = readLarge();

  it("gives the same preview as the preview done at once", async () => {
    const sliced = await previewScheduleTextAsync(text, {}, { sliceMs: 1 });
    expect(summary(sliced)).toEqual(summary(previewScheduleText(text)));
  });

  it("gives the event loop a turn while it runs: a timer set before it fires before it ends", async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    let firedBeforeEnd = false;
    await previewScheduleTextAsync(text, {}, { sliceMs: 1, onProgress: () => (firedBeforeEnd ||= timerFired) });
    expect(firedBeforeEnd).toBe(true);
  });

  it("reports its progress, rising to the total", async () => {
    const seen: ScheduleProgress[] = [];
    await previewScheduleTextAsync(text, {}, { sliceMs: 0, onProgress: (p) => seen.push(p) });
    const done = seen.map((p) => p.done);
    expect([
      seen.length > 10,
      done.every((d, i) => i === 0 || d >= (done[i - 1] ?? 0)),
      seen.at(-1)?.done === seen.at(-1)?.total,
      new Set(seen.map((p) => p.phase)),
    ]).toEqual([true, true, true, new Set(["checking"])]);
  });

  it("stops when its signal aborts, with nothing but the cancellation", async () => {
    const controller = new AbortController();
    const { signal } = controller;
    const result = await previewScheduleTextAsync(
      text,
      {},
      { sliceMs: 0, signal, onProgress: () => controller.abort() },
    );
    expect(result).toEqual({ ok: false, issue: { code: "cancelled" } });
  });

  it("previews a changed mapping from the grid read once, as a fresh read of the file would", async () => {
    const mapping = { hcpcsCode: 0, nonFacilityRate: 3 };
    const again = await previewScheduleTextAsync(text, { mapping }, { sliceMs: 1 });
    const fresh = readPayerScheduleFile(LARGE);
    expect(summary(again)).toEqual(summary(fresh.ok ? previewScheduleText(fresh.value, { mapping }) : fresh));
  });

  it("keeps the clean rows as places in the grid, read again on demand", () => {
    const preview = previewScheduleText(text);
    if (!preview.ok) throw new Error(preview.issue.code);
    const { rows } = preview.value;
    expect([
      rows.length,
      rows.at(0)?.hcpcsCode,
      rows.at(-1)?.sourceRowNumber,
      rows.slice(1, 3).map((r) => r.modifier),
    ]).toEqual([
      // prettier-ignore
      30_000,
      "10000",
      30_001,
      ["26", "TC"],
    ]);
  });
});

describe("reading a large file in slices", () => {
  it("gives the same grid as reading it at once, with progress by characters read", async () => {
    const seen: ScheduleProgress[] = [];
    const sliced = await readPayerScheduleFileAsync(LARGE, { sliceMs: 0, onProgress: (p) => seen.push(p) });
    expect([
      sliced.ok && sliced.value.grid,
      seen.length > 1 && seen.every((p) => p.phase === "reading" && p.total === LARGE.bytes.length),
    ]).toEqual([readLarge().grid, true]);
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    const result = await readPayerScheduleFileAsync(LARGE, { sliceMs: 0, signal: controller.signal, onProgress: () => controller.abort() }); // prettier-ignore
    expect(result).toEqual({ ok: false, issue: { code: "cancelled" } });
  });
});

describe("a workbook range previewed in slices", () => {
  it("gives the same preview as the preview done at once", async () => {
    const grid = [["CPT", "Fee"], ...Array.from({ length: 5_000 }, (_, i) => [10000 + i, 50 + (i % 90)])];
    const sliced = await previewPayerScheduleAsync(grid, { firstRowNumber: 3 }, { sliceMs: 1 });
    expect(summary(sliced)).toEqual(summary(previewPayerSchedule(grid, { firstRowNumber: 3 })));
  });
});
