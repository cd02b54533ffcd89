import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Namespaced network tests and CLI spawns are slow-ish; two workers match the two cores.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    globalSetup: ["test/global-temp-dir.ts"],
  },
});
