// `npm run bench`: the budgets of DESIGN.md (issue 7), in Node and then in headless Chromium; prints one table, writes bench-results/<time>.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { indexDataset, type DatasetIndex } from '../../src/core/dataset-index';
import type { Dataset, ProviderId } from '../../src/core/dataset-schema';
import { todayUtc } from '../../src/core/dates';
import { loadDatasetIndex } from '../../src/node/read-dataset';
import { BROWSER_LOADS, BROWSER_WARMUPS, timeInChromium, type BrowserTimings } from './browser';
import type { ColdStartMode, ColdStartSample } from './cold-start';
import { makeCorpus } from './corpus';
import { labelStripScan, ourMatcher, parseOnly, regexScan, type Classify } from './matchers';
import { timeSearch } from './search';
import { describeCommandLine, timeCommandLine } from './cli';
import { BACKGROUND_BUDGET, buildStartMark, CHROME_ZIP_BUDGET, CONTENT_SCRIPT_BUDGET, measureSizes, ROOT, wxt, type Sizes } from './sizes';
import { median, percentile } from './stats';

const SEED = 0x5eedc10d;
const CORPUS_SIZE = 100_000;
const WARMUP_ROUNDS = 2;
const ROUNDS = 9;
const SLICE = 5_000;
const COLD_RUNS = 7;

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Milliseconds per pass over `urls` for each contender. Contenders take turns on every slice of the corpus,
 * in an order that rotates, so a burst of load from other processes hits them all alike.
 */
function timeRounds(contenders: Record<string, Classify>, urls: readonly string[]): Record<string, number[]> {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  let sink = 0;
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const spent = names.map(() => 0);
    for (let from = 0, turn = round; from < urls.length; from += SLICE, turn++) {
      const to = Math.min(from + SLICE, urls.length);
      for (let i = 0; i < names.length; i++) {
        const which = (i + turn) % names.length;
        const classify = contenders[names[which]!]!;
        const start = performance.now();
        for (let u = from; u < to; u++) sink += classify(urls[u]!).length;
        spent[which]! += performance.now() - start;
      }
    }
    if (round >= WARMUP_ROUNDS) names.forEach((name, i) => times[name]!.push(spent[i]!));
  }
  // Using the answers keeps the optimiser from dropping the work.
  if (sink === 0) throw new Error('no matcher answered anything');
  return times;
}

/** Every answer of every contender; throws naming the URLs where they differ. */
function answersAgree(contenders: Record<string, Classify>, urls: readonly string[]): string[] {
  const [reference, ...others] = Object.entries(contenders);
  const expected = urls.map(reference![1]);
  const disagreements = urls.flatMap((url, i) =>
    others.filter(([, classify]) => classify(url) !== expected[i]).map(([name, classify]) => `${url}: ${reference![0]} says ${expected[i]}, ${name} says ${classify(url)}`),
  );
  if (disagreements.length > 0) throw new Error(`matchers disagree on ${disagreements.length} answers:\n${disagreements.slice(0, 20).join('\n')}`);
  return expected;
}

/** The dataset with `factor - 1` renamed copies of every provider (aliyun.com → aliyun-x1.com), none of which the corpus hits. */
function scaledIndex(dataset: Dataset, factor: number): DatasetIndex {
  const copies = Array.from({ length: factor - 1 }, (_, k) =>
    dataset.providers.map((provider) => ({
      ...provider,
      id: `${provider.id}-x${k + 1}` as ProviderId,
      hosts: provider.hosts.map((rule) => ({ ...rule, host: rule.host.replace(/\.([a-z]+)$/, `-x${k + 1}.$1`) })),
    })),
  );
  return indexDataset({ ...dataset, providers: [...dataset.providers, ...copies.flat()] });
}

function coldStart(): Required<ColdStartSample> {
  const samples: ColdStartSample[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const mode of ['load', 'bundle'] satisfies ColdStartMode[]) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/cold-start.ts'), mode], { cwd: ROOT, encoding: 'utf8' });
      samples.push(JSON.parse(out) as ColdStartSample);
    }
  }
  const medianOf = (key: keyof ColdStartSample) => median(samples.flatMap((s) => (s[key] === undefined ? [] : [s[key]])));
  return { loadMs: medianOf('loadMs'), indexMs: medianOf('indexMs'), firstVerdictMs: medianOf('firstVerdictMs') };
}

