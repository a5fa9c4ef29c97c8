import { Button, Caption1, Field, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { RangeSources } from "../../excel/core/rangeGrid";
import { FilePicker } from "../shared/FilePicker";
import { readRangeAsGrid } from "./payerScheduleCommands";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  grow: { flexGrow: 1 },
});

/** Where the schedule is taken from. */
export type SourceMode = "file" | "workbook";

/** Props of {@link SourcePicker}. */
export interface SourcePickerProps {
  readonly mode: SourceMode;
  readonly onMode: (mode: SourceMode) => void;
  /** The chosen file's name, once one is read. */
  readonly fileName: string | null;
  readonly onFile: (file: File) => void;
  /** "selection", or "name:" and a table's or named range's name. */
  readonly rangeChoice: string;
  readonly onRangeChoice: (choice: string) => void;
  readonly ranges: RangeSources;
  readonly onReadRange: () => void;
  /** True while an import runs: the source cannot change. */
  readonly running: boolean;
  /** True while a source is read: another cannot be read meanwhile. */
  readonly reading: boolean;
}

/**
 * Where a payer schedule comes from: a CSV/TSV/TXT file, or a range of the workbook (the selection, a table or a
 * named range) read on request.
 */
export function SourcePicker(props: SourcePickerProps) {
  const { mode, running, reading, ranges } = props;
  const styles = useStyles();
  return (
    <>
      <RadioGroup
        aria-label="Source"
        layout="horizontal"
        value={mode}
        onChange={(_, data) => props.onMode(data.value as SourceMode)}
        disabled={running}
      >
        <Radio value="file" label="A file (CSV, TSV, TXT)" />
        <Radio value="workbook" label="From the workbook" />
      </RadioGroup>
      {mode === "file" ? (
        <div className={styles.row}>
          <FilePicker
            label="Fee schedule file"
            button="Choose a file…"
            accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls"
            appearance={props.fileName === null ? "primary" : "secondary"}
            onFiles={([file]) => props.onFile(file)}
            disabled={running}
          />
          {props.fileName !== null && <Caption1>{props.fileName}</Caption1>}
        </div>
      ) : (
        <div className={styles.row}>
          <Field label="Range" className={styles.grow}>
            <Select
              value={props.rangeChoice}
              onChange={(_, data) => props.onRangeChoice(data.value)}
              disabled={running}
            >
              <option value="selection">The selected range</option>
              {ranges.tables.map((table) => (
                <option key={`t-${table.name}`} value={`name:${table.name}`}>
                  Table {table.name} ({table.sheetName})
                </option>
              ))}
              {ranges.names.map((name) => (
                <option key={`n-${name}`} value={`name:${name}`}>
                  Named range {name}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={props.onReadRange} disabled={running || reading}>
            {readRangeAsGrid.label}
          </Button>
        </div>
      )}
    </>
  );
}
