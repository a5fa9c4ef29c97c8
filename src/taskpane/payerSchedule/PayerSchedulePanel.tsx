import { useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { defaultScheduleTableName, previewYear } from "../../excel/payerSchedule/payerScheduleImport";
import { canInsertWorkbookFiles } from "../../excel/payerSchedule/readScheduleWorkbookFile";
import { describeRangeReadIssue, type RangeSource } from "../../excel/core/rangeGrid";
import type { ScheduleWorkbookFile } from "../../excel/payerSchedule/readScheduleWorkbookFile";
import type { ColumnMapping, MappingSuggestion, PayerScheduleField } from "../../formats/payerSchedule";
import { describeError } from "../describeError";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { TextFields, type FieldProblem } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { ProgressLine } from "../shared/ProgressLine";
import { countOf, groupedNumber } from "../shared/wording";
import { useCommand } from "../useCommand";
import { MappingEditor } from "./MappingEditor";
import {
  importPayerSchedule,
  listScheduleRanges,
  readRangeAsGrid,
  readScheduleNames,
  readScheduleWorkbook,
} from "./payerScheduleCommands";
import { ProblemList } from "./ProblemList";
import {
  firstRowNumberOf,
  isXlsxFile,
  proposedPayer,
  readChosenFile,
  readChosenWorkbook,
  type ScheduleSource,
  type SourceChoices,
} from "./scheduleSource";
import { SourcePicker, type SourceMode } from "./SourcePicker";
import { progressText, useSchedulePreview } from "./useSchedulePreview";
import { ActionBar } from "../shared/ActionBar";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  // Two columns where each gets 150 px, one on a narrow pane; minmax's lower bound keeps inputs inside the pane.
  names: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 150px), 1fr))",
    gap: tokens.spacingHorizontalM,
  },
});

/** What the mapping editor shows while the current choices give no preview (e.g. a column mapped twice). */
interface Layout {
  readonly source: ScheduleSource;
  readonly headerRowNumber: number;
  readonly headers: readonly string[];
  readonly suggestion: MappingSuggestion;
  readonly mapping: ColumnMapping;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

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
  const [mode, setMode] = useState<SourceMode>("file");
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
  const { state, start, cancel } = useOperationCommand(importPayerSchedule);
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
  /** Reads a source with the spinner shown, refusing it with the reader's message or Excel's, in the user's words. */
  const readSource = async (
    read: () => Promise<{ ok: true; source: ScheduleSource } | { ok: false; message: string }>,
  ) => {
    setReading(true);
    try {
      const outcome = await read();
      if (outcome.ok) takeSource(outcome.source);
      else refuse(outcome.message);
    } catch (error) {
      refuse(describeError(error, "reading"));
    } finally {
      setReading(false);
    }
  };

  const chooseFile = (chosen: File) =>
    readSource(async () => {
      if (isXlsxFile(chosen.name)) {
        const reading = {
          canInsertWorkbookFiles: canInsertWorkbookFiles(),
          read: (file: ScheduleWorkbookFile) => readScheduleWorkbook.run(excel, file),
        };
        return readChosenWorkbook(chosen, reading, maxFileBytes);
      }
      const read = await readChosenFile(chosen, maxFileBytes);
      return read.ok ? { ok: true, source: { kind: "file", file: read.file } } : read;
    });
  const readRange = () =>
    readSource(async () => {
      const rangeSource: RangeSource =
        rangeChoice === "selection" ? { kind: "selection" } : { kind: "name", name: rangeChoice.slice("name:".length) };
      const grid = await readRangeAsGrid.run(excel, rangeSource);
      return grid.ok
        ? { ok: true, source: { kind: "range", grid: grid.value } }
        : { ok: false, message: describeRangeReadIssue(grid.issue) };
    });

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
  const sheetProblem: FieldProblem | null =
    sheetClash === undefined ? null : { severity: "warning", message: `A sheet named "${sheetClash}" exists.` };
  const tableProblem: FieldProblem | null =
    tableClash === undefined
      ? null
      : {
          severity: "error",
          message: `A table named "${tableClash.name}" exists on sheet "${tableClash.sheetName}"; choose another name.`,
        };
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

  const previewProgress = previewing.state.status === "running" ? previewing.state.progress : null;
  return (
    <PanelSection
      id="payer-schedule"
      title="Fee schedule"
      intro="Import a payer's fee schedule into a table that contracts can name. Nothing is written before you have seen every problem."
    >
      <SourcePicker
        mode={mode}
        onMode={setMode}
        fileName={source?.kind === "file" ? source.file.name : null}
        onFile={(file) => void chooseFile(file)}
        rangeChoice={rangeChoice}
        onRangeChoice={setRangeChoice}
        ranges={ranges.status === "succeeded" ? ranges.result : { tables: [], names: [] }}
        onReadRange={() => void readRange()}
        running={running}
        reading={reading}
      />
      {reading && <Spinner size="tiny" label="Reading…" />}
      {previewing.state.status === "running" && (
        <ProgressLine
          label="Checking the schedule"
          value={
            previewProgress === null || previewProgress.total === 0
              ? undefined
              : previewProgress.done / previewProgress.total
          }
          hint={progressText(previewProgress)}
          onCancel={previewing.cancel}
          cancelRequested={false}
        />
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
          firstColumnIndex={source?.kind === "range" ? source.grid.firstColumnNumber - 1 : 0}
          onChange={changeMapping}
          disabled={running}
        />
      )}
      {shown !== null && counts !== undefined && (
        <>
          <Text aria-label="Counts">
            {countOf(counts.sourceRows, "row", "rows")} below the header: {groupedNumber(counts.cleanRows)} clean,{" "}
            {groupedNumber(counts.rowsWithErrors)} with errors, {groupedNumber(counts.blankRows)} blank,{" "}
            {groupedNumber(counts.skippedRows)} skipped as notes, {groupedNumber(counts.duplicateRowsDropped)}{" "}
            duplicates dropped.
          </Text>
          {shown.problems.length === 0 ? <Text>No problems found.</Text> : <ProblemList problems={shown.problems} />}
          <div className={own.names}>
            <TextFields
              inputClassName={styles.input}
              disabled={running}
              fields={[
                { label: "Payer", value: shownPayer, onChange: setPayer },
                { label: "Year", value: shownYear, onChange: setYear },
                { label: "Sheet name", value: shownSheetName, onChange: setSheetName, problem: sheetProblem },
                { label: "Table name", value: shownTableName, onChange: setTableName, problem: tableProblem },
              ]}
            />
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
              label={`Import the ${countOf(counts.cleanRows, "clean row", "clean rows")} and skip ${countOf(counts.rowsWithErrors, "row", "rows")} with errors`}
              disabled={running || counts.cleanRows === 0}
            />
          )}
        </>
      )}
      <ActionBar>
        {shown !== null && counts !== undefined && (
          <div className={own.row}>
            <Button appearance="primary" onClick={() => void runImport()} disabled={!canImport}>
              {importPayerSchedule.label}
            </Button>
            <Caption1 className={styles.muted}>{countOf(shown.rows.length, "rate", "rates")} into a new sheet</Caption1>
          </div>
        )}
        <OperationProgress
          state={state}
          onCancel={cancel}
          label="Writing the fee schedule"
          resultSheets={(written) => [written.sheetName]}
        />
      </ActionBar>
    </PanelSection>
  );
}