function buildAndMeasure(): Sizes | string {
  const start = buildStartMark();
  try {
    // wxt zip builds before it packs, so these two calls are the whole Chrome and Firefox build.
    wxt('zip');
    wxt('zip', '-b', 'firefox');
    return measureSizes(start);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `build failed: ${stderr || (error as Error).message}`;
  }
}

// Builds and cold starts spawn processes, so they run before the timings rather than during them.
log('building and zipping (wxt zip, wxt zip -b firefox)…');
const sizes = buildAndMeasure();
log('cold start, fresh processes…');
const cold = coldStart();

const today = todayUtc();
const index = loadDatasetIndex(today);
const corpus = makeCorpus(index, CORPUS_SIZE, SEED);
const urls = corpus.map((c) => c.url);
const matchers = { floor: parseOnly, regex: regexScan(index), strip: labelStripScan(index), matchUrl: ourMatcher(index) };
const labels: Record<keyof typeof matchers, string> = {
  floor: '(a) new URL() alone',
  regex: '(b) RegExp per host rule',
  strip: '(c) label strip + array',
  matchUrl: '(d) matchUrl',
};

log('checking that every matcher gives the same answers…');
const { floor: _floor, ...classifiers } = matchers;
const answers = answersAgree(classifiers, urls);
const providerOf = (answer: string) => (answer === '-' ? null : answer.split(' ')[0]);
const wrong = corpus.filter((c, i) => c.expected !== undefined && providerOf(answers[i]!) !== c.expected);
if (wrong.length > 0) throw new Error(`wrong provider for ${wrong.length} URLs, e.g. ${wrong.slice(0, 5).map((c) => `${c.url} (want ${c.expected})`).join(', ')}`);
const kindsInData = new Set([...index.hosts.values()].flatMap((rule) => [rule.kind, ...rule.paths.map((p) => p.kind)]));
const kindsHit = new Set(answers.map((a) => a.split(' ')[1]));
const missing = [...kindsInData].filter((kind) => !kindsHit.has(kind));
if (missing.length > 0) throw new Error(`the corpus reaches no ${missing.join(', ')} page`);

log(`timing ${urls.length} URLs × ${ROUNDS} rounds…`);
const times = timeRounds(matchers, urls) as Record<keyof typeof matchers, number[]>;
const perRound = (f: (round: number) => number) => median(Array.from({ length: ROUNDS }, (_, r) => f(r)));
const overhead = perRound((r) => (times.matchUrl[r]! - times.floor[r]!) / times.floor[r]!);
const speedupRegex = perRound((r) => times.regex[r]! / times.matchUrl[r]!);
const speedupStrip = perRound((r) => times.strip[r]! / times.matchUrl[r]!);
// No matcher that parses with new URL() can beat the RegExp scan by more than parsing alone does.
const parseOverRegex = perRound((r) => times.regex[r]! / times.floor[r]!);

log('timing matchUrl on 1x, 10x and 100x the providers…');
const scales = [1, 10, 100].map((factor) => ({ factor, index: scaledIndex(index.dataset, factor) }));
const scaled = Object.fromEntries(scales.map(({ factor, index }) => [`${factor}x`, ourMatcher(index)]));
answersAgree(scaled, urls);
const scaleTimes = timeRounds(scaled, urls);
const slowdown = perRound((r) => scaleTimes['100x']![r]! / scaleTimes['1x']![r]!);

log('timing search on every prefix of its queries…');
const search = timeSearch(index);

log('timing the command line on 1,000,000 log lines, through pipes…');
const commandLine = describeCommandLine(timeCommandLine(index, SEED));

