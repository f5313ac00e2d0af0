import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { floorDevices, floorSeed, Opened } from '../bulk/support.js';
import { cli, maskTimes, parseMasked, readReport, simulatorEnv, TempDir } from './support.js';

/** A floor list with every kind of line: good, nobody, refused, invalid, malformed, repeated. */
const MIXED_CSV = [
  'desk,Device,owner',
  '1.01,SEP001122334455,jdoe',
  '1.02,sep00aabbccddee,nobody',
  '1.03,SEP0A1B2C3D4E5F,"Disabled, EM"',
  '1.04,SEP12,typo',
  '1.05,"SEP112233445566"x,broken',
  '1.06,SEPAABBCCDDEEFF,renée',
  '1.07,SEP001122334455,again',
  '1.08,SEPFFFFFFFFFFFF,unknown',
  '1.09,SEP112233445566',
  '',
].join('\n');

const INVALID_SEP12 =
  "'SEP12' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')";
const CLOSING_QUOTE =
  'malformed CSV: text after the closing quote of a field (write a quote inside a quoted field as "")';

const MIXED_WARNINGS =
  `em-logout: warning: skipped line 5: ${INVALID_SEP12}\n` +
  `em-logout: warning: skipped line 6: ${CLOSING_QUOTE}\n` +
  'em-logout: warning: skipped line 8: SEP001122334455 repeats line 2: sent once\n' +
  'em-logout: warning: skipped line 10: malformed CSV: 2 fields, the header has 3\n';

const MIXED_SKIPPED_ROWS =
  `1.04,typo,SEP12,skipped,,"line 5: ${INVALID_SEP12}",,\n` +
  `,,,skipped,,"line 6: ${CLOSING_QUOTE.replaceAll('"', '""')}",,\n` +
  '1.07,again,SEP001122334455,skipped,,line 8: SEP001122334455 repeats line 2: sent once,,\n' +
  ',,,skipped,,"line 10: malformed CSV: 2 fields, the header has 3",,\n';

const HEADER = 'desk,owner,device,outcome,em_code,message,attempts,duration_ms\n';

