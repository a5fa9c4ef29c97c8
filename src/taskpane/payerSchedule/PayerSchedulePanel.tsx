import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { defaultScheduleTableName, previewYear } from "../../excel/payerSchedule/payerScheduleImport";
import { describeRangeReadIssue, type RangeSource } from "../../excel/core/rangeGrid";
import type { WrittenTable } from "../../excel/core/tableWriter";
import type { ColumnMapping, MappingSuggestion, PayerScheduleField } from "../../formats/payerSchedule";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import type { Operation } from "../progress/operation";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { FilePicker } from "../shared/FilePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { useCommand } from "../useCommand";
import { MappingEditor } from "./MappingEditor";
import {
  importPayerSchedule,
  listScheduleRanges,
  readRangeAsGrid,
  readScheduleNames,
  type ImportPayerScheduleInput,
} from "./payerScheduleCommands";
import { ProblemList } from "./ProblemList";
import {
  firstRowNumberOf,
  proposedPayer,
  readChosenFile,
  type ScheduleSource,
  type SourceChoices,
} from "./scheduleSource";
import { progressText, useSchedulePreview } from "./useSchedulePreview";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  names: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalM },
});

type ImportInput = Omit<ImportPayerScheduleInput, "signal" | "onProgress">;
type Mode = "file" | "workbook";