async function inChromium(): Promise<BrowserTimings | string> {
  if (typeof sizes === 'string') return 'not run: the build failed';
  try {
    return await timeInChromium(join(ROOT, '.output/chrome-mv3'));
  } catch (error) {
    return `browser timings failed: ${(error as Error).message}`;
  }
}
// Last, and alone: a browser would disturb the Node timings, and they it.
log(`timing banner and popup in headless Chromium, ${BROWSER_LOADS} fresh pages each…`);
const browser = await inChromium();
const inBrowser = typeof browser === 'string' ? null : browser;
const browserMedians = inBrowser && {
  banner: median(inBrowser.bannerMs),
  bannerP95: percentile(inBrowser.bannerMs, 95),
  bannerFromStart: median(inBrowser.bannerFromStartMs),
  popupScript: median(inBrowser.popupScriptMs),
  verdict: median(inBrowser.popupVerdictMs),
  whole: median(inBrowser.popupWholeMs),
  verdictFromClick: median(inBrowser.popupFromClickMs),
  blank: median(inBrowser.blankVerdictMs),
  blankFromClick: median(inBrowser.blankFromClickMs),
  coldBanner: median(inBrowser.cold!.bannerMs),
  coldBannerP95: percentile(inBrowser.cold!.bannerMs, 95),
  coldBannerFromStart: median(inBrowser.cold!.bannerFromStartMs),
  coldPopupScript: median(inBrowser.cold!.popupScriptMs),
  coldVerdict: median(inBrowser.cold!.popupVerdictMs),
  coldWhole: median(inBrowser.cold!.popupWholeMs),
  coldVerdictFromClick: median(inBrowser.cold!.popupFromClickMs),
  coldBlank: median(inBrowser.cold!.blankVerdictMs),
  coldBlankFromClick: median(inBrowser.cold!.blankFromClickMs),
};

