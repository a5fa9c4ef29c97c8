/**
 * The README's "Workbook tables" documentation, generated from the table specs so it cannot drift from what the
 * add-in reads: test/excel/registry/registryDocs.test.ts checks the README holds exactly this text.
 */
import { REGISTRY_TABLE_SPECS } from "./registryTables";
import type { ColumnSpec } from "./tableSpec";

const cell = (text: string): string => text.replace(/\|/g, "\\|");

function columnRow(spec: ColumnSpec): string {
  const names = [spec.header, ...(spec.aliases ?? [])].map((n) => `\`${n}\``).join(" / ");
  const allowed = spec.allowed ? ` Allowed: ${spec.allowed.join(", ")}.` : "";
  return `| ${names} | ${spec.required ? "yes" : ""} | ${cell(spec.kind.expected)} | ${cell(spec.description + allowed)} | \`${cell(spec.example)}\` |`;
}

/** Markdown for every registry table: its purpose and a row per column (header, required, kind, meaning, example). */
export function renderRegistryDocs(): string {
  return REGISTRY_TABLE_SPECS.map((spec) =>
    [
      `### ${spec.title}`,
      "",
      spec.purpose,
      "",
      "| column | required | holds | meaning | example |",
      "| --- | --- | --- | --- | --- |",
      ...Object.values(spec.columns).map((c) => columnRow(c as ColumnSpec)),
    ].join("\n"),
  ).join("\n\n");
}