/** What the mapping editor shows while the current choices give no preview (e.g. a column mapped twice). */
interface Layout {
  readonly source: ScheduleSource;
  readonly headerRowNumber: number;
  readonly headers: readonly string[];
  readonly suggestion: MappingSuggestion;
  readonly mapping: ColumnMapping;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

export interface PayerSchedulePanelProps {
  /** Files over this size are refused before reading; default the schedule reader's limit (25 MB). */
  readonly maxFileBytes?: number;
}

/**
 * The Fee schedule panel: take a payer's schedule from a CSV/TSV/TXT file or from a range of the workbook, check
 * the header row and the column mapping (one dropdown per field, the suggestion preselected), see every problem by
 * row before anything is written, name the new sheet and table, and import with progress and Cancel.
 */
export function PayerSchedulePanel({ maxFileBytes }: PayerSchedulePanelProps) {
  const styles = usePanelStyles();
  // This panel's rows and name fields are spaced wider than the shared form rows.
  const own = useStyles();
  const excel = useExcelGateway();
  const [mode, setMode] = useState<Mode>("file");
  const [source, setSource] = useState<ScheduleSource | null>(null);
  const [sourceMessage, setSourceMessage] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [choices, setChoices] = useState<SourceChoices>({});
  const [rangeChoice, setRangeChoice] = useState("selection");
  const [payer, setPayer] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [tableName, setTableName] = useState<string | null>(null);
  const [skipErrors, setSkipErrors] = useState(false);
  const [replaceSheet, setReplaceSheet] = useState(false);
  const [names, refreshNames] = useCommand(readScheduleNames);
  const [ranges, refreshRanges] = useCommand(listScheduleRanges);
  const operation = useMemo<Operation<ImportInput, WrittenTable>>(
    () => (input, controls) => importPayerSchedule.run(excel, { ...input, ...controls }),
    [excel],
  );
  const { state, start, cancel } = useCancellableOperation(operation);
  const running = state.status === "running";

  useEffect(() => {
    void refreshNames();
  }, [refreshNames]);
  useEffect(() => {
    if (mode === "workbook") void refreshRanges();
  }, [mode, refreshRanges]);

  const previewing = useSchedulePreview(source, choices);
  const preview = previewing.state.status === "done" ? previewing.state.preview : null;
  const lastLayout = useRef<Layout | null>(null);
  if (preview?.ok && source !== null) {
    const { headerRowNumber, headers, suggestion, mapping } = preview.preview;
    lastLayout.current = { source, headerRowNumber, headers, suggestion, mapping };
  }
  const layout = lastLayout.current?.source === source ? lastLayout.current : null;

  const takeSource = (next: ScheduleSource) => {
    setSource(next);
    setSourceMessage(null);
    setChoices({});
    setPayer(null);
    setYear(null);
    setSheetName(null);
    setTableName(null);
    setSkipErrors(false);
    setReplaceSheet(false);
  };
  const refuse = (message: string) => {
    setSource(null);
    setSourceMessage(message);
  };

  const chooseFile = async (chosen: File) => {
    setReading(true);
    try {
      const read = await readChosenFile(chosen, maxFileBytes);
      if (read.ok) takeSource({ kind: "file", file: read.file });
      else refuse(read.message);
    } finally {
      setReading(false);
    }
  };

  const readRange = async () => {
    const rangeSource: RangeSource =
      rangeChoice === "selection" ? { kind: "selection" } : { kind: "name", name: rangeChoice.slice("name:".length) };
    setReading(true);
    try {
      const grid = await readRangeAsGrid.run(excel, rangeSource);
      if (grid.ok) takeSource({ kind: "range", grid: grid.value });
      else refuse(describeRangeReadIssue(grid.issue));
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
    }
  };

  const changeMapping = (field: PayerScheduleField, column: number | undefined) => {
    const base: Record<string, number | undefined> = { ...(choices.mapping ?? layout?.mapping ?? {}) };
    if (column === undefined) delete base[field];
    else base[field] = column;
    setChoices({ ...choices, mapping: base as ColumnMapping });
  };

  const changeHeaderRow = (value: string) => {
    const row = Number(value);
    if (!Number.isInteger(row) || row < 1) return;
    setChoices({ headerRowNumber: row }); // new headers: the mapping is suggested again
  };

  const shown = preview?.ok ? preview.preview : null;
  const shownPayer = payer ?? (source === null ? "" : proposedPayer(source));
  const shownYear = year ?? String((shown && previewYear(shown)) ?? new Date().getFullYear());
  const shownTableName = tableName ?? defaultScheduleTableName(shownPayer, shownYear);
  const shownSheetName = sheetName ?? shownTableName.slice(0, 31);
  const taken = names.status === "succeeded" ? names.result : null;
  const sheetClash = taken?.sheetNames.find((name) => same(name, shownSheetName));
  const tableClash = taken?.tables.find(
    (table) => same(table.name, shownTableName) && !(sheetClash !== undefined && same(table.sheetName, sheetClash)),
  );
  const counts = shown?.counts;
  const hasErrors = (counts?.errors ?? 0) > 0;
  const canImport =
    shown !== null &&
    shown.rows.length > 0 &&
    (!hasErrors || skipErrors) &&
    !running &&
    !reading &&
    shownSheetName.trim() !== "" &&
    shownTableName.trim() !== "" &&
    tableClash === undefined &&
    (sheetClash === undefined || replaceSheet);

  const runImport = async () => {
    if (shown === null) return;
    await start({
      preview: shown,
      sheetName: shownSheetName.trim(),
      tableName: shownTableName.trim(),
      skipRowsWithErrors: skipErrors,
      replaceExisting: sheetClash !== undefined && replaceSheet,
    });
    setReplaceSheet(false);
    await refreshNames();
  };

  const firstColumnIndex = source?.kind === "range" ? source.grid.firstColumnNumber - 1 : 0;
  const rangeOptions = ranges.status === "succeeded" ? ranges.result : { tables: [], names: [] };

  return (
    <section className={styles.panel} aria-labelledby="payer-schedule-panel-title">
      <Subtitle2 as="h2" id="payer-schedule-panel-title">
        Fee schedule
      </Subtitle2>
      <Text className={styles.muted}>
        Import a payer&apos;s fee schedule into a table that contracts can name. Nothing is written before you have seen
        every problem.
      </Text>
      <RadioGroup
        aria-label="Source"
        layout="horizontal"
        value={mode}
        onChange={(_, data) => setMode(data.value as Mode)}
        disabled={running}
      >
        <Radio value="file" label="A file (CSV, TSV, TXT)" />
        <Radio value="workbook" label="From the workbook" />
      </RadioGroup>
      {mode === "file" ? (
        <div className={own.row}>
          <FilePicker
            label="Fee schedule file"
            button="Choose a file…"
            accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls"
            appearance={source === null ? "primary" : "secondary"}
            onFiles={([file]) => void chooseFile(file)}
            disabled={running}
          />
          {source?.kind === "file" && <Caption1>{source.file.name}</Caption1>}
        </div>
      ) : (
        <div className={own.row}>
          <Field label="Range" className={own.grow}>
            <Select value={rangeChoice} onChange={(_, data) => setRangeChoice(data.value)} disabled={running}>
              <option value="selection">The selected range</option>
              {rangeOptions.tables.map((table) => (
                <option key={`t-${table.name}`} value={`name:${table.name}`}>
                  Table {table.name} ({table.sheetName})
                </option>
              ))}
              {rangeOptions.names.map((name) => (
                <option key={`n-${name}`} value={`name:${name}`}>
                  Named range {name}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void readRange()} disabled={running || reading}>
            {readRangeAsGrid.label}
          </Button>
        </div>
      )}
      {reading && <Spinner size="tiny" label="Reading…" />}
      {previewing.state.status === "running" && (
        <div className={own.row}>
          <Spinner size="tiny" label={progressText(previewing.state.progress)} />
          <Button onClick={previewing.cancel}>Cancel</Button>
        </div>
      )}
      {previewing.state.status === "stopped" && (
        <Notice>The preview was cancelled: choose the file again to check it.</Notice>
      )}
      {source?.kind === "range" && <Caption1>Read {source.grid.address}</Caption1>}
      {sourceMessage !== null && <Notice>{sourceMessage}</Notice>}
      {source !== null && preview !== null && !preview.ok && <Notice>{preview.message}</Notice>}
      {source !== null && (
        <Field
          label="Header row"
          hint={layout === null ? undefined : `Header found on row ${layout.headerRowNumber}`}
          className={own.grow}
        >
          <Input
            type="number"
            min={firstRowNumberOf(source)}
            value={String(choices.headerRowNumber ?? layout?.headerRowNumber ?? "")}
            onChange={(_, data) => changeHeaderRow(data.value)}
            disabled={running}
          />
        </Field>
      )}
      {layout !== null && (
        <MappingEditor
          headers={layout.headers}
          suggestion={layout.suggestion}
          mapping={choices.mapping ?? layout.mapping}
          firstColumnIndex={firstColumnIndex}
          onChange={changeMapping}
          disabled={running}
        />
      )}
      {shown !== null && counts !== undefined && (
        <>
          <Text aria-label="Counts">
            {plural(counts.sourceRows, "row", "rows")} below the header: {count(counts.cleanRows)} clean,{" "}
            {count(counts.rowsWithErrors)} with errors, {count(counts.blankRows)} blank, {count(counts.skippedRows)}{" "}
            skipped as notes, {count(counts.duplicateRowsDropped)} duplicates dropped.
          </Text>
          {shown.problems.length === 0 ? <Text>No problems found.</Text> : <ProblemList problems={shown.problems} />}
          <div className={own.names}>
            <Field label="Payer">
              <Input value={shownPayer} onChange={(_, data) => setPayer(data.value)} disabled={running} />
            </Field>
            <Field label="Year">
              <Input value={shownYear} onChange={(_, data) => setYear(data.value)} disabled={running} />
            </Field>
            <Field
              label="Sheet name"
              validationState={sheetClash === undefined ? "none" : "warning"}
              validationMessage={sheetClash === undefined ? undefined : `A sheet named "${sheetClash}" exists.`}
            >
              <Input value={shownSheetName} onChange={(_, data) => setSheetName(data.value)} disabled={running} />
            </Field>
            <Field
              label="Table name"
              validationState={tableClash === undefined ? "none" : "error"}
              validationMessage={
                tableClash === undefined
                  ? undefined
                  : `A table named "${tableClash.name}" exists on sheet "${tableClash.sheetName}"; choose another name.`
              }
            >
              <Input value={shownTableName} onChange={(_, data) => setTableName(data.value)} disabled={running} />
            </Field>
          </div>
          {sheetClash !== undefined && (
            <Checkbox
              checked={replaceSheet}
              onChange={(_, data) => setReplaceSheet(data.checked === true)}
              label={`Replace the existing sheet "${sheetClash}" and everything on it`}
              disabled={running}
            />
          )}
          {hasErrors && (
            <Checkbox
              checked={skipErrors}
              onChange={(_, data) => setSkipErrors(data.checked === true)}
              label={`Import the ${plural(counts.cleanRows, "clean row", "clean rows")} and skip ${plural(counts.rowsWithErrors, "row", "rows")} with errors`}
              disabled={running || counts.cleanRows === 0}
            />
          )}
          <div className={own.row}>
            <Button appearance="primary" onClick={() => void runImport()} disabled={!canImport}>
              {importPayerSchedule.label}
            </Button>
            <Caption1 className={styles.muted}>{plural(shown.rows.length, "rate", "rates")} into a new sheet</Caption1>
          </div>
        </>
      )}
      <OperationProgress state={state} onCancel={cancel} label="Writing the fee schedule" />
    </section>
  );
}