const perSecond = (ms: number[]) => (urls.length / median(ms)) * 1000;
const rate = (ms: number[]) => `${(perSecond(ms) / 1e6).toFixed(2)} M URLs/s`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${bytes.toLocaleString('en')} B (${(bytes / 1024).toFixed(1)} KB)`;

interface Budget {
  name: string;
  /** null when it could not be measured, which fails the budget. */
  value: number | null;
  budget: string;
  pass: boolean;
}
const check = (name: string, value: number | null, budget: string, holds: (v: number) => boolean): Budget => ({ name, value, budget, pass: value !== null && holds(value) });
const built = typeof sizes === 'string' ? null : sizes;
const budgets = {
  overhead: check('matcher overhead ÷ new URL()', overhead, '≤ 1', (v) => v <= 1),
  speedup: check('matchUrl speed-up over the RegExp scan', speedupRegex, '≥ 20x', (v) => v >= 20),
  flat: check('matchUrl time at 100x providers ÷ 1x', slowdown, '≤ 2', (v) => v <= 2),
  contentScript: check('content script size', built?.contentScript ?? null, `≤ ${kb(CONTENT_SCRIPT_BUDGET)}`, (v) => v <= CONTENT_SCRIPT_BUDGET),
  chromeZip: check('Chrome zip size', built?.chromeZip ?? null, `< ${kb(CHROME_ZIP_BUDGET)}`, (v) => v < CHROME_ZIP_BUDGET),
  search: check('search per keystroke, p95', search.p95Us / 1000, '≤ 5 ms', (v) => v <= 5),
  background: check('background.js size', built?.background ?? null, `≤ ${kb(BACKGROUND_BUDGET)}`, (v) => v <= BACKGROUND_BUDGET),
  banner: check('banner after DOMContentLoaded, warm, median', browserMedians?.banner ?? null, '≤ 30 ms', (v) => v <= 30),
  coldBanner: check('banner after DOMContentLoaded, worker asleep, median', browserMedians?.coldBanner ?? null, '≤ 60 ms', (v) => v <= 60),
  // From navigation start: after DOMContentLoaded the banner may come at a negative time, where a ratio means nothing.
  coldRatio: check('banner asleep ÷ warm, from navigation start', browserMedians ? browserMedians.coldBannerFromStart / browserMedians.bannerFromStart : null, '≤ 1.5', (v) => v <= 1.5),
  popup: check('popup verdict card, warm, median', browserMedians?.verdict ?? null, '≤ 100 ms', (v) => v <= 100),
  coldPopup: check('popup verdict card, worker asleep, median', browserMedians?.coldVerdict ?? null, '≤ 150 ms', (v) => v <= 150),
  ...commandLine.budgets,
};
const verdict = (b: Budget) => [b.budget, b.pass ? 'pass' : 'FAIL'];

const describe = (i: DatasetIndex) => `${i.dataset.providers.length} providers, ${i.hosts.size} hosts`;
const rows: string[][] = [
  ['Measure', 'Result', 'Budget', ''],
  ...(Object.keys(matchers) as Array<keyof typeof matchers>).map((name) => [labels[name], rate(times[name]), '', '']),
  ['matchUrl overhead ÷ new URL()', overhead.toFixed(2), ...verdict(budgets.overhead)],
  ['matchUrl speed-up over (b)', `${speedupRegex.toFixed(1)}x`, ...verdict(budgets.speedup)],
  ['for scale: new URL() alone over (b)', `${parseOverRegex.toFixed(1)}x`, '', ''],
  ['matchUrl speed-up over (c)', `${speedupStrip.toFixed(1)}x`, '', ''],
  ...scales.map(({ factor, index }) => [`matchUrl at ${factor}x (${describe(index)})`, rate(scaleTimes[`${factor}x`]!), '', '']),
  ['matchUrl time at 100x ÷ 1x', slowdown.toFixed(2), ...verdict(budgets.flat)],
  ['Cold: read + validate + index from disk', `${cold.loadMs.toFixed(1)} ms`, '', ''],
  ['Cold: indexDataset on a parsed dataset', `${cold.indexMs.toFixed(2)} ms`, '', ''],
  ['Cold: first matchUrl + verdictFor', `${cold.firstVerdictMs.toFixed(2)} ms`, '', ''],
  ...(built
    ? [
        ['content-scripts/warning.js', kb(built.contentScript), ...verdict(budgets.contentScript)],
        ['background.js', kb(built.background), ...verdict(budgets.background)],
        ['popup JS (first script, module entry, preloaded chunks)', kb(built.popup), '', ''],
        ...Object.entries(built.zips).map(([zip, bytes]) => [zip, kb(bytes), ...(zip.endsWith('-chrome.zip') ? verdict(budgets.chromeZip) : ['', ''])]),
      ]
    : [['Sizes', 'build failed', '', 'FAIL']]),
  [`Search per keystroke: median (${search.calls} prefixes)`, `${Math.round(search.medianUs)} µs`, '', ''],
  ['Search per keystroke: p95', `${Math.round(search.p95Us).toLocaleString('en')} µs`, ...verdict(budgets.search)],
  ['Search per keystroke: max', `${Math.round(search.maxUs).toLocaleString('en')} µs`, '', ''],
  ...(browserMedians
    ? [
        ['Banner after DOMContentLoaded, warm: median', ms(browserMedians.banner), ...verdict(budgets.banner)],
        ['Banner after DOMContentLoaded, warm: p95', ms(browserMedians.bannerP95), '', ''],
        ['Banner after DOMContentLoaded, worker asleep: median', ms(browserMedians.coldBanner), ...verdict(budgets.coldBanner)],
        ['Banner after DOMContentLoaded, worker asleep: p95', ms(browserMedians.coldBannerP95), '', ''],
        ['Banner from navigation start, warm: median', ms(browserMedians.bannerFromStart), '', ''],
        ['Banner from navigation start, worker asleep: median', ms(browserMedians.coldBannerFromStart), '', ''],
        ['Banner asleep ÷ warm, from navigation start', (browserMedians.coldBannerFromStart / browserMedians.bannerFromStart).toFixed(2), ...verdict(budgets.coldRatio)],
        ['Popup: its first script line runs, warm: median', ms(browserMedians.popupScript), '', ''],
        ['Popup verdict card, warm: median', ms(browserMedians.verdict), ...verdict(budgets.popup)],
        ['Popup: the whole card (its last line), warm: median', ms(browserMedians.whole), '', ''],
        ['Empty popup of the extension (the floor), warm: median', ms(browserMedians.blank), '', ''],
        ['Popup verdict card less the floor (our share), warm', ms(browserMedians.verdict - browserMedians.blank), '', ''],
        ['Popup verdict card from the click, warm: median (empty popup)', `${ms(browserMedians.verdictFromClick)} (${ms(browserMedians.blankFromClick)})`, '', ''],
        ['Popup: its first script line runs, worker asleep: median', ms(browserMedians.coldPopupScript), '', ''],
        ['Popup verdict card, worker asleep: median', ms(browserMedians.coldVerdict), ...verdict(budgets.coldPopup)],
        ['Popup: the whole card (its last line), worker asleep: median', ms(browserMedians.coldWhole), '', ''],
        ['Empty popup of the extension (the floor), worker asleep: median', ms(browserMedians.coldBlank), '', ''],
        ['Popup verdict card less the floor (our share), worker asleep', ms(browserMedians.coldVerdict - browserMedians.coldBlank), '', ''],
        ['Popup verdict card from the click, worker asleep: median (empty popup)', `${ms(browserMedians.coldVerdictFromClick)} (${ms(browserMedians.coldBlankFromClick)})`, '', ''],
      ]
    : [['In Chromium', 'not measured', '', 'FAIL']]),
  ...commandLine.rows,
];
const trace = inBrowser?.trace;
const traceLines = trace
  ? [
      'One visit with the worker asleep, from Chromium\'s trace (ms after navigationStart):',
      `  content script evaluated at ${trace.contentScript.evaluatedAt.toFixed(1)} (${trace.contentScript.evaluationMs.toFixed(1)} ms); ${trace.contentScript.callbacks} callbacks, ${trace.contentScript.callbackMs.toFixed(1)} ms, the last ending at ${trace.contentScript.lastCallbackEnd.toFixed(1)}`,
      `  DOMContentLoaded at ${trace.domContentLoaded.toFixed(1)}; first paint after the script's last callback at ${trace.firstPaintAfterScript?.toFixed(1) ?? '—'}`,
      `  worker: first event dispatched to it at ${trace.worker.firstEventAt?.toFixed(1) ?? 'never'}; ${trace.worker.apiCalls} extension API calls from it, the last ending at ${trace.worker.lastApiCallEnd?.toFixed(1) ?? '—'}`,
    ]
  : [];
