// Lets benchmarks import .csv/.txt fixtures as text, as webpack (`asset/source`) and jest (rawTextTransform) do.
const { readFileSync } = require("fs");

for (const extension of [".csv", ".txt"]) {
  require.extensions[extension] = (module, filename) => {
    module.exports = readFileSync(filename, "utf8");
  };
}
