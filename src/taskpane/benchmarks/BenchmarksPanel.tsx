import { useEffect, useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Field } from "@fluentui/react-components";
import type { LocalityKey, UpliftRankBasis } from "../../engine";
import { BENCHMARKS_TABLE } from "../../excel/benchmarks";
import { ActionProgress, OperationProgress } from "../progress/OperationProgress";
import { useCancellableOperation } from "../progress/useCancellableOperation";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ActionBar } from "../shared/ActionBar";
import { listClaimsTables } from "../shared/claimsCommands";
import { useClaimsMapping } from "../shared/ClaimsTablePicker";
import { ChoiceSelect } from "../shared/fields";
import { FilePicker } from "../shared/FilePicker";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf } from "../shared/wording";
import { useCommand } from "../useCommand";
import {
  buildBenchmarkSheetCommand,
  findExistingBenchmarks,
  listMedicareLocalities,
  suggestTopCodes,
  TOP_CODE_COUNT,
  writeBenchmarksCommand,
} from "./benchmarkCommands";
import {
  BENCHMARK_FILE_KIND_IDS,
  BENCHMARK_FILE_KINDS,
  ratesOf,
  readBenchmarkFiles,
  type BenchmarkFilePreview,
  type ChosenBenchmarkFile,
  type ReadingDetail,
} from "./benchmarkFiles";
import { BenchmarkFileList } from "./BenchmarkFileList";
import { BenchmarkFilters, filterOf, providersProblem, type BenchmarkFilterForm } from "./BenchmarkFilters";

const BYTES = { one: "byte", many: "bytes" };
const RATES = { one: "rate", many: "rates" };
const RANK_WORDS: Record<UpliftRankBasis, string> = { revenue: "allowed dollars", volume: "count of lines" };

/** The organisation's top codes for the code filter: from the claims table when there is one, else none. */
function useTopCodes(rankBy: UpliftRankBasis) {
  const [tables, listTables] = useCommand(listClaimsTables);
  useEffect(() => void listTables(), [listTables]);
  // Only a table named like claims: ranking another table's codes would not be the organisation's top codes.
  const claims = tables.status === "succeeded" ? (tables.result.find((t) => /claim/i.test(t.name)) ?? null) : null;
  const { mapping } = useClaimsMapping(claims);
  const [top, suggest] = useCommand(suggestTopCodes);
  useEffect(() => {
    if (claims !== null && mapping !== null) void suggest({ tableName: claims.name, mapping, rankBy });
    // Ranked again when the table, its mapping or the ranking change.
  }, [claims?.name, mapping, rankBy, suggest]);
  const codes = top.status === "succeeded" && top.result.ok ? top.result.codes : null;
  const note =
    claims === null
      ? "No claims table in this workbook: type the codes to benchmark."
      : top.status === "succeeded" && !top.result.ok
        ? `The top codes of table ${claims.name} could not be read: ${top.result.message}`
        : `Default: the top ${TOP_CODE_COUNT} codes of table ${claims.name} by ${RANK_WORDS[rankBy]}.`;
  const source = claims !== null && mapping !== null ? { tableName: claims.name, mapping } : null;
  return { hasClaims: claims !== null, codes, note, source };
}

/**
 * The Benchmarks panel: pick price-transparency files (several hospitals now, health plans' TiC files next), the
 * codes, setting and billing class to keep and the Medicare locality; read them with progress in bytes and rows and
 * Cancel; see per file what was kept and skipped and its positioned problems (a refused file says why and costs the
 * others nothing); then write the Benchmarks table, replacing an earlier one once confirmed.
 */