const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
const counts: Record<string, number> = {};
for (const { category } of corpus) counts[category] = (counts[category] ?? 0) + 1;
const corpusText = Object.entries(counts).map(([category, n]) => `${n.toLocaleString('en')} ${category}`).join(', ');

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}; ${urls.length.toLocaleString('en')} URLs (seed ${SEED}: ${corpusText}); medians of ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up; cold starts: medians of ${COLD_RUNS} fresh processes.`);
console.log(`Search: ${search.calls} prefixes of ${search.queries} queries, each call timed, ${search.passes} passes after ${search.warmupPasses} warm-up. ${inBrowser ? `Headless Chromium ${inBrowser.chromium}: ${BROWSER_LOADS} fresh pages for the banner and clicks on the toolbar button for the popup (each followed by one on an empty popup), after ${BROWSER_WARMUPS} warm-up each.` : 'No browser timings.'}\n`);
console.log([line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
if (traceLines.length > 0) console.log(`\n${traceLines.join('\n')}`);

const resultsDir = join(ROOT, 'bench-results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().map((cpu) => cpu.model),
  seed: SEED,
  corpus: counts,
  rounds: ROUNDS,
  matchers: Object.fromEntries(Object.entries(times).map(([name, ms]) => [labels[name as keyof typeof matchers], { urlsPerSecond: perSecond(ms), roundsMs: ms }])),
  ratios: { overhead, speedupRegex, parseOverRegex, speedupStrip, slowdown100x: slowdown },
  scaling: Object.fromEntries(scales.map(({ factor, index }) => [`${factor}x`, { providers: index.dataset.providers.length, hosts: index.hosts.size, urlsPerSecond: perSecond(scaleTimes[`${factor}x`]!), roundsMs: scaleTimes[`${factor}x`] }])),
  coldStart: cold,
  sizes,
  search,
  commandLine: commandLine.timings,
  browser,
  budgets: Object.values(budgets),
};
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
log(`\nwrote ${file}`);

if (typeof sizes === 'string') log(sizes);
if (typeof browser === 'string') log(browser);
const failed = Object.values(budgets).filter((b) => !b.pass);
for (const b of failed) log(`budget failed: ${b.name}: ${b.value === null ? 'not measured' : b.value.toFixed(2)}, budget ${b.budget}`);
process.exitCode = failed.length > 0 ? 1 : 0;
