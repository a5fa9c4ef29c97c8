/**
 * `PAYER.MEDICARE_RATE`: the Medicare PFS allowed amount of a line in a locality, from the Medicare schedule tables
 * registered in `MedicareSchedules` (the one for the locality whose dates cover the date of service), priced by the
 * engine's `priceMedicarePfs` with every CMS modifier and indicator rule. Dollars out. An anesthesia code answers #N/A
 * (`anesthesiaRateNeedsMinutes`): its amount is (base units + minutes / 15) x CF, and this function has no minutes.
 */
import { parseLocalityKey, type LocalityKey } from "../engine";
import { priceMedicarePfs } from "../engine";
import type { MedicareSchedule } from "../engine";
import {
  registryIssueExcelError,
  registryIssueMessage,
  type RegistryIssue,
  type RegistrySnapshot,
} from "../excel/registry";
import { perLineFunction } from "./adapters";
import { lineReaders, MODIFIERS_ARGUMENT, readLineFields } from "./claimLineArgs";
import { customFunctionError, engineIssueError } from "./errors";
import { rowIssues, type ArgSpecTable, type ReadArguments } from "./excelArgs";

/** The arguments of `PAYER.MEDICARE_RATE` in Excel order; the metadata test checks declarations.ts against them. */
export const MEDICARE_RATE_ARGUMENTS = {
  code: { kind: "column", optional: false, description: "the CPT/HCPCS code, text or number (110 reads as 00110)." },
  locality: {
    kind: "column",
    optional: false,
    description: "the Medicare locality, MAC and locality numbers like 04412-18.",
  },
  modifiers: MODIFIERS_ARGUMENT,
  place_of_service: {
    kind: "column",
    optional: true,
    description: 'a POS code like 11 or 22, or "facility"/"non-facility"; blank = non-facility.',
  },
  service_date: { kind: "column", optional: true, description: "the date of service; blank = today." },
} as const satisfies ArgSpecTable;

const registryError = (issue: RegistryIssue) =>
  customFunctionError(registryIssueExcelError(issue), registryIssueMessage(issue));

function describe(schedule: MedicareSchedule): string {
  return `${schedule.name} (${schedule.effectiveStartDate} to ${schedule.effectiveEndDate})`;
}

/** The registered schedule for a locality on a date, or the error saying what is registered. */
function scheduleFor(
  snapshot: RegistrySnapshot,
  locality: LocalityKey,
  serviceDate: string,
): MedicareSchedule | CustomFunctions.Error {
  const schedules = snapshot.medicareByLocality.get(locality);
  if (schedules === undefined)
    return registryError({
      code: "localityNotRegistered",
      locality,
      registered: [...snapshot.medicareByLocality.values()].map(
        (list) =>
          `${list[0]!.locality.localityKey}${list[0]!.locality.localityName ? ` ${list[0]!.locality.localityName}` : ""}`,
      ),
    });
  const covering = schedules.find((s) => s.effectiveStartDate <= serviceDate && serviceDate <= s.effectiveEndDate);
  return (
    covering ??
    registryError({ code: "medicareScheduleNotInEffect", locality, serviceDate, schedules: schedules.map(describe) })
  );
}

/**
 * The Medicare amount of each line in dollars, or its error (a line with a cell refused by its checks is not priced).
 * Identical lines are priced once per call.
 */
export function medicareRates(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof MEDICARE_RATE_ARGUMENTS>,
): (number | CustomFunctions.Error)[] {
  const { values } = read;
  const readers = lineReaders(rowIssues(MEDICARE_RATE_ARGUMENTS, read));
  const seen = new Map<string, number | CustomFunctions.Error>();
  const out: (number | CustomFunctions.Error)[] = [];
  for (let i = 0; i < read.rows; i++) {
    const fields = readLineFields(readers, values, i);
    if (!fields.ok) {
      out.push(fields.issue);
      continue;
    }
    const locality = parseLocalityKey(values.locality[i]);
    if (!locality.ok) {
      out.push(engineIssueError(locality.issue));
      continue;
    }
    const line = fields.value;
    const key = `${locality.value}|${line.hcpcsCode}|${line.modifiers.join(" ")}|${line.setting}|${line.serviceDate}`;
    let result = seen.get(key);
    if (result === undefined) {
      const schedule = scheduleFor(snapshot, locality.value, line.serviceDate);
      if (schedule instanceof CustomFunctions.Error) result = schedule;
      else {
        const price = priceMedicarePfs(
          { schedule: schedule.pfs, locality: schedule.locality, conversionFactors: schedule.conversionFactors },
          {
            hcpcsCode: line.hcpcsCode,
            modifiers: line.modifiers,
            setting: line.setting,
            serviceDate: line.serviceDate,
          },
        );
        result = price.ok ? price.value.allowedAmount / 100 : engineIssueError(price.issue);
      }
      seen.set(key, result);
    }
    out.push(result);
  }
  return out;
}

/**
 * `PAYER.MEDICARE_RATE` for Excel arguments (code, locality, modifiers, place_of_service, service_date): a column of
 * dollar amounts, or the error of a single line.
 */
export const medicareRateResult = perLineFunction(MEDICARE_RATE_ARGUMENTS, medicareRates);
