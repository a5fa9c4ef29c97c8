// Reads the payer schedule fixtures (test/fixtures/payer-schedules) as bytes and previews them.
import { readFileSync } from "fs";
import path from "path";
import {
  payerScheduleIssueMessage,
  previewPayerScheduleFile,
  type PayerScheduleFilePreview,
  type PayerScheduleProblem,
  type PreviewOptions,
} from "../../../src/formats/payerSchedule";

const FIXTURES = path.resolve(__dirname, "../../fixtures/payer-schedules");

/** The bytes of a fixture file, as the task pane gets them from a file picker. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/** The preview of a fixture file; fails the test with the refusal message if the file is refused. */
export function previewFixture(name: string, options: PreviewOptions = {}): PayerScheduleFilePreview {
  return previewBytes(name, fixtureBytes(name), options);
}

/** The preview of some bytes under a file name; fails the test with the refusal message if they are refused. */
export function previewBytes(name: string, bytes: Uint8Array, options: PreviewOptions = {}): PayerScheduleFilePreview {
  const result = previewPayerScheduleFile({ name, bytes }, options);
  if (!result.ok) throw new Error(`refused: ${payerScheduleIssueMessage(result.issue)}`);
  return result.value;
}

/** The preview of CSV text typed in a test. */
export function previewText(text: string, options: PreviewOptions = {}): PayerScheduleFilePreview {
  return previewBytes("test.csv", new TextEncoder().encode(text), options);
}

/** The problems of one source row, as "severity: message". */
export function problemsOfRow(problems: readonly PayerScheduleProblem[], rowNumber: number): string[] {
  return problems.filter((p) => p.rowNumber === rowNumber).map((p) => `${p.severity}: ${p.message}`);
}

/** Each row as "code modifier nonFacility/facility", for compact expectations. */
export function rowSummaries(preview: PayerScheduleFilePreview): string[] {
  return preview.rows.map(
    (r) =>
      `${r.hcpcsCode}${r.modifier ? ` ${r.modifier}` : ""} ${r.nonFacilityRate?.toFixed(2) ?? "-"}/${r.facilityRate?.toFixed(2) ?? "-"}`,
  );
}
