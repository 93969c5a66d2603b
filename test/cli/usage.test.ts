import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { createProgress } from '../../src/cli/progress.js';
import { AS_OF, EVENT_ARGS, SCENARIO_ARGS, run, tempDir } from './helpers.js';

describe('leadrank usage and exit codes', () => {
  it('lists every command in the top-level help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(stdout).toContain(`  ${c.name}`);
    expect(stdout).toContain('Exit codes: 0 success, 1 usage or configuration error');
  });

  it.each(COMMANDS.map((c) => c.name))('shows usage, options and an example for `%s --help`', async (name) => {
    const { code, stdout, stderr } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: leadrank ${name} `));
    expect(stdout).toContain('Options:');
    expect(stdout).toMatch(new RegExp(`Examples:\\n  leadrank ${name}\\b`));
  });

  it('rejects an unknown command with exit code 1 and the list of commands', async () => {
    const { code, stderr } = await run(['rank', 'x.csv']);
    expect(code).toBe(1);
    expect(stderr).toContain('leadrank: unknown command "rank"; the commands are lists, score, report, segments, calibrate, detect, init');
  });

  it('rejects an unknown option and points to the command help', async () => {
    const { code, stderr } = await run(['score', 'sendgrid-webhook.json', '--colour']);
    expect(code).toBe(1);
    expect(stderr).toContain("unknown option '--colour'");
    expect(stderr).toContain('See `leadrank score --help`.');
  });

  it('says which option is missing and what it is for', async () => {
    const { code, stderr } = await run(['lists', ...SCENARIO_ARGS, '--out-dir', tempDir()]);
    expect(code).toBe(1);
    expect(stderr).toContain('leadrank: --reps is required: the sales reps file (CSV or JSON: id, capacity, territories, expertise)');
  });

  it('asks for an event file when none is given', async () => {
    const { code, stderr } = await run(['score', '--as-of', AS_OF]);
    expect(code).toBe(1);
    expect(stderr).toContain('name at least one event file');
  });

  it('explains a malformed --as-of', async () => {
    const { code, stderr } = await run(['score', ...EVENT_ARGS, '--as-of', 'next monday']);
    expect(code).toBe(1);
    expect(stderr).toContain('--as-of must be an ISO date or time such as 2026-11-23 or 2026-11-23T12:00:00Z (got "next monday")');
  });

  it('reads the clock only when --as-of is missing, and prints the asOf it used', async () => {
    const now = await run(['score', ...EVENT_ARGS, '--top', '1']);
    expect(now.code).toBe(0);
    expect(now.stderr).toContain('asOf 2026-11-23T12:00:00.000Z (now; pass --as-of to repeat this run)');
    const given = await run(['score', ...EVENT_ARGS, '--top', '1', '--as-of', '2026-11-20']);
    expect(given.stderr).toContain('asOf 2026-11-20T00:00:00.000Z (from --as-of)');
  });

  it('shows a LeadrankError as it is, without a stack trace unless --debug', async () => {
    const plain = await run(['score', 'no-such-file.csv', '--as-of', AS_OF]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/\nleadrank: no-such-file\.csv cannot be read: ENOENT/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(['score', 'no-such-file.csv', '--as-of', AS_OF, '--debug']);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('tells how to read a file no provider reader recognises', async () => {
    const { code, stderr } = await run(['score', 'website-activity.csv', '--as-of', AS_OF]);
    expect(code).toBe(1);
    expect(stderr).toContain('website-activity.csv is not a format leadrank recognises (columns seen: "Visitor Email", "Action", "Occurred"');
    expect(stderr).toContain('pass --mapping mapping.json');
  });

  it('prints nothing on stderr with --quiet', async () => {
    const { code, stderr, stdout } = await run(['score', ...SCENARIO_ARGS, '--top', '3', '--quiet']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[1]).toMatch(/^1\s+41\.14\s+A1\s+hot\s+bill\.johnson@johnsonfarms\.com\s+tractors/);
  });
});

describe('the progress bar', () => {
  const sink = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { write: (s: string) => writes.push(s), isTTY, columns: 80 } };
  };

  it('draws on a terminal for a large input and clears itself at the end', () => {
    const { writes, stream } = sink(true);
    const p = createProgress(stream, { quiet: false, minBytes: 100 });
    p.start(1000);
    p.update(500, 10, 'big.csv');
    p.update(1000, 20, 'big.csv');
    p.finish();
    expect(writes[0]).toMatch(/^\r\[#{12}-{12}\]  50%/);
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('stays silent when stderr is not a terminal, the input is small, or --quiet', () => {
    for (const [tty, quiet, size] of [[false, false, 1000], [true, true, 1000], [true, false, 10]] as const) {
      const { writes, stream } = sink(tty);
      const p = createProgress(stream, { quiet, minBytes: 100 });
      p.start(size);
      p.update(size, 1, 'f.csv');
      p.finish();
      expect(writes).toEqual([]);
    }
  });
});
