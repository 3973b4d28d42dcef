import type { DatasetIndex } from './dataset-index';
import type { Level, Verdict } from './verdict';

const levelWord: Record<Level, string> = {
  prohibited: 'Prohibited',
  restricted: 'Restricted',
  'under-review': 'Under review',
  notice: 'Notice',
};

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A dataset date in English as precise as the source: "8 June 2026", "June 2026", "2026". */
export function englishDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const monthName = months[Number(month) - 1]!;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The one plain English sentence that says why a verdict has its level, naming the measure and its date; null without a level. */
export function reasonSentence(verdict: Verdict, index: DatasetIndex): string | null {
  const { level, reason } = verdict;
  if (!level || !reason) return null;
  const name = (id: string) => index.jurisdictions.get(id)?.name ?? id;
  switch (reason.kind) {
    case 'action': {
      const { action, authority, owner } = reason;
      const by = authority?.shortName ?? authority?.name ?? action.authority;
      const unconfirmed = verdict.actions.find((a) => a.action === action)?.evidence === 'unconfirmed' ? 'press reports, not confirmed by the authority: ' : '';
      const through = owner ? `its owner ${owner.name} is blocked: ` : '';
      return `${levelWord[level]}: ${through}${unconfirmed}${action.title} (${by}, ${englishDate(action.date)}).`;
    }
    case 'concern':
      return `${levelWord[level]}: controlled from ${name(verdict.controlledFrom)}, which ${name(reason.designatedBy)} designates as a concern (${reason.designation.name}).`;
    case 'data-access-laws':
      return `${levelWord[level]}: controlled from ${name(reason.jurisdiction)}, whose laws give the state access to data held by companies there; ${name(verdict.home)} has not found its data protection adequate.`;
  }
}
