import { useMemo, useState } from "react";
import { Button, Caption1, Combobox, Field, makeStyles, tokens, useComboboxFilter } from "@fluentui/react-components";
import type { LocalityGpci } from "../../engine";
import { defaultMedicareScheduleNames } from "../../excel/medicareSchedule";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { TextField, TextFields } from "../shared/fields";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { readFileBytes } from "../shared/readFileBytes";
import { importMedicareSchedule } from "./medicareCommands";
import { GPCI_KIND, MedicareFileChoice, OPPSCAP_KIND, PPRRVU_KIND, type Chosen } from "./MedicareFileChoice";
import { ANES_KIND, BASE_UNITS_KIND } from "./MedicareFileChoice";
import {
  conversionFactorFor,
  localityChoices,
  localityText,
  previewAmounts,
  readAnes,
  readBaseUnits,
  readGpci,
  readOppsCap,
  readPprrvu,
  refuseChosenFile,
  type AnesFile,
  type BaseUnitsFile,
  type GpciFile,
  type MedicareFileKind,
  type OppsCapFile,
  type PprrvuFile,
} from "./medicareFiles";
import { ActionBar } from "../shared/ActionBar";

const useStyles = makeStyles({
  preview: { borderCollapse: "collapse", "& th, & td": { padding: `2px ${tokens.spacingHorizontalS}`, textAlign: "right" } }, // prettier-ignore
});

/** Reads and parses a chosen file, refusing it up front when too large or not CSV. */
async function readChosen<F>(
  file: File,
  kind: MedicareFileKind,
  parse: (name: string, content: Uint8Array) => { ok: true; value: F } | { ok: false; issue: string },
): Promise<Chosen<F>> {
  const refused = refuseChosenFile(file, kind);
  if (refused !== null) return { status: "refused", message: refused };
  const content = await readFileBytes(file);
  if (!content.ok) return { status: "refused", message: `"${file.name}" cannot be read: ${content.issue}.` };
  const parsed = parse(file.name, content.value);
  return parsed.ok
    ? { status: "read", file: parsed.value, content: content.value }
    : { status: "refused", message: parsed.issue };
}

/**
 * The Medicare schedule panel: choose the CMS PPRRVU and GPCI CSV files (and optionally OPPSCAP, the imaging caps,
 * ANES, the anesthesia conversion factors, and an anesthesia base units list),
 * see their counts and every problem row,
 * pick a locality from a searchable list, check a few amounts, name the sheet and table, and import with progress
 * and Cancel. The schedule lands in a new sheet, registered in MedicareSchedules for PAYER.MEDICARE_RATE.
 */
export function MedicareSchedulePanel() {
  const styles = usePanelStyles();
  const own = useStyles();
  const [pprrvu, setPprrvu] = useState<Chosen<PprrvuFile> | null>(null);
  const [gpci, setGpci] = useState<Chosen<GpciFile> | null>(null);
  const [oppsCap, setOppsCap] = useState<Chosen<OppsCapFile> | null>(null);
  const [anes, setAnes] = useState<Chosen<AnesFile> | null>(null);
  const [baseUnits, setBaseUnits] = useState<Chosen<BaseUnitsFile> | null>(null);
  const [localityKey, setLocalityKey] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [yearText, setYearText] = useState<string | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [tableName, setTableName] = useState<string | null>(null);
  const { state, start, cancel } = useOperationCommand(importMedicareSchedule);
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
  const chooseOppsCap = async (file: File) => setOppsCap(await readChosen(file, "oppsCap", readOppsCap));
  const chooseAnes = async (file: File) => setAnes(await readChosen(file, "anes", readAnes));
  const chooseBaseUnits = async (file: File) => setBaseUnits(await readChosen(file, "baseUnits", readBaseUnits));
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
      oppsCapText: oppsCap?.status === "read" ? oppsCap.content : null,
      oppsCapFileName: oppsCap?.status === "read" ? oppsCap.file.fileName : undefined,
      anesText: anes?.status === "read" ? anes.content : null,
      anesFileName: anes?.status === "read" ? anes.file.fileName : undefined,
      baseUnitsText: baseUnits?.status === "read" ? baseUnits.content : null,
      baseUnitsFileName: baseUnits?.status === "read" ? baseUnits.file.fileName : undefined,
      locality: locality.localityKey,
      year,
      sheetName: shownSheetName.trim(),
      tableName: shownTableName.trim(),
    });
  };

  return (
    <PanelSection
      id="medicare"
      title="Medicare schedule"
      intro="Import the CMS physician fee schedule for your locality: the relative value file (PPRRVU) and the GPCI file, both as CSV, and optionally the OPPS imaging caps (OPPSCAP) so that imaging is paid at the cap where it is lower, and for anesthesia the ANES file (the locality's anesthesia conversion factor) and an anesthesia base units list (CMS's or the payer's). An .xlsx from CMS: open it in Excel and save it as CSV first."
    >
      <MedicareFileChoice kind={PPRRVU_KIND} chosen={pprrvu} onFile={(f) => void choosePprrvu(f)} disabled={running} />
      <MedicareFileChoice kind={GPCI_KIND} chosen={gpci} onFile={(f) => void chooseGpci(f)} disabled={running} />
      <MedicareFileChoice
        kind={OPPSCAP_KIND}
        chosen={oppsCap}
        onFile={(f) => void chooseOppsCap(f)}
        disabled={running}
      />
      <MedicareFileChoice kind={ANES_KIND} chosen={anes} onFile={(f) => void chooseAnes(f)} disabled={running} />
      <MedicareFileChoice
        kind={BASE_UNITS_KIND}
        chosen={baseUnits}
        onFile={(f) => void chooseBaseUnits(f)}
        disabled={running}
      />

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
          <TextField
            label="Year"
            value={shownYear}
            onChange={setYearText}
            disabled={running}
            problem={year === null ? { severity: "error", message: "Enter the PFS year, like 2025." } : null}
          />
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
            <TextFields
              inputClassName={styles.input}
              disabled={running}
              fields={[
                { label: "New sheet", value: shownSheetName, onChange: setSheetName },
                { label: "Table name", value: shownTableName, onChange: setTableName },
              ]}
            />
          </div>
        </>
      )}
      <ActionBar>
        {names !== null && (
          <div className={styles.chooser}>
            <Button appearance="primary" onClick={runImport} disabled={!canImport}>
              {importMedicareSchedule.label}
            </Button>
            <Caption1 className={styles.muted}>into a new sheet, registered in MedicareSchedules</Caption1>
          </div>
        )}
        <OperationProgress
          state={state}
          onCancel={cancel}
          label="Writing the Medicare schedule"
          resultSheets={(written) => [written.sheetName]}
        />
      </ActionBar>
    </PanelSection>
  );
}
