import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Combobox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useComboboxFilter,
} from "@fluentui/react-components";
import type { LocalityGpci } from "../../engine";
import { defaultMedicareScheduleNames, type WrittenMedicareSchedule } from "../../excel/medicareSchedule";
import { useExcelGateway } from "../ExcelGatewayContext";
import { OperationProgress } from "../progress/OperationProgress";
import type { Operation } from "../progress/operation";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { FilePicker } from "../shared/FilePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { importMedicareSchedule, type ImportMedicareScheduleInput } from "./medicareCommands";
import {
  conversionFactorFor,
  localityChoices,
  localityText,
  previewAmounts,
  readGpci,
  readPprrvu,
  refuseChosenFile,
  type GpciFile,
  type MedicareFileKind,
  type PprrvuFile,
} from "./medicareFiles";

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  preview: { borderCollapse: "collapse", "& th, & td": { padding: `2px ${tokens.spacingHorizontalS}`, textAlign: "right" } }, // prettier-ignore
});

/** A chosen file after reading: parsed, or refused with the message to show. */
type Chosen<F> =
  | { readonly status: "read"; readonly file: F; readonly content: Uint8Array }
  | { readonly status: "refused"; readonly message: string };

type ImportInput = Omit<ImportMedicareScheduleInput, "signal" | "onProgress">;

/** Problems shown in full; the rest are counted. */
const SHOWN_PROBLEMS = 20;

/** The file's bytes: the readers detect the encoding (UTF-8, UTF-16, Windows-1252) themselves. */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("the browser refused to read it"));
    reader.readAsArrayBuffer(file);
  });
}

/** Reads and parses a chosen file, refusing it up front when too large or not CSV. */
async function readChosen<F>(
  file: File,
  kind: MedicareFileKind,
  parse: (name: string, content: Uint8Array) => { ok: true; value: F } | { ok: false; issue: string },
): Promise<Chosen<F>> {
  const refused = refuseChosenFile(file, kind);
  if (refused !== null) return { status: "refused", message: refused };
  try {
    const content = await readBytes(file);
    const parsed = parse(file.name, content);
    return parsed.ok ? { status: "read", file: parsed.value, content } : { status: "refused", message: parsed.issue };
  } catch (error) {
    return { status: "refused", message: `${file.name} cannot be read: ${String(error)}` };
  }
}

