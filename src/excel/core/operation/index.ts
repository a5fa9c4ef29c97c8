/** The operation runner: staging, one commit request, truthful outcomes (ARCHITECTURE.md s.5). */
export {
  runOperation,
  type Commit,
  type OperationContext,
  type OperationOptions,
  type Progress,
  type StagedSheet,
} from "./runOperation";
export {
  activateSheet,
  deleteSheet,
  placeSheet,
  removeSetting,
  renameSheet,
  renameTable,
  showSheet,
  storeSetting,
  type CommitStep,
  type SheetPlacement,
} from "./commitSteps";
export {
  describeOperationIssue,
  describeRefusal,
  describeWorkbookAfter,
  type OperationIssue,
  type OperationPhase,
  type WorkbookAfter,
} from "./operationIssues";
export { placeBuild, type BuildPlacement, type SheetDressing, type StagedBuild } from "./sheetRewrite";
export { selectSheet } from "./selectSheet";
export { inChunks, yieldToBrowser, type ChunkOptions } from "./yieldToBrowser";
export { isLeftoverSheet, STAGING_SHEET_PREFIX, STAGING_TABLE_PREFIX } from "./staging";
