import { Caption1, Field, Textarea } from "@fluentui/react-components";
import type { UpliftRankBasis } from "../../engine";
import type { BillingClass, CareSetting, MarketRateFilter } from "../../formats/priceTransparency/marketRate";
import { ChoiceSelect, type LabelledChoice } from "../shared/fields";
import { usePanelStyles } from "../shared/panelStyles";

/** The filters as the form holds them: "" for every setting or billing class. */
export interface BenchmarkFilterForm {
  readonly codesText: string;
  /** NPIs (10 digits) or TINs (9 digits, "12-3456789" too) of the provider groups a plan's file is read for. */
  readonly providersText: string;
  readonly setting: "" | Exclude<CareSetting, "both">;
  readonly billingClass: "" | Exclude<BillingClass, "both">;
}

/** The words of the ranking choice for the top codes. */
const RANKINGS: readonly LabelledChoice[] = [
  { value: "revenue", label: "Top codes by allowed dollars" },
  { value: "volume", label: "Top codes by count of lines" },
] satisfies readonly (LabelledChoice & { value: UpliftRankBasis })[];

/** The codes typed: separated by commas, spaces or lines, compared trimmed and upper case. */
export function codesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter((code) => code !== ""),
    ),
  ];
}

/** The providers typed: their digits, and the entries that are neither an NPI (10 digits) nor a TIN (9 digits). */
export function providersOf(text: string): { readonly ids: readonly string[]; readonly invalid: readonly string[] } {
  const entries = text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const valid = (entry: string) => /^[\d-]+$/.test(entry) && [9, 10].includes(entry.replace(/-/g, "").length);
  return {
    ids: [...new Set(entries.filter(valid).map((entry) => entry.replace(/-/g, "")))],
    invalid: entries.filter((entry) => !valid(entry)),
  };
}

/** The message under the providers field when an entry is neither an NPI nor a TIN, else null. */
export function providersProblem(text: string): string | null {
  const { invalid } = providersOf(text);
  if (invalid.length === 0) return null;
  const shown = invalid
    .slice(0, 3)
    .map((entry) => `"${entry.slice(0, 20)}"`)
    .join(", ");
  return `${shown}${invalid.length > 3 ? ` and ${invalid.length - 3} more` : ""}: expected an NPI (10 digits) or a TIN (9 digits, like 12-3456789).`;
}

/**
 * The reader's filter from the form. A rate for "both" settings or billing classes passes either choice (the
 * readers keep it, since it applies in both).
 */
export function filterOf(form: BenchmarkFilterForm): MarketRateFilter {
  const codes = codesOf(form.codesText);
  const providers = providersOf(form.providersText).ids;
  return {
    ...(codes.length > 0 ? { codes: new Set(codes) } : {}),
    ...(providers.length > 0 ? { providerIds: new Set(providers) } : {}),
    ...(form.setting !== "" ? { settings: new Set([form.setting]) } : {}),
    ...(form.billingClass !== "" ? { billingClasses: new Set([form.billingClass]) } : {}),
  };
}

/** Props of {@link BenchmarkFilters}. */
export interface BenchmarkFiltersProps {
  readonly form: BenchmarkFilterForm;
  readonly onChange: (change: Partial<BenchmarkFilterForm>) => void;
  /** The ranking of the top codes, or null when the workbook has no claims table to rank from. */
  readonly rankBy: UpliftRankBasis | null;
  readonly onRankBy: (rankBy: UpliftRankBasis) => void;
  /** Where the codes came from, or why the claims table gave none. */
  readonly codesNote: string;
  readonly disabled: boolean;
}

/** The codes, providers, setting and billing class to keep while reading: a file of gigabytes becomes a few thousand rates. */
export function BenchmarkFilters({ form, onChange, rankBy, onRankBy, codesNote, disabled }: BenchmarkFiltersProps) {
  const styles = usePanelStyles();
  return (
    <div className={styles.group} role="group" aria-label="Filters">
      <Caption1 className={styles.legend}>Keep while reading</Caption1>
      {rankBy !== null && (
        <Field label="Codes from the claims table">
          <ChoiceSelect
            value={rankBy}
            onChange={(value) => value !== "" && onRankBy(value as UpliftRankBasis)}
            choices={RANKINGS}
            noChoice="(type the codes)"
            disabled={disabled}
          />
        </Field>
      )}
      <Field label="Codes" hint={codesNote}>
        <Textarea
          value={form.codesText}
          onChange={(_, data) => onChange({ codesText: data.value })}
          placeholder="70551, 99213, 27447 (blank: every code)"
          disabled={disabled}
          resize="vertical"
        />
      </Field>
      <Field
        label="Providers (NPI or TIN)"
        hint="Plans' files only: keep the rates of these provider groups, e.g. your competitors' NPIs. Blank: every provider."
        validationState={providersProblem(form.providersText) === null ? "none" : "error"}
        validationMessage={providersProblem(form.providersText)}
      >
        <Textarea
          value={form.providersText}
          onChange={(_, data) => onChange({ providersText: data.value })}
          placeholder="1234567890, 12-3456789"
          disabled={disabled}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Field label="Setting" className={styles.grow}>
          <ChoiceSelect
            value={form.setting}
            onChange={(value) => onChange({ setting: value as BenchmarkFilterForm["setting"] })}
            choices={["inpatient", "outpatient"]}
            noChoice="Every setting"
            disabled={disabled}
          />
        </Field>
        <Field label="Billing class" className={styles.grow}>
          <ChoiceSelect
            value={form.billingClass}
            onChange={(value) => onChange({ billingClass: value as BenchmarkFilterForm["billingClass"] })}
            choices={["professional", "institutional"]}
            noChoice="Every billing class"
            disabled={disabled}
          />
        </Field>
      </div>
    </div>
  );
}
