// Jest transform: a .csv/.txt import yields the file's text, like webpack's `asset/source` rule.
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
