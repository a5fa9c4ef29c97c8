/**
 * The hospital tables of the workbook into the registry's hospital side (issue 14): terms versions with their case
 * rates, per diem levels, revenue code rates and carve-outs, and the CMS tables. Every problem is a registry issue
 * naming table, row, column and value; a row with one is left out, and the contract it belongs to answers its
 * hospital functions with the problem until it is fixed. Problems of the inpatient side never block outpatient
 * pricing and the reverse, and neither blocks a contract's professional functions.
 */
import { checkPerDiemTiers, INPATIENT_METHODS, inpatientMethodOf, OUTPATIENT_METHODS, registryKey } from "../../engine";
import { INSTITUTIONAL_CARVE_OUT_METHODS, INSTITUTIONAL_CODE_MATCHES, toCents } from "../../engine";
import type { CodeMatchEntry, InstitutionalCarveOutMethod, InstitutionalCarveOutMethodEntry } from "../../engine";
import type { InstitutionalCodeMatch } from "../../engine";
import type { CaseRate, HospitalRegistry, HospitalTermsVersion, InpatientTerms, IsoDate, MsDrg } from "../../engine";
import type { InstitutionalCarveOut, OutpatientMethod, OutpatientMethodEntry, OutpatientTermsVersion } from "../../engine"; // prettier-ignore
import type { PerDiemLevel, RevenueCodeRate } from "../../engine";
import { drgWeightTablesOf, oppsTablesOf } from "./buildCmsTables";
import { ContractIssues, type ContractIssueIndex } from "./contractIssues";
import { INPATIENT_CASE_RATES_SPEC, INPATIENT_PER_DIEM_RATES_SPEC, INSTITUTIONAL_CARVE_OUTS_SPEC } from "./hospitalRateTables"; // prettier-ignore
import { REVENUE_CODE_RATES_SPEC } from "./hospitalRateTables";
import { conflict, groupBy, overlappingVersions, placedTable, repeatedKeys } from "./hospitalRows";
import type { PlacedTable, Tables } from "./hospitalRows";
import { INPATIENT_TERMS_SPEC, OUTPATIENT_TERMS_SPEC, PRICED_BY_OPPS, REVENUE_CODE_RATES_TABLE } from "./hospitalTermsTables"; // prettier-ignore
import type { RegistryIssue } from "./issues";
import { engineIssue } from "./scheduleTables";
import type { Columns, ParsedRow } from "./tableSpec";

/** What the registry reader knows of PayerContracts when it builds the hospital side. */
export interface KnownContracts {
  /** Registry keys of every contract PayerContracts names, its rows read or left out. */
  readonly keys: ReadonlySet<string>;
  /** Why PayerContracts cannot be read at all, or null: then names are not checked, and every contract answers it. */
  readonly unreadable: RegistryIssue | null;
}

/** The hospital side of the registry and, by contract, what makes its inpatient or outpatient amounts untrustworthy. */
export interface HospitalSnapshot {
  readonly hospital: HospitalRegistry;
  readonly inpatientIssues: ContractIssueIndex;
  readonly outpatientIssues: ContractIssueIndex;
  /**
   * Registry keys of the contracts with a row in InpatientTerms or OutpatientTerms (read or left out); null when
   * either table cannot be read, so that "no terms" is not known.
   */
  readonly contractsWithTerms: ReadonlySet<string> | null;
}

type Row<C extends Columns> = ParsedRow<C> & { readonly contractName: string };

/** Groups rows by registry key of their contract, in table order. */
const byContract = <R extends { readonly contractName: string }>(rows: readonly R[]): Map<string, R[]> =>
  groupBy(rows, (row) => registryKey(row.contractName));

/**
 * Checks one contract table: its parse issues reported (a table that cannot be read concerns every contract of its
 * side), then each row against `checks`; a row failing one is reported, blocks its contract and is left out.
 */
function usableRows<C extends Columns>(
  { parsed }: PlacedTable<C>,
  side: ContractIssues,
  issues: RegistryIssue[],
  checks: readonly ((rows: readonly Row<C>[]) => ReadonlyMap<number, RegistryIssue>)[],
): Row<C>[] {
  issues.push(...parsed.issues);
  const missing = parsed.issues.find((issue) => issue.code === "columnMissing");
  if (missing !== undefined) side.addForEvery(missing);
  for (const { rowNumber, cells } of parsed.rejected) {
    const issue = parsed.issues.find((i) => "rowNumber" in i && i.rowNumber === rowNumber);
    if (issue !== undefined) side.add(cells.contractName, issue);
  }
  let rows = parsed.rows as readonly Row<C>[];
  for (const check of checks) {
    const found = check(rows);
    for (const [rowNumber, issue] of found) {
      issues.push(issue);
      side.add(rows.find((row) => row.rowNumber === rowNumber)?.contractName, issue);
    }
    rows = rows.filter((row) => !found.has(row.rowNumber));
  }
  return [...rows];
}

