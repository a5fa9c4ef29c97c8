import { useEffect, useMemo, useState } from "react";
import { Field, Select } from "@fluentui/react-components";
import { CLAIMS_FIELD_SPECS, type ClaimsField, type ClaimsMapping } from "../../excel/claims/claimsMapping";
import type { TableOverview } from "../../excel/workbook/workbookOverview";
import { listClaimsTables } from "../uplift/upliftCommands";
import { useCommand } from "../useCommand";

/** What {@link useClaimsTables} gives a panel. */
export interface ClaimsTables {
  /** The workbook's tables, empty until read (or when reading failed). */
  readonly tableList: readonly TableOverview[];
  /** The chosen table's name; "" until there is a table. */
  readonly tableName: string;
  readonly setTableName: (name: string) => void;
  /** The chosen table, or null while none is. */
  readonly table: TableOverview | null;
  /** Reads the workbook's tables again (e.g. after a command added columns). */
  readonly refreshTables: () => Promise<void>;
}

/**
 * The workbook's tables for a claims-table picker: read once on mount, with the first table whose name matches
 * `preferred` chosen by default (else the first table), until the user picks one.
 *
 * @example const { tableList, tableName, setTableName, table } = useClaimsTables(/claim|remit/i);
 */
export function useClaimsTables(preferred: RegExp): ClaimsTables {
  const [tables, refreshTables] = useCommand(listClaimsTables);
  const [tableName, setTableName] = useState("");
  useEffect(() => {
    void refreshTables();
  }, [refreshTables]);
  const tableList = useMemo(() => (tables.status === "succeeded" ? tables.result : []), [tables]);
  useEffect(() => {
    if (tableName !== "" || tableList.length === 0) return;
    setTableName((tableList.find((t) => preferred.test(t.name)) ?? tableList[0]!).name);
    // `preferred` is a literal in each panel: the default is chosen when the list arrives, not when it changes.
  }, [tableList, tableName]);
  const table = tableList.find((t) => t.name === tableName) ?? null;
  return { tableList, tableName, setTableName, table, refreshTables };
}

/** Props of {@link ClaimsTableSelect}. */
export interface ClaimsTableSelectProps {
  /** The field's label ("Claims table"). */
  readonly label: string;
  readonly tables: readonly TableOverview[];
  readonly tableName: string;
  readonly onChange: (tableName: string) => void;
}

/** A dropdown of the workbook's tables with their row counts; disabled, with a note, when there are none. */
export function ClaimsTableSelect({ label, tables, tableName, onChange }: ClaimsTableSelectProps) {
  return (
    <Field label={label}>
      <Select value={tableName} onChange={(_, d) => onChange(d.value)} disabled={tables.length === 0}>
        {tables.length === 0 && <option value="">No tables in this workbook</option>}
        {tables.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({t.rowCount.toLocaleString()} rows)
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Props of {@link ClaimsMappingFields}. */
export interface ClaimsMappingFieldsProps {
  /** The fields asked about, in order; each labelled from `CLAIMS_FIELD_SPECS`. */
  readonly fields: readonly ClaimsField[];
  readonly mapping: ClaimsMapping;
  /** The columns offered for each field. */
  readonly columnNames: readonly string[];
  readonly onChange: (mapping: ClaimsMapping) => void;
}

/** One dropdown per claims field to confirm which column holds it, "(none)" for a field the table lacks. */
export function ClaimsMappingFields({ fields, mapping, columnNames, onChange }: ClaimsMappingFieldsProps) {
  return (
    <>
      {fields.map((field) => (
        <Field key={field} label={CLAIMS_FIELD_SPECS[field].label} orientation="horizontal">
          <Select
            value={mapping[field] ?? ""}
            onChange={(_, d) => onChange({ ...mapping, [field]: d.value === "" ? null : d.value })}
          >
            <option value="">(none)</option>
            {columnNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </>
  );
}
