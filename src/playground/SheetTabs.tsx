/** The sheet tabs along the bottom of the window; the active one is raised, as in Excel. */
export function SheetTabs({
  sheets,
  active,
  onActivate,
}: {
  sheets: readonly string[];
  active: string;
  onActivate(sheet: string): void;
}) {
  return (
    <div className="sheet-tabs" role="tablist" aria-label="Sheets">
      {sheets.map((sheet) => (
        <button
          key={sheet}
          type="button"
          role="tab"
          className="sheet-tab"
          aria-selected={sheet === active}
          data-sheet-name={sheet}
          onClick={() => onActivate(sheet)}
        >
          {sheet}
        </button>
      ))}
    </div>
  );
}
