import { afterEach, beforeEach, vi } from 'vitest';

// A test that prints to the console fails: the core returns issues as data instead of printing.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;

beforeEach(() => {
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${m} called during a test: ${args.map(String).join(' ').slice(0, 200)}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});
