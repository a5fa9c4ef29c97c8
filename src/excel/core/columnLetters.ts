/** A 0-based column index as A1-style letters: 0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "AB". */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