describe('em-logout bulk', () => {
  const opened = new Opened();
  const temp = new TempDir();
  beforeEach(() => temp.create());
  afterEach(async () => {
    await opened.close();
    await temp.remove();
  });

  async function input(text: string, name = 'floor.csv'): Promise<string> {
    const path = temp.file(name);
    await writeFile(path, text);
    return path;
  }

  it('logs out every valid line, skips the others by line number, and writes the report', async () => {
    const simulator = await opened.simulator();
    const file = await input(MIXED_CSV);
    const report = temp.file('report.csv');

    const run = await cli(['bulk', file, '--report', report], {
      env: simulatorEnv(simulator, { EM_MAX_CONCURRENCY: '1' }),
    });

    assert.equal(run.exitCode, 1);
    assert.equal(
      run.stderr,
      MIXED_WARNINGS + `em-logout: logging out 5 devices, at most 1 at once; report: ${report}\n`,
    );
    assert.equal(
      maskTimes(run.stdout),
      'Logged out 2, nobody logged in 1, failed 2, skipped 4 lines: 5 devices in <t> s (<r>/s).\n' +
        'Failed:\n' +
        '  line 4  SEP0A1B2C3D4E5F  EM service refused: code 22 (Device logon disabled): Device Logon disabled\n' +
        '  line 9  SEPFFFFFFFFFFFF  EM service refused: code 11 (Device does not exist): Device does not exist\n' +
        `Report: ${report}\n`,
    );
    assert.equal(
      await readReport(report),
      HEADER +
        MIXED_SKIPPED_ROWS +
        '1.01,jdoe,SEP001122334455,logged-out,,logged out,1,<ms>\n' +
        '1.02,nobody,SEP00AABBCCDDEE,nobody,19,No user logged in,1,<ms>\n' +
        '1.03,"Disabled, EM",SEP0A1B2C3D4E5F,failed,22,EM service refused: code 22 (Device logon disabled): Device Logon disabled,1,<ms>\n' +
        '1.06,renée,SEPAABBCCDDEEFF,logged-out,,logged out,1,<ms>\n' +
        '1.08,unknown,SEPFFFFFFFFFFFF,failed,11,EM service refused: code 11 (Device does not exist): Device does not exist,1,<ms>\n',
    );
    assert.equal(simulator.stats.requests, 5);
  });

  it('prints the run as one JSON document with --json', async () => {
    const simulator = await opened.simulator();
    const file = await input(MIXED_CSV);
    const report = temp.file('report.csv');

    const run = await cli(['bulk', file, '--report', report, '--json', '--no-progress'], {
      env: simulatorEnv(simulator),
    });

    assert.equal(run.exitCode, 1);
    assert.deepEqual(parseMasked(run.stdout), {
      command: 'bulk',
      input: file,
      report,
      dryRun: false,
      interrupted: false,
      counts: { loggedOut: 2, nobody: 1, failed: 2, skipped: 4, alreadyDone: 0, notSent: 0 },
      elapsedMs: '<masked>',
      ratePerSecond: '<masked>',
      busyAnswers: 0,
      results: [
        result(2, 'SEP001122334455', 'logged-out', null, 'logged out'),
        result(3, 'SEP00AABBCCDDEE', 'nobody', 19, 'No user logged in'),
        result(
          4,
          'SEP0A1B2C3D4E5F',
          'failed',
          22,
          'EM service refused: code 22 (Device logon disabled): Device Logon disabled',
        ),
        result(7, 'SEPAABBCCDDEEFF', 'logged-out', null, 'logged out'),
        result(
          9,
          'SEPFFFFFFFFFFFF',
          'failed',
          11,
          'EM service refused: code 11 (Device does not exist): Device does not exist',
        ),
      ],
      skipped: [
        { line: 5, device: 'SEP12', problem: 'invalid', message: `line 5: ${INVALID_SEP12}` },
        { line: 6, device: '', problem: 'malformed', message: `line 6: ${CLOSING_QUOTE}` },
        {
          line: 8,
          device: 'SEP001122334455',
          problem: 'duplicate',
          message: 'line 8: SEP001122334455 repeats line 2: sent once',
        },
        {
          line: 10,
          device: '',
          problem: 'malformed',
          message: 'line 10: malformed CSV: 2 fields, the header has 3',
        },
      ],
    });
  });

  it('exits 0 when every device was logged out or had nobody logged in', async () => {
    const simulator = await opened.simulator();
    const file = await input('device\nSEP001122334455\nSEP00AABBCCDDEE\n');

    const run = await cli(['bulk', file, '--report', temp.file('report.csv')], {
      env: simulatorEnv(simulator),
    });

    assert.equal(run.exitCode, 0);
    assert.equal(
      await readReport(temp.file('report.csv')),
      'device,outcome,em_code,message,attempts,duration_ms\n' +
        'SEP001122334455,logged-out,,logged out,1,<ms>\n' +
        'SEP00AABBCCDDEE,nobody,19,No user logged in,1,<ms>\n',
    );
  });

  it('exits 1 for a line that was not sent, but not for a repeat that was sent once', async () => {
    const simulator = await opened.simulator();
    const repeated = await input('device\nSEP001122334455\nSEP001122334455\n', 'repeated.csv');
    const invalid = await input('device\nSEP00AABBCCDDEE\nSEP12\n', 'invalid.csv');
    const env = simulatorEnv(simulator);

    const runs = [
      await cli(['bulk', repeated, '--report', temp.file('r1.csv')], { env }),
      await cli(['bulk', invalid, '--report', temp.file('r2.csv')], { env }),
      await cli(['bulk', invalid, '--dry-run'], { env }),
    ];

    assert.deepEqual(
      runs.map((run) => run.exitCode),
      [0, 1, 1],
    );
  });

  it('keeps input columns named like report columns as input_<name>', async () => {
    const simulator = await opened.simulator();
    const file = await input('message,device,outcome\nhello,SEP00AABBCCDDEE,planned\n');

    await cli(['bulk', file, '--report', temp.file('report.csv')], {
      env: simulatorEnv(simulator),
    });

    assert.equal(
      await readReport(temp.file('report.csv')),
      'input_message,input_outcome,device,outcome,em_code,message,attempts,duration_ms\n' +
        'hello,planned,SEP00AABBCCDDEE,nobody,19,No user logged in,1,<ms>\n',
    );
  });

  it('logs out 60 devices against a CUCM that takes 2 at once with zero 26 failures', async () => {
    const simulator = await opened.simulator({
      latencyMs: 5,
      maxConcurrent: 2,
      seed: floorSeed(60),
    });
    const file = await input(`device\n${floorDevices(60).join('\n')}\n`);
    const report = temp.file('report.csv');

    const run = await cli(['bulk', file, '--report', report, '--json'], {
      env: simulatorEnv(simulator, { EM_MAX_CONCURRENCY: '5' }),
    });

    const output = JSON.parse(run.stdout) as { counts: unknown; busyAnswers: number };
    assert.equal(run.exitCode, 0);
    assert.deepEqual(output.counts, {
      loggedOut: 60,
      nobody: 0,
      failed: 0,
      skipped: 0,
      alreadyDone: 0,
      notSent: 0,
    });
    assert.equal(output.busyAnswers, simulator.stats.throttled);
    assert.ok(output.busyAnswers > 0, 'CUCM must have refused some at first');
    const rows = (await readFile(report, 'utf8')).trim().split('\n').slice(1);
    assert.equal(rows.length, 60);
    assert.deepEqual(
      rows.filter((row) => !/^SEP[0-9A-F]{12},logged-out,,logged out,\d+,\d+$/.test(row)),
      [],
    );
  });

  describe('--dry-run', () => {
    it('only asks who is logged in, and says who would be logged out', async () => {
      const simulator = await opened.simulator();
      const file = await input(MIXED_CSV);

      const run = await cli(['bulk', file, '--dry-run'], { env: simulatorEnv(simulator) });

      assert.equal(run.exitCode, 1);
      assert.equal(run.stderr, MIXED_WARNINGS);
      assert.equal(
        run.stdout,
        'Dry run, nothing was logged out: 2 would be logged out, 2 with nobody logged in, ' +
          '1 unknown to CUCM, 0 failed to answer, 4 lines skipped.\n' +
          '  line 2  SEP001122334455  would log out jdoe\n' +
          '  line 3  SEP00AABBCCDDEE  (nobody logged in)\n' +
          '  line 4  SEP0A1B2C3D4E5F  (nobody logged in)\n' +
          '  line 7  SEPAABBCCDDEEFF  would log out renée.müller@example.com\n' +
          '  line 9  SEPFFFFFFFFFFFF  (unknown to CUCM)\n',
      );
      assert.equal(simulator.stats.requests, 1);
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
      assert.deepEqual(await readdir(temp.path), ['floor.csv']);
    });

    it('writes a report only when --report is given, in JSON too', async () => {
      const simulator = await opened.simulator();
      const file = await input('device,desk\nSEP001122334455,1\nSEP00AABBCCDDEE,2\n');
      const report = temp.file('plan.csv');

      const run = await cli(['bulk', file, '--dry-run', '--report', report, '--json'], {
        env: simulatorEnv(simulator),
      });

      assert.equal(run.exitCode, 0);
      assert.deepEqual(JSON.parse(run.stdout), {
        command: 'bulk',
        input: file,
        report,
        dryRun: true,
        interrupted: false,
        counts: {
          wouldLogOut: 1,
          nobody: 1,
          unknownDevice: 0,
          failed: 0,
          skipped: 0,
          alreadyDone: 0,
          notAsked: 0,
        },
        devices: [
          {
            line: 2,
            device: 'SEP001122334455',
            outcome: 'would-log-out',
            userId: 'jdoe',
            emCode: null,
            message: 'jdoe is logged in',
          },
          {
            line: 3,
            device: 'SEP00AABBCCDDEE',
            outcome: 'nobody-logged-in',
            userId: null,
            emCode: null,
            message: 'nobody logged in',
          },
        ],
        skipped: [],
      });
      assert.equal(
        await readFile(report, 'utf8'),
        'desk,device,outcome,em_code,message,attempts,duration_ms\n' +
          '1,SEP001122334455,would-log-out,,jdoe is logged in,,\n' +
          '2,SEP00AABBCCDDEE,nobody-logged-in,,nobody logged in,,\n',
      );
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    });
  });

  describe('input', () => {
    it('exits 2 before sending anything when there is no device column', async () => {
      const simulator = await opened.simulator();
      const file = await input('phone,desk\nSEP001122334455,1\n');

      const run = await cli(['bulk', file], { env: simulatorEnv(simulator) });

      assert.deepEqual(run, {
        exitCode: 2,
        stdout: '',
        stderr:
          `em-logout: ${file} line 1: no device column in the header (columns: 'phone', 'desk'). ` +
          'The first line must name the columns, one of them device, e.g.:\n' +
          '  device,desk\n' +
          '  SEP001122334455,3.14\n',
      });
      assert.equal(simulator.stats.requests, 0);
      assert.deepEqual(await readdir(temp.path), ['floor.csv']);
    });

    it('hints at the separator when the header looks separated by semicolons', async () => {
      const simulator = await opened.simulator();
      const file = await input('device;desk\nSEP001122334455;1\n');

      const run = await cli(['bulk', file, '--json'], { env: simulatorEnv(simulator) });

      assert.equal(run.exitCode, 2);
      assert.deepEqual(JSON.parse(run.stdout), {
        error: {
          code: 'CLI_INPUT',
          message:
            `${file} line 1: no device column in the header (columns: 'device;desk') ` +
            '(em-logout reads comma-separated files; this one looks separated by ; or tabs). ' +
            'The first line must name the columns, one of them device, e.g.:\n' +
            '  device,desk\n' +
            '  SEP001122334455,3.14',
          problems: [],
        },
      });
    });

    it('exits 2 for an empty input, a malformed header, or a missing file', async () => {
      const simulator = await opened.simulator();
      const env = simulatorEnv(simulator);
      const empty = await input('\n\n', 'empty.csv');
      const badHeader = await input('"device,desk\n', 'bad.csv');

      const runs = await Promise.all([
        cli(['bulk', empty], { env }),
        cli(['bulk', badHeader], { env }),
        cli(['bulk', temp.file('missing.csv')], { env }),
      ]);

      assert.deepEqual(
        runs.map((run) => [run.exitCode, run.stderr]),
        [
          [2, `em-logout: ${empty} is empty: expected a header line with a device column\n`],
          [
            2,
            `em-logout: ${badHeader} line 1 (the header) is malformed: a quoted field is not closed\n`,
          ],
          [2, `em-logout: cannot read ${temp.file('missing.csv')} (ENOENT)\n`],
        ],
      );
      assert.equal(simulator.stats.requests, 0);
    });

    it('reads stdin for -, and names the default report after the time in the working directory', async () => {
      const simulator = await opened.simulator();

      const run = await cli(['bulk', '-', '--no-progress'], {
        env: simulatorEnv(simulator),
        cwd: temp.path,
        stdin: 'device\nSEP001122334455\n',
      });

      assert.equal(run.exitCode, 0);
      assert.deepEqual(await readdir(temp.path), ['em-logout-report-20250304T050607Z.csv']);
    });

    it('writes the default report next to the input', async () => {
      const simulator = await opened.simulator();
      const file = await input('device\nSEP001122334455\n');

      const run = await cli(['bulk', file], { env: simulatorEnv(simulator) });

      assert.equal(run.exitCode, 0);
      assert.deepEqual((await readdir(temp.path)).sort(), [
        'floor-report-20250304T050607Z.csv',
        'floor.csv',
      ]);
    });

    it('never overwrites an existing report', async () => {
      const simulator = await opened.simulator();
      const file = await input('device\nSEP001122334455\n');
      const report = temp.file('report.csv');
      await writeFile(report, 'precious\n');

      const run = await cli(['bulk', file, '--report', report], { env: simulatorEnv(simulator) });

      assert.deepEqual(run, {
        exitCode: 2,
        stdout: '',
        stderr:
          `em-logout: report ${report} already exists: pass another --report, ` +
          `or continue it with --resume ${report}\n`,
      });
      assert.equal(await readFile(report, 'utf8'), 'precious\n');
      assert.equal(simulator.stats.requests, 0);
    });
  });

  describe('--resume', () => {
    it('skips the devices the report shows done and appends the rest', async () => {
      const devices = floorDevices(5);
      const simulator = await opened.simulator({ seed: floorSeed(5) });
      simulator.state.setLoggedIn(devices[0]!, undefined);
      simulator.state.setLoggedIn(devices[1]!, undefined);
      const file = await input(`device\n${devices.join('\n')}\nSEP12\n`);
      const report = temp.file('report.csv');
      const earlier =
        'device,outcome,em_code,message,attempts,duration_ms\n' +
        `SEP12,skipped,,"line 7: ${INVALID_SEP12}",,\n` +
        `${devices[0]},logged-out,,logged out,1,20\n` +
        `${devices[1]},nobody,19,No user logged in,1,20\n` +
        `${devices[2]},failed,6,EM service refused: code 6 (Database error): DB error,1,20\n` +
        `${devices[3]},logged-out,,logg`;
      await writeFile(report, earlier);

      const run = await cli(['bulk', file, '--resume', report, '--json', '--no-progress'], {
        env: simulatorEnv(simulator, { EM_MAX_CONCURRENCY: '1' }),
      });

      // 1: line 7 (SEP12) is still not a device, and still not sent.
      assert.equal(run.exitCode, 1);
      assert.deepEqual((parseMasked(run.stdout) as { counts: unknown }).counts, {
        loggedOut: 3,
        nobody: 0,
        failed: 0,
        skipped: 1,
        alreadyDone: 2,
        notSent: 0,
      });
      assert.equal(simulator.stats.requests, 3);
      assert.equal(
        await readReport(report),
        earlier.replaceAll(',20\n', ',<ms>\n') +
          '\n' +
          `${devices[2]},logged-out,,logged out,1,<ms>\n` +
          `${devices[3]},logged-out,,logged out,1,<ms>\n` +
          `${devices[4]},logged-out,,logged out,1,<ms>\n`,
      );
    });

    it('exits 2 when the report belongs to another input', async () => {
      const simulator = await opened.simulator();
      const file = await input('device,desk\nSEP001122334455,1\n');
      const report = temp.file('report.csv');
      await writeFile(report, 'device,outcome,em_code,message,attempts,duration_ms\n');

      const run = await cli(['bulk', file, '--resume', report], { env: simulatorEnv(simulator) });

      assert.deepEqual(run, {
        exitCode: 2,
        stdout: '',
        stderr:
          `em-logout: ${report} is not a report of this input: its columns are ` +
          'device,outcome,em_code,message,attempts,duration_ms, this input gives ' +
          'desk,device,outcome,em_code,message,attempts,duration_ms\n',
      });
      assert.equal(simulator.stats.requests, 0);
    });

    it('exits 2 when a dry run would write into the report it resumes', async () => {
      const run = await cli([
        'bulk',
        'floor.csv',
        '--dry-run',
        '--resume',
        'a.csv',
        '--report',
        'a.csv',
      ]);

      assert.deepEqual(run, {
        exitCode: 2,
        stdout: '',
        stderr:
          'em-logout: a dry run never writes into the report it resumes: give --report another path, or drop it\n',
      });
    });

    it('exits 2 when --report names another file', async () => {
      const run = await cli(['bulk', 'floor.csv', '--resume', 'a.csv', '--report', 'b.csv']);

      assert.deepEqual(run, {
        exitCode: 2,
        stdout: '',
        stderr:
          'em-logout: --resume continues the report it names: drop --report, or give both the same path\n',
      });
    });
  });

  it('sends nothing once interrupted, and says how to continue', async () => {
    const simulator = await opened.simulator();
    const file = await input('device\nSEP001122334455\nSEP00AABBCCDDEE\n');
    const report = temp.file('report.csv');

    const run = await cli(['bulk', file, '--report', report], {
      env: simulatorEnv(simulator),
      signal: AbortSignal.abort(),
    });

    assert.equal(run.exitCode, 130);
    assert.equal(
      maskTimes(run.stdout),
      'Logged out 0, nobody logged in 0, failed 0, skipped 0 lines: 0 devices in <t> s (<r>/s).\n' +
        `Report: ${report}\n` +
        'Interrupted: 2 devices not sent; every answer received is in the report.\n' +
        `Continue with: em-logout bulk ${file} --resume ${report}\n`,
    );
    assert.equal(simulator.stats.requests, 0);
  });
});

function result(
  line: number,
  device: string,
  outcome: string,
  emCode: number | null,
  message: string,
) {
  return { line, device, outcome, emCode, message, attempts: 1, durationMs: '<masked>' };
}
