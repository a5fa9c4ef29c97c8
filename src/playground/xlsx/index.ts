/** .xlsx files in and out of the workbook simulator, with exceljs: the playground page only, never the add-in. */
export { describeNotLoaded, describeXlsxOpenIssue, openXlsx, type NotLoaded, type OpenedXlsx, type XlsxOpenIssue } from "./openXlsx"; // prettier-ignore
export { describeNotSaved, saveXlsx, type NotSaved, type SaveOptions, type SavedXlsx } from "./saveXlsx";
