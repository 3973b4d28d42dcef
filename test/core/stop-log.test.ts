import { describe, expect, it } from 'vitest';
import { appendStopLog, quotedCsvField, STOP_LOG_COLUMNS, STOP_LOG_LIMIT, stopLogCsv, type StopLogEntry } from '../../src/core/stop-log';
import { proceedReasonSchema, sanitiseStopLog } from '../../src/core/stop-log-schema';
import { readCsv } from '../csv';

const entry = (i: number, overrides: Partial<StopLogEntry> = {}): StopLogEntry => ({
  at: `2026-12-01T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
  event: 'stopped',
  providerId: 'huawei-cloud',
  provider: 'Huawei Cloud',
  pageKind: 'signup',
  level: 'prohibited',
  ...overrides,
});


describe('the log of stops and proceeds', () => {
  it('keeps the newest 200, oldest first', () => {
    let log: StopLogEntry[] = [];
    for (let i = 0; i < STOP_LOG_LIMIT + 5; i++) log = appendStopLog(log, entry(i, { provider: `P${i}` }));
    expect(log).toHaveLength(200);
    expect(log[0]!.provider).toBe('P5');
    expect(log.at(-1)!.provider).toBe('P204');
  });

  it('reads stored entries one by one, dropping the damaged ones and never throwing', () => {
    const good = entry(1, { event: 'proceeded', reason: 'Pilot approved by the CISO' });
    expect(sanitiseStopLog([good, { ...good, level: 'catastrophic' }, 'junk', null, { ...good, extra: 1 }, entry(2)])).toEqual([good, entry(2)]);
    for (const junk of [undefined, null, 'x', 42, {}]) expect(sanitiseStopLog(junk)).toEqual([]);
    expect(sanitiseStopLog(Array.from({ length: 250 }, (_, i) => entry(i)))).toHaveLength(200);
  });

  it('wants a reason for "Continue anyway": not blank, at most 500 characters', () => {
    expect(proceedReasonSchema.safeParse('  Testing the sign-up flow for a customer  ').data).toBe('Testing the sign-up flow for a customer');
    expect(proceedReasonSchema.safeParse('   ').success).toBe(false);
    expect(proceedReasonSchema.safeParse('x'.repeat(500)).success).toBe(true);
    expect(proceedReasonSchema.safeParse('x'.repeat(501)).success).toBe(false);
  });
});

describe('the CSV export', () => {
  const log = [
    entry(1),
    entry(2, { event: 'proceeded', reason: 'Customer asked, "urgent";\r\nsee ticket 42, page 2' }),
    entry(3, { event: 'proceeded', provider: '阿里云 Aliyun', providerId: 'aliyun', level: 'restricted', pageKind: 'console', reason: '=HYPERLINK("https://evil.example")' }),
  ];
  const csv = stopLogCsv(log);

  it('starts with a UTF-8 byte-order mark and one header row, and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF"time","event","provider_id","provider","page_kind","level","reason"\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes every field and reads back to exactly the log (RFC 4180)', () => {
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...STOP_LOG_COLUMNS]);
    expect(rows.slice(1)).toEqual(log.map((e) => [e.at, e.event, e.providerId, e.provider, e.pageKind, e.level, e.reason?.startsWith('=') ? `'${e.reason}` : (e.reason ?? '')]));
    // Every field of every record is quoted: outside quotes there are only separators.
    for (const line of csv.slice(1).split('\r\n').slice(0, 2)) expect(line).toMatch(/^"[^"]*"(,"[^"]*")*$/);
  });

  it('never lets a spreadsheet run what someone typed: a leading =, +, -, @ becomes text', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1'].map(quotedCsvField)).toEqual(['"\'=1+1"', '"\'+1"', '"\'-1"', '"\'@SUM(A1)"', '"\'\t=1"']);
    expect(quotedCsvField('plain, "quoted"')).toBe('"plain, ""quoted"""');
  });

  it('is a header row alone for an empty log', () => {
    expect(stopLogCsv([])).toBe('\uFEFF"time","event","provider_id","provider","page_kind","level","reason"\r\n');
  });
});
