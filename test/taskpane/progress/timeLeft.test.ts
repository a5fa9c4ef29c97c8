import { secondsLeft, timeLeftText } from "../../../src/taskpane/progress/timeLeft";

describe("the time left of a long operation", () => {
  it("is the rate so far applied to what remains: 10,000 of 40,000 rows in 4 s leaves about 12 s", () => {
    expect(secondsLeft(4_000, 10_000, 40_000)).toBe(12);
  });

  it("rounds up, so that it never promises less than it takes", () => {
    expect(secondsLeft(1_500, 1_000, 2_000)).toBe(2);
  });

  it("is not guessed in the first second, nor before anything is done, nor once all is done", () => {
    expect(secondsLeft(900, 5_000, 40_000)).toBeNull();
    expect(secondsLeft(5_000, 0, 40_000)).toBeNull();
    expect(secondsLeft(5_000, 40_000, 40_000)).toBeNull();
  });

  it("reads in seconds, then in minutes from 90 s on", () => {
    expect(timeLeftText(8)).toBe("about 8 s left");
    expect(timeLeftText(89)).toBe("about 89 s left");
    expect(timeLeftText(150)).toBe("about 3 min left");
  });
});