/** The rows naming a contract outside `keys`, each with its issue at "Contract Name". */
const namedIn =
  <R extends { readonly rowNumber: number; readonly contractName: string }>(
    keys: ReadonlySet<string> | null,
    placed: PlacedTable<Columns>,
    expected: (name: string) => string,
  ) =>
  (rows: readonly R[]): Map<number, RegistryIssue> =>
    new Map(
      keys === null
        ? []
        : rows
            .filter((row) => !keys.has(registryKey(row.contractName)))
            .map((row) => [row.rowNumber, conflict(placed.place, row.rowNumber, "Contract Name", row.contractName, expected(row.contractName))]), // prettier-ignore
    );

const NOT_IN_PAYER_CONTRACTS = () =>
  "it names no contract of the PayerContracts table (add the contract's row there: its payer and product come from it)";

/**
 * The contract keys a terms table speaks for, its rows read or left out; null when it cannot be read (then "no terms
 * row" is not known, and its own problem says what to fix).
 */
function termsKeys(placed: PlacedTable<Columns>): Set<string> | null {
  if (placed.parsed.issues.some((issue) => issue.code === "columnMissing")) return null;
  const names = [
    ...placed.parsed.rows.map((row) => (row as { contractName?: unknown }).contractName),
    ...placed.parsed.rejected.map((row) => row.cells.contractName),
  ];
  return new Set(names.flatMap((name) => (typeof name === "string" ? [registryKey(name)] : [])));
}

/** The per diem levels of one contract, from its rows: a level's range is its first row's. */
function perDiemLevelsOf(
  rows: readonly Row<typeof INPATIENT_PER_DIEM_RATES_SPEC.columns>[],
  placed: PlacedTable<Columns>,
  side: ContractIssues,
  issues: RegistryIssue[],
): PerDiemLevel[] {
  const levels = new Map<string, { first: (typeof rows)[number]; tiers: (typeof rows)[number][] }>();
  for (const row of rows) {
    const level = levels.get(registryKey(row.levelOfCare));
    const range = (r: (typeof rows)[number]) => `${r.revenueCodeFrom}-${r.revenueCodeTo ?? r.revenueCodeFrom}`;
    if (level === undefined) levels.set(registryKey(row.levelOfCare), { first: row, tiers: [row] });
    else if (range(level.first) === range(row)) level.tiers.push(row);
    else {
      const expected = `row ${level.first.rowNumber} gives level ${level.first.levelOfCare} the revenue codes ${range(level.first)}, and every row of a level has its range`; // prettier-ignore
      const issue = conflict(placed.place, row.rowNumber, "Revenue Code From", range(row), expected);
      issues.push(issue);
      side.add(row.contractName, issue);
    }
  }
  return [...levels.values()].map(({ first, tiers }) => {
    const level: PerDiemLevel = {
      levelOfCare: first.levelOfCare,
      revenueCodeFrom: first.revenueCodeFrom,
      revenueCodeTo: first.revenueCodeTo ?? first.revenueCodeFrom,
      tiers: [...tiers]
        .sort((a, b) => a.fromDay - b.fromDay)
        .map((tier) => ({ fromDay: tier.fromDay, toDay: tier.toDay, rate: tier.rate })),
    };
    const invalid = checkPerDiemTiers(first.contractName, level);
    if (invalid !== null) {
      const issue = engineIssue(invalid, placed.place);
      issues.push(issue);
      side.add(first.contractName, issue);
    }
    return level;
  });
}

const LAST_DAY = "9999-12-31" as IsoDate;

/**
 * Builds the hospital side of the registry from the workbook's tables, pushing every problem to `issues`.
 * @param known what PayerContracts names: every hospital row's contract must be one of them.
 */
