/**
 * The review log (`data/review/leads.json`): for every lead, the links that encode it or why it
 * was excluded. Published as part of the method, so every link id it names must exist.
 */
import { z } from 'zod';
import type { Problem } from './validate.ts';

export const REVIEW_FILE = 'review/leads.json';

const LeadId = z.string().regex(/^B\d{2}\.\d+$/, 'lead ids look like B01.1');

/** Why a lead became no link, as a code the "About the data" dialog counts in both languages. */
export const EXCLUSION_REASONS = ['not-a-partner', 'no-partner-named', 'page-not-found', 'no-event', 'duplicate'] as const;
export const ReviewEntry = z.union([
  z.strictObject({ links: z.array(z.string().min(1)).min(1, 'list at least one link, or give "excluded"'), note: z.string().trim().min(1).optional() }),
  z.strictObject({
    excluded: z.string().trim().min(1, 'say why the lead was excluded'),
    reason: z.enum(EXCLUSION_REASONS).optional(),
    note: z.string().trim().min(1).optional(),
  }),
]);
export const ReviewLog = z.record(LeadId, ReviewEntry);
export type ReviewLog = z.infer<typeof ReviewLog>;

/** The log, or its schema problems by lead id and field (`file` names it in messages). */
export function parseReviewLog(raw: unknown, file: string = REVIEW_FILE): { log: ReviewLog; problems: [] } | { log: null; problems: Problem[] } {
  const parsed = ReviewLog.safeParse(raw);
  if (parsed.success) return { log: parsed.data, problems: [] };
  return {
    log: null,
    problems: parsed.error.issues.map((i) => ({ file, id: String(i.path[0] ?? '(file)'), field: i.path.slice(1).map(String).join('.'), message: i.message })),
  };
}

export function checkReviewLog(raw: unknown, linkIds: ReadonlySet<string>): Problem[] {
  const parsed = parseReviewLog(raw);
  if (!parsed.log) return parsed.problems;
  const problems: Problem[] = [];
  for (const [lead, entry] of Object.entries(parsed.log)) {
    if ('links' in entry) {
      entry.links.forEach((id, k) => {
        if (!linkIds.has(id)) problems.push({ file: REVIEW_FILE, id: lead, field: `links.${k}`, message: `names link "${id}", which does not exist` });
      });
    }
  }
  return problems;
}

export interface ReviewSummary {
  total: number;
  /** Leads encoded as one or more links. */
  taken: number;
  excluded: number;
  /** Lead ids per exclusion reason, commonest first; `other` for entries without a code. */
  reasons: { reason: (typeof EXCLUSION_REASONS)[number] | 'other'; leads: string[] }[];
}

/** Counts for the method statement: how many leads became links and why the rest did not. */
export function summarizeReviewLog(log: ReviewLog): ReviewSummary {
  const byReason = new Map<ReviewSummary['reasons'][number]['reason'], string[]>();
  let taken = 0;
  for (const [lead, entry] of Object.entries(log)) {
    if ('links' in entry) taken++;
    else {
      const r = entry.reason ?? 'other';
      byReason.set(r, [...(byReason.get(r) ?? []), lead]);
    }
  }
  const reasons = [...byReason].map(([reason, leads]) => ({ reason, leads })).sort((a, b) => b.leads.length - a.leads.length);
  const total = Object.keys(log).length;
  return { total, taken, excluded: total - taken, reasons };
}
