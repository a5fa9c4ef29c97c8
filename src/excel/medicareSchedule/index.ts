// Writing an imported Medicare PFS schedule for one locality and registering it in MedicareSchedules. Re-exports only.
export {
  writeMedicareSchedule,
  localityLabel,
  type MedicareScheduleWrite,
  type MedicareScheduleWriteOptions,
  type WrittenMedicareSchedule,
} from "./writeMedicareSchedule";
export { medicareScheduleRequest, NON_FACILITY_RATE_HEADER, FACILITY_RATE_HEADER } from "./scheduleColumns";
export { describeMedicareImportIssue, type MedicareImportIssue } from "./medicareImportIssues";
export { defaultMedicareScheduleNames } from "./names";
export { MEDICARE_SCHEDULES_SHEET, type MedicareRegistration } from "./registration";
