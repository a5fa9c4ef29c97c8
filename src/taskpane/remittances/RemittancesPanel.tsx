import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_MAX_835_BYTES } from "../../formats/remit835";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import type { Operation } from "../progress/operation";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { FilePicker } from "../shared/FilePicker";
import { usePanelStyles } from "../shared/panelStyles";
import { useCommand } from "../useCommand";
import type { WrittenTable } from "../../excel/core/tableWriter";
import { RemittanceFileList } from "./RemittanceFileList";
import {
  importRemittances,
  suggestRemittanceNames,
  type ImportRemittancesInput,
  type RemittanceNames,
} from "./remittanceCommands";
import { acceptedSources, readRemittanceFiles, type ChosenFile, type RemittanceFilePreview } from "./remittanceFiles";
import { DEFAULT_REMITTANCE_NAME, tableNameFor } from "../../excel/remittances/remittanceTable";

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

type ImportInput = Omit<ImportRemittancesInput, "signal" | "onProgress">;

export interface RemittancesPanelProps {
  /** Files over this size are refused before reading; default the 835 reader's limit (100 MB). */
  readonly maxFileBytes?: number;
}

/**
 * The Remittances panel: choose one or several X12 835 files, see what each holds (claims, lines, denials,
 * warnings) or why it is refused, name the new sheet, and import every accepted file's lines into one table with
 * progress and Cancel.
 */
export function RemittancesPanel({ maxFileBytes = DEFAULT_MAX_835_BYTES }: RemittancesPanelProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  const excel = useExcelGateway();
  const [previews, setPreviews] = useState<readonly RemittanceFilePreview[]>([]);
  // Set once these files are imported: the list stays as a record, the Import button goes until files are chosen again.
  const [imported, setImported] = useState(false);
  const [reading, setReading] = useState(false);
  const [names, refreshNames] = useCommand(suggestRemittanceNames);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [tableName, setTableName] = useState<string | null>(null);
  const operation = useMemo<Operation<ImportInput, WrittenTable>>(
    () => (input, controls) => importRemittances.run(excel, { ...input, ...controls }),
    [excel],
  );
  const { state, start, cancel } = useCancellableOperation(operation);

  // The names last read from the workbook, kept while a refresh runs so the fields do not blank out.
  const [taken, setTaken] = useState<RemittanceNames | null>(null);
  useEffect(() => {
    void refreshNames();
  }, [refreshNames]);
  useEffect(() => {
    if (names.status === "succeeded") setTaken(names.result);
  }, [names]);
  // Propose the first free name once known, and again after an import took it; never over what the user typed.
  const suggested = taken?.suggested ?? { sheetName: DEFAULT_REMITTANCE_NAME, tableName: DEFAULT_REMITTANCE_NAME };
  const shownSheetName = sheetName ?? suggested.sheetName;
  const shownTableName = tableName ?? (sheetName === null ? suggested.tableName : tableNameFor(sheetName));

  const chooseFiles = async (chosen: readonly ChosenFile[]) => {
    setReading(true);
    try {
      setPreviews(await readRemittanceFiles(chosen, maxFileBytes));
      setImported(false);
    } finally {
      setReading(false);
    }
  };

  const sources = acceptedSources(previews);
  const lineCount = sources.reduce((sum, source) => sum + source.file.lines.length, 0);
  const sheetClash = taken?.sheetNames.find((n) => n.toLowerCase() === shownSheetName.trim().toLowerCase());
  const tableClash = taken?.tableNames.find((n) => n.toLowerCase() === shownTableName.trim().toLowerCase());
  const running = state.status === "running";
  const canImport =
    lineCount > 0 &&
    !imported &&
    !running &&
    !reading &&
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

  const runImport = () => start({ sheetName: shownSheetName.trim(), tableName: shownTableName.trim(), sources });

  return (
    <section className={styles.panel} aria-labelledby="remittances-panel-title">
      <Subtitle2 as="h2" id="remittances-panel-title">
        Remittances
      </Subtitle2>
      <Text className={styles.muted}>
        Import X12 835 remittance files into a table: one row per service line paid, adjusted or denied.
      </Text>
      <div className={styles.chooser}>
        <FilePicker
          label="835 remittance files"
          button="Choose 835 files…"
          accept=".835,.edi,.txt,.x12,.dat"
          multiple
          appearance={previews.length === 0 ? "primary" : "secondary"}
          onFiles={(files) => void chooseFiles(files)}
          disabled={running}
        />
        {reading && <Spinner size="tiny" label="Reading the files…" />}
      </div>
      {previews.length > 0 && <RemittanceFileList previews={previews} />}
      {lineCount > 0 && !imported && (
        <>
          <div className={styles.names}>
            <Field
              label="New sheet"
              validationState={sheetClash === undefined ? "none" : "error"}
              validationMessage={
                sheetClash === undefined ? undefined : `A sheet named "${sheetClash}" exists; choose another name.`
              }
            >
              <Input
                className={styles.input}
                value={shownSheetName}
                onChange={(_, data) => setSheetName(data.value)}
                disabled={running}
              />
            </Field>
            <Field
              label="Table name"
              validationState={tableClash === undefined ? "none" : "error"}
              validationMessage={
                tableClash === undefined ? undefined : `A table named "${tableClash}" exists; choose another name.`
              }
            >
              <Input
                className={styles.input}
                value={shownTableName}
                onChange={(_, data) => {
                  if (sheetName === null) setSheetName(shownSheetName);
                  setTableName(data.value);
                }}
                disabled={running}
              />
            </Field>
          </div>
          <div className={styles.chooser}>
            <Button appearance="primary" onClick={() => void runImport()} disabled={!canImport}>
              {importRemittances.label} {lineCount.toLocaleString("en-US")} {lineCount === 1 ? "line" : "lines"}
            </Button>
            <Caption1 className={styles.muted}>
              from {sources.length} {sources.length === 1 ? "file" : "files"}, into a new sheet
            </Caption1>
          </div>
        </>
      )}
      <OperationProgress
        state={state}
        onCancel={cancel}
        label="Writing the remittance table"
        unit={{ one: "line", many: "lines" }}
      />
      {state.status === "succeeded" && (
        <div className={own.hint}>
          <Caption1 className={styles.muted}>Denial rate of the imported lines, in any cell:</Caption1>
          <code className={own.formula}>=PAYER.DENIAL_RATE({state.value.tableName}[Outcome])</code>
        </div>
      )}
    </section>
  );
}
