// The log of stops and proceeds without zod, so the stop and options pages stay light; the schema is in stop-log-schema.ts.
import type { StopLogEntry } from './stop-log-schema';

export type { StopLogEntry } from './stop-log-schema';

/** How many stops and proceeds the browser keeps: the newest, for the person to hand over (issue 14). */
export const STOP_LOG_LIMIT = 200;
/** The longest reason a person may type for "Continue anyway". */
export const MAX_PROCEED_REASON = 500;

export const stopEvents = ['stopped', 'proceeded'] as const;

/** The log with one more entry, oldest first, trimmed to the newest 200. */
export function appendStopLog(log: readonly StopLogEntry[], entry: StopLogEntry): StopLogEntry[] {
  return [...log, entry].slice(-STOP_LOG_LIMIT);
}

export const STOP_LOG_COLUMNS = ['time', 'event', 'provider_id', 'provider', 'page_kind', 'level', 'reason'] as const;

/** An RFC 4180 field, always quoted; a leading =, +, -, @, tab or CR gets a ' so a spreadsheet shows it as text, never runs it. */
export function quotedCsvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The log as a CSV file a spreadsheet opens as is: UTF-8 with a byte-order mark, one header row, every field quoted,
 * CRLF line ends (RFC 4180), oldest entry first.
 */
export function stopLogCsv(log: readonly StopLogEntry[]): string {
  const rows = [
    [...STOP_LOG_COLUMNS],
    ...log.map((entry) => [entry.at, entry.event, entry.providerId, entry.provider, entry.pageKind, entry.level, entry.reason ?? '']),
  ];
  return `\uFEFF${rows.map((row) => row.map(quotedCsvField).join(',')).join('\r\n')}\r\n`;
}
