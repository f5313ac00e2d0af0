/**
 * Reading hostile EM answers: every body is as large as the client accepts
 * (256 KiB), built to make a careless reader rescan the text from each `<`. Each
 * is timed against reading a well-formed answer of the same size in the same
 * run; a reader that is linear in its input keeps the ratio small.
 */
import { performance } from 'node:perf_hooks';
import { CLIENT_DEFAULTS } from '../src/em/client-options.js';
import { readXml } from '../src/em/xml-reader.js';
import { judged, type BenchRow } from './report.js';

const SIZE = CLIENT_DEFAULTS.maxAnswerBytes;
const REPEATS = 5;
/** Linear readers stay within tens of a well-formed answer's cost; the quadratic checks this replaced took about 7 800 times. */
const MAX_RATIO = 50;

function filled(unit: string, before = '', after = ''): string {
  const room = SIZE - before.length - after.length;
  return before + unit.repeat(Math.floor(room / unit.length)) + after;
}

const HOSTILE: Readonly<Record<string, string>> = {
  'unclosed tags (<a<a<a…)': filled('<a'),
  'DOCTYPE openers': filled('<!DOCTYPE '),
  'ENTITY openers': filled('<!ENTITY '),
  'CDATA openers': filled('<![CDATA['),
  'comment openers': filled('<!--'),
  'processing instructions': filled('<?x '),
  'an unclosed attribute': filled('x', '<response a="'),
  'empty tags (<><>…)': filled('<>'),
  'references without ;': filled('&a', '<response>', '</response>'),
  'a name as long as the answer': filled('a', '<'),
  'blanks, then not XML': filled(' ', '', 'x'),
};

/** Well-formed, of the same size: a failure whose text fills the answer. */
const BASELINE = filled(
  'x',
  '<?xml version="1.0"?><response><failure><error code="3">',
  '</error></failure></response>',
);

function timeRead(body: string): number {
  const times: number[] = [];
  for (let round = 0; round < REPEATS; round += 1) {
    const started = performance.now();
    readXml(body);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)] ?? 0;
}

export function measureHostileAnswers(): BenchRow[] {
  timeRead(BASELINE); // warm-up
  const baseline = timeRead(BASELINE);
  const rows: BenchRow[] = [
    { name: 'EM answer read: 256 KiB well-formed (baseline)', value: baseline, unit: 'ms' },
  ];
  let worst = { name: '', ms: 0 };
  for (const [name, body] of Object.entries(HOSTILE)) {
    const ms = timeRead(body);
    if (ms > worst.ms) worst = { name, ms };
  }
  rows.push(
    judged(
      {
        name: `EM answer read: worst hostile 256 KiB (${worst.name}) / baseline`,
        value: worst.ms / baseline,
        unit: 'x',
      },
      { atMost: MAX_RATIO },
    ),
  );
  return rows;
}
