import { z } from 'zod';
import { pageKindSchema } from './dataset-schema';
import { levels } from './levels';
import { MAX_PROCEED_REASON, STOP_LOG_LIMIT, stopEvents } from './stop-log';

/** One stop, or one "Continue anyway" with the reason typed; kept in this browser only. */
export const stopLogEntrySchema = z.strictObject({
  /** ISO 8601, UTC. */
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
  event: z.enum(stopEvents),
  providerId: z.string().min(1).max(100),
  provider: z.string().min(1).max(200),
  pageKind: pageKindSchema,
  level: z.enum(levels),
  reason: z.string().min(1).max(MAX_PROCEED_REASON).optional(),
});
export type StopLogEntry = z.infer<typeof stopLogEntrySchema>;

/** The reason a person gives for "Continue anyway": trimmed, not empty, at most 500 characters. */
export const proceedReasonSchema = z.string().trim().min(1).max(MAX_PROCEED_REASON);

/** Reads a stored log entry by entry: a damaged entry is dropped, not the log; never throws. */
export function sanitiseStopLog(stored: unknown): StopLogEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .flatMap((entry) => {
      const parsed = stopLogEntrySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    })
    .slice(-STOP_LOG_LIMIT);
}
