import assert from 'node:assert/strict';
import { readCsvRecords } from '../../src/bulk/csv-records.js';

describe('readCsvRecords', () => {
  it('reads records with the line each starts on, skipping blank lines', () => {
    const text = '\uFEFFdevice,desk\r\nSEP001122334455,1\r\n\r\n  \nSEP00AABBCCDDEE,"2, east"\n';

    assert.deepEqual(readCsvRecords(text), {
      records: [
        { line: 1, values: ['device', 'desk'] },
        { line: 2, values: ['SEP001122334455', '1'] },
        { line: 5, values: ['SEP00AABBCCDDEE', '2, east'] },
      ],
      problems: [],
    });
  });

  it('reads a quoted field across lines, numbering the record by its first line', () => {
    const text = 'device,note\nSEP001122334455,"two\nlines"\nSEP00AABBCCDDEE,"say ""hi"""\n';

    assert.deepEqual(readCsvRecords(text).records, [
      { line: 1, values: ['device', 'note'] },
      { line: 2, values: ['SEP001122334455', 'two\nlines'] },
      { line: 4, values: ['SEP00AABBCCDDEE', 'say "hi"'] },
    ]);
  });

  it('reports a malformed line alone and reads on from the next one', () => {
    const text = [
      'device,desk',
      'SEP000000000001,"1"x',
      '"SEP000000000002,2',
      'SEP000000000003,3',
      'SEP0000"00000004,4',
      'SEP000000000005,5',
    ].join('\n');

    assert.deepEqual(readCsvRecords(text), {
      records: [
        { line: 1, values: ['device', 'desk'] },
        { line: 4, values: ['SEP000000000003', '3'] },
        { line: 6, values: ['SEP000000000005', '5'] },
      ],
      problems: [
        {
          line: 2,
          message:
            'text after the closing quote of a field (write a quote inside a quoted field as "")',
        },
        { line: 3, message: 'a quoted field is not closed' },
        {
          line: 5,
          message:
            'a quote inside an unquoted field (quote the whole field and write the quote as "")',
        },
      ],
    });
  });

  it('reports a quote left open at the end of the input', () => {
    assert.deepEqual(readCsvRecords('device\n"SEP000000000001\n'), {
      records: [{ line: 1, values: ['device'] }],
      problems: [{ line: 2, message: 'a quoted field is not closed' }],
    });
  });
});

describe('report cells a spreadsheet would run', function () {
  it('start with a quote when they look like a formula, from the input or from CUCM', async function () {
    const { ReportLayout } = await import('../../src/bulk/report-layout.js');
    const layout = new ReportLayout(['=HEADER()', 'device', 'desk'], 1);
    assert.deepEqual(layout.header, [
      "'=HEADER()",
      'desk',
      'device',
      'outcome',
      'em_code',
      'message',
      'attempts',
      'duration_ms',
    ]);
    const row = layout.row(['=cmd|calc', 'SEP001122334455', '@SUM(A1)'], {
      device: 'SEP001122334455',
      outcome: 'failed',
      emCode: 0,
      message: '-1 is not a code',
      attempts: 1,
      durationMs: 5,
    });
    assert.deepEqual(row, [
      "'=cmd|calc",
      "'@SUM(A1)",
      'SEP001122334455',
      'failed',
      '0',
      "'-1 is not a code",
      '1',
      '5',
    ]);
  });

  it('start with a quote in the device column too: a skipped line keeps its input as given', async function () {
    const { ReportLayout } = await import('../../src/bulk/report-layout.js');
    const layout = new ReportLayout(['device', 'note'], 0);
    const skipped = (device: string) =>
      layout.row([device, '+1'], { device, outcome: 'skipped', message: 'not a device name' });
    assert.deepEqual(skipped('@SUM(A1)'), [
      "'+1",
      "'@SUM(A1)",
      'skipped',
      '',
      'not a device name',
      '',
      '',
    ]);
    assert.deepEqual(skipped('-cmd'), ["'+1", "'-cmd", 'skipped', '', 'not a device name', '', '']);
    assert.deepEqual(skipped('=1+2'), ["'+1", "'=1+2", 'skipped', '', 'not a device name', '', '']);
  });
});
