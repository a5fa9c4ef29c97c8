/**
 * A merge that leaves conflict markers in a file the checks do not parse (the README, a Markdown or HTML file)
 * would otherwise land unnoticed: the README is part of the product.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const MARKER = /^(<{7}|>{7}) /m;

/** Text files git tracks (or would add), outside data fixtures. */
function trackedTextFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return listed
    .split("\n")
    .filter((file) => /\.(md|ts|tsx|js|cjs|mjs|json|html|css|xml|yml|yaml)$/.test(file))
    .filter((file) => !file.startsWith("test/fixtures/"));
}

describe("the repository", () => {
  it("holds no merge conflict markers in any tracked text file", () => {
    const conflicted = trackedTextFiles().filter((file) => {
      try {
        return MARKER.test(readFileSync(path.join(ROOT, file), "utf8"));
      } catch {
        return false; // listed but deleted in the working tree
      }
    });
    expect(conflicted).toEqual([]);
  });
});
