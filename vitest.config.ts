import { defineConfig } from 'vitest/config';

const KILL_TESTS = ['tests/e2e/kill.test.ts', 'tests/e2e/kill-*.test.ts', 'tests/e2e/backup-kill.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: KILL_TESTS,
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // Each test starts its own server and browser; two cores run two at a time at most.
          maxWorkers: 2,
        },
      },
      {
        // The kill tests start and SIGKILL servers every few seconds. Beside the browser tests they
        // starve them of CPU, so they run as a phase of their own after them.
        test: {
          name: 'kill',
          include: KILL_TESTS,
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
