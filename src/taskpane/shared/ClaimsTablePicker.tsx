import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { Caption1, Field, Select } from "@fluentui/react-components";
import { CLAIMS_FIELD_SPECS, type ClaimsField, type ClaimsMapping } from "../../excel/claims/claimsMapping";
import type { TableOverview } from "../../excel/workbook/workbookOverview";
import { useCommand } from "../useCommand";
import { listClaimsTables, listColumnValues, loadClaimsMapping, type LoadedClaimsMapping } from "./claimsCommands";
import { ChoiceSelect } from "./fields";
import { Notice } from "./Notice";
import { usePanelStyles } from "./panelStyles";

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

/** What {@link useClaimsMapping} gives a panel. */
export interface ClaimsMappingChoice {
  /** The mapping shown, with the user's edits; null until the first table's mapping is read. */
  readonly mapping: ClaimsMapping | null;
  readonly setMapping: (mapping: ClaimsMapping) => void;
  /** The table's mapping as read last (confirmed before or suggested, with a note); null until then. */
  readonly loaded: LoadedClaimsMapping | null;
}

/**
 * The column mapping of the chosen claims table: read when the table or its columns change (not when the list of
 * tables is merely read again), then shown with the user's edits; the one read before is shown until then. An edit belongs to the mapping it was made on, so a
 * mapping read again (another table) is never shown with edits made for the one before.
 */
export function useClaimsMapping(table: TableOverview | null): ClaimsMappingChoice {
  const [state, load] = useCommand(loadClaimsMapping);
  const [edit, setEdit] = useState<{ readonly of: LoadedClaimsMapping; readonly mapping: ClaimsMapping } | null>(null);
  const tableKey = table === null ? "" : `${table.name}|${table.columnNames.join("|")}`;
  useEffect(() => {
    if (table !== null) void load({ table });
    // Keyed by name and columns: a refreshed list holds new objects for the same tables.
  }, [tableKey, load]);
  // The mapping read last stays shown while the table is read again (a review adding its columns), so that the
  // panel's commands stay available meanwhile, as they were before the refresh.
  const [loaded, setLoaded] = useState<LoadedClaimsMapping | null>(null);
  useEffect(() => {
    if (state.status === "succeeded") setLoaded(state.result);
  }, [state]);
  const mapping = loaded === null ? null : edit?.of === loaded ? edit.mapping : loaded.mapping;
  const setMapping = useCallback(
    (edited: ClaimsMapping) => {
      if (loaded !== null) setEdit({ of: loaded, mapping: edited });
    },
    [loaded],
  );
  return { mapping, setMapping, loaded };
}

/** The distinct values of a table's column (payers, contracts) for a filter; empty while read or without a column. */
export function useColumnValues(tableName: string, column: string | null | undefined): readonly string[] {
  const [values, load] = useCommand(listColumnValues);
  useEffect(() => {
    if (column) void load({ tableName, column });
  }, [tableName, column, load]);
  return column && values.status === "succeeded" ? values.result : [];
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
          <ChoiceSelect
            value={mapping[field] ?? ""}
            onChange={(column) => onChange({ ...mapping, [field]: column === "" ? null : column })}
            choices={columnNames}
            noChoice="(none)"
          />
        </Field>
      ))}
    </>
  );
}

/** Props of {@link ClaimsSourceGroup}. */
export interface ClaimsSourceGroupProps {
  /** The group's accessible name ("Claims"). */
  readonly name: string;
  /** The table dropdown's label ("Claims table"). */
  readonly tableLabel: string;
  readonly claims: ClaimsTables;
  readonly choice: ClaimsMappingChoice;
  /** The fields the panel reads, in the order it asks about them. */
  readonly fields: readonly ClaimsField[];
  /** A line above the mapping saying how it is used. */
  readonly description: ReactNode;
  /** The columns offered; default all of the table's. */
  readonly columnNames?: readonly string[];
}

/**
 * Where a panel's claim lines come from: the table, a note when its saved mapping no longer fits, and one dropdown
 * per field the panel reads to confirm its column.
 */
export function ClaimsSourceGroup({
  name,
  tableLabel,
  claims,
  choice,
  fields,
  description,
  columnNames,
}: ClaimsSourceGroupProps) {
  const styles = usePanelStyles();
  const { table } = claims;
  const { mapping, loaded } = choice;
  return (
    <div className={styles.group} role="group" aria-label={name}>
      <ClaimsTableSelect
        label={tableLabel}
        tables={claims.tableList}
        tableName={claims.tableName}
        onChange={claims.setTableName}
      />
      {loaded !== null && loaded.note !== null && <Notice intent="warning">{loaded.note}</Notice>}
      {table !== null && mapping !== null && (
        <>
          <Caption1 className={styles.muted}>{description}</Caption1>
          <ClaimsMappingFields
            fields={fields}
            mapping={mapping}
            columnNames={columnNames ?? table.columnNames}
            onChange={choice.setMapping}
          />
        </>
      )}
    </div>
  );
}