export function BenchmarksPanel() {
  const styles = usePanelStyles();
  const [chosen, setChosen] = useState<readonly ChosenBenchmarkFile[]>([]);
  const [previews, setPreviews] = useState<readonly BenchmarkFilePreview[]>([]);
  const [detail, setDetail] = useState<ReadingDetail | null>(null);
  const [rankBy, setRankBy] = useState<UpliftRankBasis>("revenue");
  // Null until the user types codes: the top codes fill the field meanwhile.
  const [codesText, setCodesText] = useState<string | null>(null);
  const [form, setForm] = useState<Omit<BenchmarkFilterForm, "codesText">>({ providersText: "", setting: "", billingClass: "" }); // prettier-ignore
  const [locality, setLocality] = useState<string | null>(null);
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  const top = useTopCodes(rankBy);
  const [localities, listLocalities] = useCommand(listMedicareLocalities);
  const [existing, findExisting] = useCommand(findExistingBenchmarks);
  const reading = useCancellableOperation(readBenchmarkFiles);
  const write = useOperationCommand(writeBenchmarksCommand);
  const sheet = useOperationCommand(buildBenchmarkSheetCommand);

  useEffect(() => {
    void listLocalities();
    void findExisting();
  }, [listLocalities, findExisting]);
  useEffect(() => {
    if (reading.state.status === "succeeded") setPreviews(reading.state.value);
  }, [reading.state]);
  useEffect(() => {
    if (write.state.status !== "succeeded") return;
    setReplaceConfirmed(false);
    void findExisting();
  }, [write.state, findExisting]);

  const localityChoices = useMemo(
    () => (localities.status === "succeeded" ? localities.result.map((l) => ({ value: l.locality as string, label: l.label })) : []), // prettier-ignore
    [localities],
  );
  const shownLocality = locality ?? localityChoices[0]?.value ?? "";
  const shownCodes = codesText ?? top.codes?.join(", ") ?? "";
  const files = ratesOf(previews);
  const rateCount = files.reduce((sum, file) => sum + file.rates.length, 0);
  const earlier = existing.status === "succeeded" ? existing.result : null;
  const busy = [reading.state, write.state, sheet.state].some((state) => state.status === "running");
  const canWrite = rateCount > 0 && !busy && (earlier === null || replaceConfirmed);

  const choose = (kind: ChosenBenchmarkFile["kind"], picked: readonly File[]) =>
    setChosen((before) => [...before, ...picked.map((file) => ({ kind, file }))]);
  const read = () => {
    setDetail(null);
    void reading.start({ files: chosen, filter: filterOf({ ...form, codesText: shownCodes }), onDetail: setDetail });
  };
  const runWrite = () =>
    write.start({ files, locality: shownLocality === "" ? null : (shownLocality as LocalityKey), replaceExisting: replaceConfirmed }); // prettier-ignore

  return (
    <PanelSection
      id="benchmarks"
      title="Benchmarks"
      intro="Read other providers' and plans' negotiated rates from price-transparency files, and see where each sits against Medicare at your locality."
    >
      <div className={styles.chooser}>
        {BENCHMARK_FILE_KIND_IDS.map((kind) => (
          <FilePicker
            key={kind}
            label={BENCHMARK_FILE_KINDS[kind].label}
            button={BENCHMARK_FILE_KINDS[kind].button}
            accept={BENCHMARK_FILE_KINDS[kind].accept}
            multiple
            appearance={chosen.length === 0 ? "primary" : "secondary"}
            onFiles={(picked) => choose(kind, picked)}
            disabled={busy}
          />
        ))}
        {chosen.length > 0 && (
          <Button appearance="subtle" onClick={() => setChosen([])} disabled={busy}>
            Clear
          </Button>
        )}
      </div>
      {chosen.length > 0 && (
        <Caption1 className={styles.muted} aria-label="Chosen files">
          {countOf(chosen.length, "file", "files")} chosen: {chosen.map(({ file }) => file.name).join(", ")}
        </Caption1>
      )}
      <BenchmarkFilters
        form={{ ...form, codesText: shownCodes }}
        onChange={({ codesText: typed, ...rest }) => {
          if (typed !== undefined) setCodesText(typed);
          setForm((before) => ({ ...before, ...rest }));
        }}
        rankBy={top.hasClaims ? rankBy : null}
        onRankBy={(basis) => {
          setRankBy(basis);
          setCodesText(null);
        }}
        codesNote={top.note}
        disabled={busy}
      />
      <Field label="Medicare locality" hint="% of Medicare is priced with the Medicare schedule registered for it.">
        <ChoiceSelect
          value={shownLocality}
          onChange={setLocality}
          choices={localityChoices}
          noChoice="No locality (no % of Medicare)"
          disabled={busy}
        />
      </Field>
      <div className={styles.chooser}>
        <Button
          appearance="primary"
          onClick={read}
          disabled={chosen.length === 0 || busy || providersProblem(form.providersText) !== null}
        >
          Read {countOf(chosen.length, "file", "files")}
        </Button>
      </div>
      <ActionProgress
        action={reading}
        label="Reading the files"
        unit={BYTES}
        cancelling="Cancelling: stopping at the next piece of the file…"
      />
      {reading.state.status === "running" && detail !== null && (
        <Caption1 className={styles.muted} aria-label="Reading">
          {detail.fileName} (file {detail.fileNumber} of {detail.fileCount}):{" "}
          {countOf(detail.rowsRead, "item", "items")} read
        </Caption1>
      )}
      {previews.length > 0 && <BenchmarkFileList previews={previews} />}
      {rateCount > 0 && earlier !== null && (
        <Checkbox
          checked={replaceConfirmed}
          onChange={(_, data) => setReplaceConfirmed(data.checked === true)}
          disabled={busy}
          label={`Replace the ${countOf(earlier.rowCount, "row", "rows")} of table ${BENCHMARKS_TABLE} on sheet "${earlier.sheetName}"`}
        />
      )}
      <ActionBar>
        {rateCount > 0 && (
          <div className={styles.chooser}>
            <Button appearance="primary" onClick={() => void runWrite()} disabled={!canWrite}>
              {writeBenchmarksCommand.label} {countOf(rateCount, "rate", "rates")}
            </Button>
            <Caption1 className={styles.muted}>
              {earlier === null ? `into a new table ${BENCHMARKS_TABLE}` : `replacing table ${BENCHMARKS_TABLE}`}
            </Caption1>
          </div>
        )}
        <OperationProgress
          state={write.state}
          onCancel={write.cancel}
          label="Writing the Benchmarks table"
          unit={RATES}
          resultSheets={(written) => [written.sheetName]}
        />
        {earlier !== null && (
          <div className={styles.chooser}>
            <Button onClick={() => void sheet.start({ claims: top.source })} disabled={busy}>
              {buildBenchmarkSheetCommand.label}
            </Button>
            <Caption1 className={styles.muted}>
              {top.source === null
                ? "market percentiles, our rates and our position per code; volumes to fill in"
                : `market percentiles, our rates and our position per code, by volume in table ${top.source.tableName}`}
            </Caption1>
          </div>
        )}
        <OperationProgress
          state={sheet.state}
          onCancel={sheet.cancel}
          label="Building the Benchmarks sheet"
          unit={null}
          resultSheets={(built) => [built.sheetName]}
        />
      </ActionBar>
    </PanelSection>
  );
}
