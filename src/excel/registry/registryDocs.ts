/**
 * The README's documentation of workbook tables, generated from the column dictionary so it cannot drift from what
 * the add-in reads and writes: test/excel/workbookTables.test.ts checks the README holds exactly the text of every
 * table (workbookTables.ts), test/excel/registry/registryDocs.test.ts the registry's part of it.
 */
import { COLUMN_KIND_WORDS } from "../core/tableColumns";
import { booleanCell, type CellKind } from "./cellKinds";
import { columnFormat, type Column, type Columns, type TableSpec } from "./columnDictionary";
import { REGISTRY_TABLE_SPECS } from "./registryTables";

const cell = (text: string): string => text.replace(/\|/g, "\\|");
const code = (text: string): string => `\`${cell(text)}\``;

/** How a column is written: its kind, with the number format it gets when that says more than the kind. */
function writtenAs(column: Column): string {
  if (column.written === undefined) return "";
  const words = COLUMN_KIND_WORDS[column.written];
  const format = columnFormat({ ...column, written: column.written });
  return format === "@" || format === "General" ? words : `${words} (${code(format)})`;
}

/** One documented property of a column: its heading, and whether a table shows it (some column has it). */
interface DocColumn {
  readonly heading: string;
  readonly shown: (columns: readonly Column[]) => boolean;
  readonly text: (column: Column) => string;
}

const reads = (columns: readonly Column[]) => columns.some((c) => c.kind !== undefined);

/** The properties a table's documentation shows, in order; a table shows those any of its columns declares. */
const DOC_COLUMNS: readonly DocColumn[] = [
  {
    heading: "column",
    shown: () => true,
    text: (c) => [c.header, ...(c.synonyms ?? [])].map(code).join(" / "),
  },
  { heading: "required", shown: reads, text: (c) => (c.required === true ? "yes" : "") },
  { heading: "holds", shown: reads, text: (c) => cell(c.kind?.expected ?? "") },
  { heading: "written as", shown: (cs) => cs.some((c) => c.written !== undefined), text: writtenAs },
  {
    heading: "meaning",
    shown: () => true,
    text: (c) => {
      const allowed = c.allowed ? ` Allowed: ${c.allowed.join(", ")}.` : "";
      const warning = c.severity === "warning" ? " A cell that does not read is a warning: read as blank." : "";
      // Said here, not in the description: the task pane shows the description beside a switch, which is never blank.
      const blank = c.kind === (booleanCell as CellKind<unknown>) ? " Blank = FALSE." : "";
      return cell(c.description + blank + allowed + warning);
    },
  },
  {
    heading: "example",
    shown: (cs) => cs.some((c) => c.example !== undefined),
    text: (c) => (c.example === undefined ? "" : code(c.example)),
  },
];

/** Markdown for one table: its title, its purpose, and a row per column with the properties its columns declare. */
function tableDocs(spec: TableSpec<Columns>): string {
  const columns = Object.values(spec.columns);
  const shown = DOC_COLUMNS.filter((doc) => doc.shown(columns));
  return [
    `### ${spec.title}`,
    "",
    spec.purpose,
    "",
    `| ${shown.map((doc) => doc.heading).join(" | ")} |`,
    `| ${shown.map(() => "---").join(" | ")} |`,
    ...columns.map((column) => `| ${shown.map((doc) => doc.text(column)).join(" | ")} |`),
  ].join("\n");
}

/** Markdown for tables, in the order given. */
export function renderTableDocs(specs: readonly TableSpec<Columns>[]): string {
  return specs.map(tableDocs).join("\n\n");
}

/** Markdown for every registry table: its purpose and a row per column (header, required, kind, meaning, example). */
export function renderRegistryDocs(): string {
  return renderTableDocs(REGISTRY_TABLE_SPECS);
}
