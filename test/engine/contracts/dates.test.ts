import { dayAfter, dayBefore, type IsoDate } from "../../../src/engine";

const day = (text: string): IsoDate => text as IsoDate;

describe("dayBefore", () => {
  it("steps back over the end of a year and a leap day", () => {
    expect([dayBefore(day("2025-01-01")), dayBefore(day("2024-03-01")), dayBefore(day("2025-03-01"))]).toEqual(["2024-12-31", "2024-02-29", "2025-02-28"]); // prettier-ignore
  });

  it("undoes dayAfter, in years below 100 too", () => {
    const dates = ["0050-02-28", "1999-12-31", "2024-02-28", "2025-06-30"].map(day);
    expect(dates.map((date) => dayBefore(dayAfter(date)))).toEqual(dates);
  });
});