export function buildHospitalRegistry(
  tables: Tables,
  known: KnownContracts,
  issues: RegistryIssue[],
): HospitalSnapshot {
  const inpatient = new ContractIssues();
  const outpatient = new ContractIssues();
  if (known.unreadable !== null) for (const side of [inpatient, outpatient]) side.addForEvery(known.unreadable);
  const names = known.unreadable === null ? known.keys : null;

  const inTerms = placedTable(INPATIENT_TERMS_SPEC, tables);
  const outTerms = placedTable(OUTPATIENT_TERMS_SPEC, tables);
  const inpatientRows = usableRows(inTerms, inpatient, issues, [
    namedIn(names, inTerms, NOT_IN_PAYER_CONTRACTS),
    (rows) => overlappingVersions(rows, inTerms.place),
  ]);
  const outpatientRows = usableRows(outTerms, outpatient, issues, [
    namedIn(names, outTerms, NOT_IN_PAYER_CONTRACTS),
    (rows) => overlappingVersions(rows, outTerms.place),
  ]);
  const noTerms = (table: string) => (name: string) =>
    `contract "${name}" has no row in ${table}, whose versions these rates belong to`;
  const rateRows = <C extends Columns>(
    placed: PlacedTable<C>,
    side: ContractIssues,
    terms: PlacedTable<Columns>,
    more: ((rows: readonly Row<C>[]) => ReadonlyMap<number, RegistryIssue>)[] = [],
  ) =>
    // prettier-ignore
    usableRows(placed, side, issues, [
      namedIn(names, placed as PlacedTable<Columns>, NOT_IN_PAYER_CONTRACTS),
      namedIn(termsKeys(terms), placed as PlacedTable<Columns>, noTerms(terms.place.table)),
      ...more,
    ]);

  const caseRateTable = placedTable(INPATIENT_CASE_RATES_SPEC, tables);
  const caseRates = byContract(
    rateRows(caseRateTable, inpatient, inTerms, [
      (rows) => repeatedKeys(rows, (r) => `${registryKey(r.contractName)}|${r.drg}`, caseRateTable.place, "MS-DRG", (r) => r.drg, "this DRG a case rate for the contract"), // prettier-ignore
    ]),
  );
  const perDiemTable = placedTable(INPATIENT_PER_DIEM_RATES_SPEC, tables);
  const perDiem = new Map(
    [...byContract(rateRows(perDiemTable, inpatient, inTerms))].map(([key, rows]) => [
      key,
      perDiemLevelsOf(rows, perDiemTable as PlacedTable<Columns>, inpatient, issues),
    ]),
  );
  const revenueRates = byContract(rateRows(placedTable(REVENUE_CODE_RATES_SPEC, tables), outpatient, outTerms));
  const carveOutTable = placedTable(INSTITUTIONAL_CARVE_OUTS_SPEC, tables);
  const carveOuts = byContract(rateRows(carveOutTable, outpatient, outTerms));

  const drg = drgWeightTablesOf(tables);
  const opps = oppsTablesOf(tables);
  issues.push(...drg.issues, ...opps.issues);

  // The contracts (any version) that read the CMS tables, whose problems then concern them, each once.
  const readsWeights = new Map<string, string>();
  const readsOpps = new Map<string, string>();
  const inpatientByName = new Map<string, HospitalTermsVersion<InpatientTerms>[]>();
  for (const row of inpatientRows) {
    const key = registryKey(row.contractName);
    const entry = INPATIENT_METHODS[row.inpatientMethod];
    const levels = perDiem.get(key) ?? null;
    if (entry.needs.includes("perDiemLevels") && levels === null) {
      const expected = `${entry.label} needs the contract's day rates in ${INPATIENT_PER_DIEM_RATES_SPEC.title}`;
      const issue = conflict(inTerms.place, row.rowNumber, "Inpatient Method", entry.label, expected);
      issues.push(issue);
      inpatient.add(row.contractName, issue);
      continue;
    }
    // Only an MS-DRG payment reads the weights (the transfer rule reduces exactly that payment): their problems concern it.
    if (entry.transferReducible) readsWeights.set(key, row.contractName);
    const terms: InpatientTerms = {
      contractName: row.contractName,
      method: inpatientMethodOf(row.inpatientMethod, { baseRate: row.baseRate, percent: row.percent, perDiemLevels: levels }), // prettier-ignore
      caseRates: new Map<MsDrg, CaseRate>(
        (caseRates.get(key) ?? []).map((r) => [r.drg, { drg: r.drg, rate: r.rate, sourceRowNumber: r.rowNumber }]),
      ),
      stopLoss:
        row.stopLossType === null
          ? null
          : { kind: row.stopLossType, threshold: toCents(row.stopLossThreshold!), percent: row.stopLossPercent! },
      outlier:
        row.outlierFixedLoss === null
          ? null
          : { fixedLossThreshold: toCents(row.outlierFixedLoss), percent: row.outlierPercent! },
      transferReduction: row.transferReduction,
      lesserOf: row.lesserOf ?? false,
      sourceRowNumber: row.rowNumber,
    };
    const version = { effectiveStartDate: row.effectiveStartDate, effectiveEndDate: row.effectiveEndDate ?? LAST_DAY, terms }; // prettier-ignore
    inpatientByName.set(key, [...(inpatientByName.get(key) ?? []), version]); // a contract has a few versions
  }

  const outpatientByName = new Map<string, OutpatientTermsVersion[]>();
  for (const row of outpatientRows) {
    const key = registryKey(row.contractName);
    const entry = OUTPATIENT_METHODS[row.outpatientMethod] as OutpatientMethodEntry<OutpatientMethod>;
    const rates = revenueRates.get(key) ?? [];
    if (entry.needs.includes("rateTable") && rates.length === 0) {
      const expected = `${entry.label} needs the contract's rates in ${REVENUE_CODE_RATES_TABLE}`;
      const issue = conflict(outTerms.place, row.rowNumber, "Outpatient Method", entry.label, expected);
      issues.push(issue);
      outpatient.add(row.contractName, issue);
      continue;
    }
    if (PRICED_BY_OPPS[row.outpatientMethod]) readsOpps.set(key, row.contractName);
    const method = entry.fromCells({ percent: row.percent, rateTable: REVENUE_CODE_RATES_TABLE });
    if (method === null) throw new Error("the OutpatientTerms row checks let a needed cell be blank");
    const terms = {
      contractName: row.contractName,
      method,
      lesserOf: row.lesserOf ?? false,
      revenueCodeRates: rates.map((r): RevenueCodeRate => ({
        revenueCodeFrom: r.revenueCodeFrom,
        revenueCodeTo: r.revenueCodeTo ?? r.revenueCodeFrom,
        rate: r.rate,
        basis: r.basis ?? "per unit",
        sourceRowNumber: r.rowNumber,
      })),
      carveOuts: (carveOuts.get(key) ?? []).flatMap((r): InstitutionalCarveOut[] => {
        const place = { contractName: r.contractName, rowNumber: r.rowNumber };
        const codes = INSTITUTIONAL_CODE_MATCHES[r.codeType] as CodeMatchEntry<InstitutionalCodeMatch>;
        const methods = INSTITUTIONAL_CARVE_OUT_METHODS[r.method] as InstitutionalCarveOutMethodEntry<InstitutionalCarveOutMethod>; // prettier-ignore
        // The row checks read both with these very entries: a row that passed them builds.
        const match = codes.fromCells(r.codeFrom, r.codeTo, place);
        const how = methods.fromCells({ percent: r.percent, rate: r.rate });
        return match.ok && how !== null ? [{ match: match.value, method: how, sourceRowNumber: r.rowNumber }] : [];
      }),
      sourceRowNumber: row.rowNumber,
    };
    const version = { effectiveStartDate: row.effectiveStartDate, effectiveEndDate: row.effectiveEndDate ?? LAST_DAY, terms, wageIndex: row.wageIndex }; // prettier-ignore
    outpatientByName.set(key, [...(outpatientByName.get(key) ?? []), version]); // a contract has a few versions
  }
  for (const name of readsWeights.values()) for (const issue of drg.issues) inpatient.add(name, issue);
  for (const name of readsOpps.values()) for (const issue of opps.issues) outpatient.add(name, issue);
  for (const versions of [...inpatientByName.values(), ...outpatientByName.values()])
    versions.sort((a, b) => (a.effectiveStartDate < b.effectiveStartDate ? -1 : 1));

  const inKeys = termsKeys(inTerms);
  const outKeys = termsKeys(outTerms);
  return {
    hospital: { inpatientByName, outpatientByName, drgTables: drg.tables, oppsTables: opps.tables },
    contractsWithTerms: inKeys === null || outKeys === null ? null : new Set([...inKeys, ...outKeys]),
    inpatientIssues: inpatient,
    outpatientIssues: outpatient,
  };
}
