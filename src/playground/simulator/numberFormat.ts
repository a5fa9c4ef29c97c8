/**
 * `range.text`: a cell value rendered through its number format, for the formats the add-in writes
 * ("General", "@", "0", "0.00", "#,##0.00", "$#,##0.00", "0.0%", "$#,##0.00;($#,##0.00)", "yyyy-mm-dd", "m/d/yyyy").
 * Not a full Excel format engine: literal text, colours and conditions beyond sign sections are ignored.
 */

type Value = string | number | boolean | null;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel's "General": integers as is, otherwise up to 11 significant digits without trailing zeros. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = value.toPrecision(10);
  return text.includes("e") ? text : String(Number(text));
}

function formatDate(serial: number, pattern: string): string {
  const date = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return pattern
    .replace(/yyyy/gi, String(y))
    .replace(/yy/gi, pad(y % 100))
    .replace(/mm/gi, pad(m))
    .replace(/(?<![a-z])m(?![a-z])/gi, String(m))
    .replace(/dd/gi, pad(d))
    .replace(/(?<![a-z])d(?![a-z])/gi, String(d));
}

function formatNumber(value: number, section: string): string {
  const percent = section.includes("%");
  const scaled = percent ? value * 100 : value;
  const numberPart = /[#0,.]+/.exec(section)?.[0] ?? "0";
  const decimals = numberPart.includes(".") ? numberPart.split(".")[1]!.replace(/[^0#]/g, "").length : 0;
  const grouped = numberPart.includes(",");
  const digits = Math.abs(scaled).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  const literal = (text: string) => text.replace(/["\\_*]/g, "").replace(/[()]/g, (p) => p);
  const start = section.indexOf(numberPart);
  return literal(section.slice(0, start)) + digits + literal(section.slice(start + numberPart.length));
}

/** Renders a value as Excel's `range.text` would under `format`. */
export function formatValue(value: Value, format: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (format === "General" || format === "@" || format === "") return format === "@" ? String(value) : general(value);
  const sections = format.split(";");
  if (/[ymd]/i.test(sections[0]!.replace(/"[^"]*"/g, ""))) return formatDate(value, sections[0]!);
  if (value < 0 && sections[1] !== undefined) return formatNumber(-value, sections[1]);
  if (value === 0 && sections[2] !== undefined) return formatNumber(0, sections[2]);
  const text = formatNumber(value, sections[0]!);
  return value < 0 ? `-${text}` : text;
}
