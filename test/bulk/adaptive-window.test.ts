import assert from 'node:assert/strict';
import { AdaptiveWindow, isBulkOptionError } from '../../src/bulk/index.js';

/** Sends `count` requests; returns their stamps. */
function send(window: AdaptiveWindow, count: number): number[] {
  return Array.from({ length: count }, () => window.stamp());
}

/** Successes of requests sent with `inFlight` in flight, until the window reaches `size`. */
function acceptUntil(window: AdaptiveWindow, size: number, inFlight: number): number {
  let count = 0;
  while (window.size < size && count < 1000) {
    window.onAccepted(inFlight);
    count += 1;
  }
  return count;
}

describe('AdaptiveWindow', () => {
  it('starts at the maximum', () => {
    assert.equal(new AdaptiveWindow(5).size, 5);
  });

  it('drops to one below the in-flight count CUCM refused, once per burst of refusals', () => {
    const window = new AdaptiveWindow(5);
    const stamps = send(window, 5);

    window.onBusy(4, stamps[3]!);
    window.onBusy(5, stamps[4]!);

    assert.equal(window.size, 3);
    assert.equal(window.ceiling, 4);
  });

  it('decreases by a fifth when the in-flight count gives no tighter bound', () => {
    const window = new AdaptiveWindow(10);
    const [stamp] = send(window, 1);

    window.onBusy(10, stamp!);

    assert.equal(window.size, 8);
  });

  it('reacts again to a refusal of a request sent after the last decrease', () => {
    const window = new AdaptiveWindow(5);
    window.onBusy(4, send(window, 4)[3]!);
    window.onBusy(3, send(window, 1)[0]!);

    assert.equal(window.size, 2);
  });

  it('never goes below one request', () => {
    const window = new AdaptiveWindow(2);
    window.onBusy(1, send(window, 1)[0]!);
    window.onBusy(1, send(window, 1)[0]!);

    assert.equal(window.size, 1);
  });

  it('grows by one per window of successes while far below the refused level', () => {
    const window = new AdaptiveWindow(10);
    window.onBusy(10, send(window, 1)[0]!);

    assert.equal(acceptUntil(window, 9, 8), 9);
  });

  it('probes the refused level eight times slower', () => {
    const window = new AdaptiveWindow(5);
    window.onBusy(4, send(window, 4)[3]!);

    assert.equal(acceptUntil(window, 4, 3), 28);
    assert.equal(window.ceiling, 4);
  });

  it('forgets the refused level once CUCM takes that many at once', () => {
    const window = new AdaptiveWindow(5);
    window.onBusy(4, send(window, 4)[3]!);

    window.onAccepted(4);

    assert.equal(window.ceiling, undefined);
    assert.equal(acceptUntil(window, 4, 3), 3);
  });

  it('never grows past the maximum', () => {
    const window = new AdaptiveWindow(3);
    for (let count = 0; count < 100; count += 1) window.onAccepted(3);

    assert.equal(window.size, 3);
  });

  it('refuses a maximum that is not a positive integer', () => {
    for (const max of [0, -1, 2.5, Number.NaN]) {
      assert.throws(
        () => new AdaptiveWindow(max),
        (error: unknown) =>
          isBulkOptionError(error) &&
          error.code === 'BULK_INVALID_OPTION' &&
          error.message === `maxConcurrency must be a positive integer, got ${max}`,
      );
    }
  });
});
