import assert from 'node:assert/strict';
import { checkDevices } from '../../src/bulk/index.js';

function entries(values: readonly string[]) {
  return values.map((value, index) => ({ line: index + 2, value, data: `row ${index + 2}` }));
}

describe('checkDevices', () => {
  it('accepts device names in canonical form, with their line and data', () => {
    const checked = checkDevices(entries(['SEP001122334455', ' sep00aabbccddee ', 'CSFJDOE']));

    assert.deepEqual(checked, {
      accepted: [
        { line: 2, device: 'SEP001122334455', data: 'row 2' },
        { line: 3, device: 'SEP00AABBCCDDEE', data: 'row 3' },
        { line: 4, device: 'CSFJDOE', data: 'row 4' },
      ],
      rejected: [],
    });
  });

  it('rejects empty, placeholder, invalid and repeated names, each by line', () => {
    const checked = checkDevices(
      entries([
        'SEP001122334455',
        '',
        '#DEVICENAME#',
        'SEP12',
        'SEP00112233445G',
        'sep001122334455',
      ]),
    );

    assert.deepEqual(checked.accepted, [{ line: 2, device: 'SEP001122334455', data: 'row 2' }]);
    assert.deepEqual(checked.rejected, [
      {
        line: 3,
        value: '',
        data: 'row 3',
        problem: 'missing',
        firstLine: undefined,
        message: 'no device name',
      },
      {
        line: 4,
        value: '#DEVICENAME#',
        data: 'row 4',
        problem: 'placeholder',
        firstLine: undefined,
        message: "'#DEVICENAME#' is CUCM's placeholder, not a device name",
      },
      {
        line: 5,
        value: 'SEP12',
        data: 'row 5',
        problem: 'invalid',
        firstLine: undefined,
        message:
          "'SEP12' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')",
      },
      {
        line: 6,
        value: 'SEP00112233445G',
        data: 'row 6',
        problem: 'invalid',
        firstLine: undefined,
        message:
          "'SEP00112233445G' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')",
      },
      {
        line: 7,
        value: 'SEP001122334455',
        data: 'row 7',
        problem: 'duplicate',
        firstLine: 2,
        message: 'SEP001122334455 repeats line 2: sent once',
      },
    ]);
  });

  it('names arguments instead of lines when asked', () => {
    const checked = checkDevices(
      [
        { line: 1, value: 'SEP001122334455', data: undefined },
        { line: 2, value: 'SEP001122334455', data: undefined },
      ],
      { unit: 'argument' },
    );

    assert.equal(checked.rejected[0]?.message, 'SEP001122334455 repeats argument 1: sent once');
  });

  it('quotes an invalid value without its control characters', () => {
    const checked = checkDevices(entries(['SEP\u0007001122334455']));

    assert.equal(
      checked.rejected[0]?.message,
      "'SEP001122334455' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')",
    );
  });
});
