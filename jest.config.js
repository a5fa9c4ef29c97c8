/** @type {import('jest').Config} */
const common = {
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", isolatedModules: true } }],
    // Fixture files imported as text, as webpack's `asset/source` does in the bundles.
    "\\.(csv|txt)$": "<rootDir>/test/support/rawTextTransform.js",
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json", "csv", "txt"],
};

module.exports = {
  // Suites that write ~19,000-row schedules through the simulator need more than jest's 5 s on a busy machine.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...common,
      displayName: "jsdom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/support/jsdomSetup.ts"],
    },
    {
      ...common,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      // One playground server (one webpack compile) for all browser tests; see test/e2e/support/playground.ts.
      globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
      globalTeardown: "<rootDir>/test/e2e/support/globalTeardown.ts",
    },
  ],
};
