import { useEffect, useMemo, useState } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_MAX_835_BYTES } from "../../formats/remit835";
import { DEFAULT_REMITTANCE_NAME, tableNameFor } from "../../excel/remittances/remittanceTable";
import { ActionProgress, OperationProgress } from "../progress/OperationProgress";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { useOperationCommand } from "../progress/useOperationCommand";
import { FilePicker } from "../shared/FilePicker";
import { Notice } from "../shared/Notice";
import { TextFields } from "../shared/fields";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf } from "../shared/wording";
import { useCommand } from "../useCommand";
import { RemittanceFileList } from "./RemittanceFileList";
import {
  checkDuplicateRemittances,
  importRemittances,
  suggestRemittanceNames,
  type RemittanceNames,
} from "./remittanceCommands";
import { acceptedSources, readRemittanceFilesOperation, type RemittanceFilePreview } from "./remittanceFiles";
import { ActionBar } from "../shared/ActionBar";

const useStyles = makeStyles({
  hint: { display: "flex", flexDirection: "column", gap: "2px" },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    userSelect: "all",
  },
});

const FILES = { one: "file", many: "files" };
const LINES = { one: "line", many: "lines" };

/** The problem of a new sheet's or table's name that another sheet or table has. */
const nameTaken = (what: "sheet" | "table", name: string | undefined) =>
  name === undefined
    ? null
    : { severity: "error" as const, message: `A ${what} named "${name}" exists; choose another name.` };

export interface RemittancesPanelProps {
  /** Files over this size are refused before reading; default the 835 reader's limit (100 MB). */
  readonly maxFileBytes?: number;
}

/**
 * The Remittances panel: choose one or several X12 835 files, see what each holds (claims, lines, denials,
 * warnings) or why it is refused, name the new sheet, and import every accepted file's lines into one table with
 * progress and Cancel. Reading the files shows its progress in files, and can be cancelled too.
 */
export function RemittancesPanel({ maxFileBytes = DEFAULT_MAX_835_BYTES }: RemittancesPanelProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  const reading = useCancellableOperation(useMemo(() => readRemittanceFilesOperation(maxFileBytes), [maxFileBytes]));
  // The files last read: kept while other files are read, and when that reading is cancelled.
  const [previews, setPreviews] = useState<readonly RemittanceFilePreview[]>([]);
  // Set once these files are imported: the list stays as a record, the Import button goes until files are chosen again.
  const [imported, setImported] = useState(false);
  const [names, refreshNames] = useCommand(suggestRemittanceNames);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [tableName, setTableName] = useState<string | null>(null);
  const { state, start, cancel } = useOperationCommand(importRemittances);

  // The names last read from the workbook, kept while a refresh runs so the fields do not blank out.
  const [taken, setTaken] = useState<RemittanceNames | null>(null);
  useEffect(() => {
    void refreshNames();
  }, [refreshNames]);
  useEffect(() => {
    if (names.status === "succeeded") setTaken(names.result);
  }, [names]);
  // Files whose payments the workbook (or another chosen file) holds already, said before Import is pressed.
  const [duplicates, checkDuplicates] = useCommand(checkDuplicateRemittances);
  useEffect(() => {
    if (reading.state.status !== "succeeded") return;
    setPreviews(reading.state.value);
    setImported(false);
    void checkDuplicates(acceptedSources(reading.state.value));
  }, [reading.state, checkDuplicates]);
  // Propose the first free name once known, and again after an import took it; never over what the user typed.
  const suggested = taken?.suggested ?? { sheetName: DEFAULT_REMITTANCE_NAME, tableName: DEFAULT_REMITTANCE_NAME };
  const shownSheetName = sheetName ?? suggested.sheetName;
  const shownTableName = tableName ?? (sheetName === null ? suggested.tableName : tableNameFor(sheetName));

  const sources = acceptedSources(previews);
  const lineCount = sources.reduce((sum, source) => sum + source.file.lines.length, 0);
  const sheetClash = taken?.sheetNames.find((n) => n.toLowerCase() === shownSheetName.trim().toLowerCase());
  const tableClash = taken?.tableNames.find((n) => n.toLowerCase() === shownTableName.trim().toLowerCase());
  const running = state.status === "running";
  const canImport =
    lineCount > 0 &&
    !imported &&
    !running &&
    reading.state.status !== "running" &&
    names.status !== "running" &&
    shownSheetName.trim() !== "" &&
    sheetClash === undefined &&
    tableClash === undefined;

  useEffect(() => {
    if (state.status !== "succeeded") return;
    setImported(true);
    // The name just used is taken now: propose the next free one for the next import.
    setSheetName(null);
    setTableName(null);
    void refreshNames();
  }, [state, refreshNames]);

  // A table named by hand keeps the sheet's name as it was shown, instead of following it.
  const changeTableName = (name: string) => {
    if (sheetName === null) setSheetName(shownSheetName);
    setTableName(name);
  };
  const runImport = () => start({ sheetName: shownSheetName.trim(), tableName: shownTableName.trim(), sources });

  return (
    <PanelSection
      id="remittances"
      title="Remittances"
      intro="Import X12 835 remittance files into a table: one row per service line paid, adjusted or denied."
    >
      <div className={styles.chooser}>
        <FilePicker
          label="835 remittance files"
          button="Choose 835 files…"
          accept=".835,.edi,.txt,.x12,.dat"
          multiple
          appearance={previews.length === 0 ? "primary" : "secondary"}
          onFiles={(files) => void reading.start(files)}
          disabled={running || reading.state.status === "running"}
        />
      </div>
      <ActionProgress
        action={reading}
        label="Reading the files"
        unit={FILES}
        cancelling="Cancelling: the file being read is finished first…"
      />
      {previews.length > 0 && <RemittanceFileList previews={previews} />}
      {lineCount > 0 && !imported && (
        <>
          <div className={styles.names}>
            <TextFields
              inputClassName={styles.input}
              disabled={running}
              fields={[
                { label: "New sheet", value: shownSheetName, onChange: setSheetName, problem: nameTaken("sheet", sheetClash) }, // prettier-ignore
                { label: "Table name", value: shownTableName, onChange: changeTableName, problem: nameTaken("table", tableClash) }, // prettier-ignore
              ]}
            />
          </div>
          {duplicates.status === "succeeded" &&
            duplicates.result.map((message) => (
              <Notice key={message} intent="warning" title="Imported before?">
                {message}
              </Notice>
            ))}
        </>
      )}
      <ActionBar>
        {lineCount > 0 && !imported && (
          <div className={styles.chooser}>
            <Button appearance="primary" onClick={() => void runImport()} disabled={!canImport}>
              {importRemittances.label} {countOf(lineCount, "line", "lines")}
            </Button>
            <Caption1 className={styles.muted}>
              from {countOf(sources.length, "file", "files")}, into a new sheet
            </Caption1>
          </div>
        )}
        <OperationProgress
          state={state}
          onCancel={cancel}
          label="Writing the remittance table"
          unit={LINES}
          resultSheets={(written) => [written.sheetName]}
        />
      </ActionBar>
      {state.status === "succeeded" && (
        <div className={own.hint}>
          <Caption1 className={styles.muted}>Denial rate of the imported lines, in any cell:</Caption1>
          <code className={own.formula}>=PAYER.DENIAL_RATE({state.value.tableName}[Outcome])</code>
        </div>
      )}
    </PanelSection>
  );
}