function Problems({ title, problems }: { readonly title: string; readonly problems: readonly string[] }) {
  const own = useStyles();
  if (problems.length === 0) return null;
  const more = problems.length - SHOWN_PROBLEMS;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={own.problems} aria-label={title}>
          {problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        {more > 0 && `…and ${more.toLocaleString("en-US")} more.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The CMS files are read as CSV only (an .xlsx must be saved as CSV first). */
const CSV = ".csv,text/csv";

/**
 * The Medicare schedule panel: choose the CMS PPRRVU and GPCI CSV files, see their counts and every problem row,
 * pick a locality from a searchable list, check a few amounts, name the sheet and table, and import with progress
 * and Cancel. The schedule lands in a new sheet, registered in MedicareSchedules for PAYER.MEDICARE_RATE.
 */
export function MedicareSchedulePanel() {
  const styles = usePanelStyles();
  const own = useStyles();
  const excel = useExcelGateway();
  const [pprrvu, setPprrvu] = useState<Chosen<PprrvuFile> | null>(null);
  const [gpci, setGpci] = useState<Chosen<GpciFile> | null>(null);
  const [localityKey, setLocalityKey] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [yearText, setYearText] = useState<string | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [tableName, setTableName] = useState<string | null>(null);
  const operation = useMemo<Operation<ImportInput, WrittenMedicareSchedule>>(
    () => (input, controls) => importMedicareSchedule.run(excel, { ...input, ...controls }),
    [excel],
  );
  const { state, start, cancel } = useCancellableOperation(operation);
  const running = state.status === "running";

  const gpciFile = gpci?.status === "read" ? gpci.file : null;
  const localities = useMemo(() => localityChoices(gpciFile), [gpciFile]);
  const options = useMemo(
    () => localities.map((l) => ({ value: l.localityKey as string, children: localityText(l) })),
    [localities],
  );
  const filtered = useComboboxFilter(query, options, {
    noOptionsMessage: "No locality matches.",
    optionToText: (option) => option.children,
  });
  const locality: LocalityGpci | undefined = localities.find((l) => l.localityKey === localityKey);

  const pprrvuFile = pprrvu?.status === "read" ? pprrvu.file : null;
  const shownYear = yearText ?? (pprrvuFile?.year ? String(pprrvuFile.year) : "");
  const year = /^\d{4}$/.test(shownYear.trim()) ? Number(shownYear.trim()) : null;
  const conversionFactor = pprrvuFile && year !== null ? conversionFactorFor(pprrvuFile, year) : null;
  const names = year !== null && locality !== undefined ? defaultMedicareScheduleNames(year, locality) : null;
  const shownSheetName = sheetName ?? names?.sheetName ?? "";
  const shownTableName = tableName ?? names?.tableName ?? "";
  const amounts =
    pprrvuFile && locality && conversionFactor ? previewAmounts(pprrvuFile.rows, locality, conversionFactor) : [];
  const canImport =
    pprrvu?.status === "read" &&
    locality !== undefined &&
    year !== null &&
    conversionFactor !== null &&
    shownSheetName.trim() !== "" &&
    shownTableName.trim() !== "" &&
    !running;

  const choosePprrvu = async (file: File) => setPprrvu(await readChosen(file, "pprrvu", readPprrvu));
  const chooseGpci = async (file: File) => {
    setGpci(await readChosen(file, "gpci", readGpci));
    setLocalityKey(null);
    setQuery("");
  };
  const runImport = () => {
    if (pprrvu?.status !== "read" || locality === undefined || year === null) return;
    void start({
      pprrvuText: pprrvu.content,
      pprrvuFileName: pprrvu.file.fileName,
      gpciText: gpci?.status === "read" ? gpci.content : null,
      gpciFileName: gpci?.status === "read" ? gpci.file.fileName : undefined,
      locality: locality.localityKey,
      year,
      sheetName: shownSheetName.trim(),
      tableName: shownTableName.trim(),
    });
  };

  return (
    <section className={styles.panel} aria-labelledby="medicare-panel-title">
      <Subtitle2 as="h2" id="medicare-panel-title">
        Medicare schedule
      </Subtitle2>
      <Text className={styles.muted}>
        Import the CMS physician fee schedule for your locality: the relative value file (PPRRVU) and the GPCI file,
        both as CSV. An .xlsx from CMS: open it in Excel and save it as CSV first.
      </Text>

      <div className={styles.chooser}>
        <FilePicker
          label="PPRRVU file"
          button="Choose PPRRVU file…"
          accept={CSV}
          onFiles={([f]) => void choosePprrvu(f)}
          disabled={running}
        />
        {pprrvu?.status === "read" && (
          <Caption1 aria-label="PPRRVU summary">
            {pprrvu.file.fileName}: {pprrvu.file.rows.length.toLocaleString("en-US")} codes
            {pprrvu.file.conversionFactor && `, CF ${pprrvu.file.conversionFactor.toString()}`}
          </Caption1>
        )}
      </div>
      {pprrvu?.status === "refused" && <Notice>{pprrvu.message}</Notice>}
      {pprrvu?.status === "read" && (
        <>
          <Caption1 className={styles.muted}>{pprrvu.file.label}</Caption1>
          <Problems
            title={`${pprrvu.file.problems.length} problems in ${pprrvu.file.fileName}: those rows will be left out`}
            problems={pprrvu.file.problems}
          />
        </>
      )}

      <div className={styles.chooser}>
        <FilePicker
          label="GPCI file"
          button="Choose GPCI file…"
          accept={CSV}
          onFiles={([f]) => void chooseGpci(f)}
          disabled={running}
        />
        {gpci?.status === "read" && (
          <Caption1 aria-label="GPCI summary">
            {gpci.file.fileName}: {gpci.file.localities.length} localities
          </Caption1>
        )}
        {gpci === null && <Caption1 className={styles.muted}>Without it, only national amounts (GPCI 1.000).</Caption1>}
      </div>
      {gpci?.status === "refused" && <Notice>{gpci.message}</Notice>}
      {gpci?.status === "read" && (
        <Problems
          title={`${gpci.file.problems.length} problems in ${gpci.file.fileName}: those localities are left out`}
          problems={gpci.file.problems}
        />
      )}
      {gpci?.status === "read" && (
        <Problems
          title={`${gpci.file.warnings.length} warnings in ${gpci.file.fileName}: those localities are imported as they are`}
          problems={gpci.file.warnings}
        />
      )}

      {pprrvu?.status === "read" && (
        <>
          <Field label="Locality" hint="Type a MAC, a locality number or a name.">
            <Combobox
              placeholder="Search localities"
              value={query}
              selectedOptions={localityKey === null ? [] : [localityKey]}
              onChange={(event) => setQuery(event.target.value)}
              onOptionSelect={(_, data) => {
                setLocalityKey(data.optionValue ?? null);
                setQuery(data.optionText ?? "");
                setSheetName(null);
                setTableName(null);
              }}
              disabled={running}
            >
              {filtered}
            </Combobox>
          </Field>
          <Field
            label="Year"
            validationState={year === null ? "error" : "none"}
            validationMessage={year === null ? "Enter the PFS year, like 2025." : undefined}
          >
            <Input value={shownYear} onChange={(_, data) => setYearText(data.value)} disabled={running} />
          </Field>
        </>
      )}

      {amounts.length > 0 && locality && (
        <table className={own.preview} aria-label="Amounts preview">
          <caption>
            <Caption1>
              {localityText(locality)}, CF {conversionFactor?.toString()}
            </Caption1>
          </caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Non-facility</th>
              <th scope="col">Facility</th>
            </tr>
          </thead>
          <tbody>
            {amounts.map((a) => (
              <tr key={a.hcpcsCode}>
                <th scope="row">{a.hcpcsCode}</th>
                <td>{a.nonFacility === null ? "not in file" : `$${a.nonFacility}`}</td>
                <td>{a.facility === null ? "not in file" : `$${a.facility}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {names !== null && (
        <>
          <div className={styles.names}>
            <Field label="New sheet">
              <Input
                className={styles.input}
                value={shownSheetName}
                onChange={(_, data) => setSheetName(data.value)}
                disabled={running}
              />
            </Field>
            <Field label="Table name">
              <Input
                className={styles.input}
                value={shownTableName}
                onChange={(_, data) => setTableName(data.value)}
                disabled={running}
              />
            </Field>
          </div>
          <div className={styles.chooser}>
            <Button appearance="primary" onClick={runImport} disabled={!canImport}>
              {importMedicareSchedule.label}
            </Button>
            <Caption1 className={styles.muted}>into a new sheet, registered in MedicareSchedules</Caption1>
          </div>
        </>
      )}
      <OperationProgress state={state} onCancel={cancel} label="Writing the Medicare schedule" />
    </section>
  );
}
