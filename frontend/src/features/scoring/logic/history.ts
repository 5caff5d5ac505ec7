/**
 * A scorecard's audit events as sentences a person reads: statuses by their names, scores by the
 * criterion's title, "old → new", never raw JSON or field names.
 */
export type Change = Record<string, unknown> | null | undefined;

export interface HistoryWords {
  status: (status: string) => string;
  criterion: (code: string) => string;
  field: (field: string) => string;
  reason: string;
  empty: string;
  number: (value: unknown) => string;
}

const SCORE_FIELDS = new Set(['self_score', 'reviewed_score', 'auto_score']);

function shown(field: string, value: unknown, words: HistoryWords): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (SCORE_FIELDS.has(field)) return words.number(value);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : words.empty;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The lines of one event: a status change, a reason, or each criterion's changed fields. */
export function describeEvent(action: string, before: Change, after: Change, words: HistoryWords): string[] {
  const lines: string[] = [];
  const from = before ?? {};
  const to = after ?? {};
  if (typeof to.status === 'string') {
    const old = typeof from.status === 'string' ? `${words.status(from.status)} → ` : '';
    lines.push(`${words.field('status')}: ${old}${words.status(to.status)}`);
    if (typeof to.reason === 'string') lines.push(`${words.reason}: ${to.reason}`);
    return lines;
  }
  for (const [code, raw] of Object.entries(to)) {
    if (!isRecord(raw)) continue;
    if (action.endsWith('computed')) {
      lines.push(`${words.criterion(code)} — ${words.field('auto_score')}: ${shown('auto_score', raw.before, words)} → ${shown('auto_score', raw.after, words)}`);
      continue;
    }
    const old = isRecord(from[code]) ? from[code] : {};
    const parts = Object.entries(raw).map(([field, value]) => `${words.field(field)}: ${shown(field, old[field], words)} → ${shown(field, value, words)}`);
    if (parts.length > 0) lines.push(`${words.criterion(code)} — ${parts.join('; ')}`);
  }
  return lines;
}
