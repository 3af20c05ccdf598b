/**
 * An issue as the coverage page reads it from Jira (search and bulk fetch answer the same IssueBean):
 * key, summary, type and status with its category, parsed with zod and bounded.
 */
import { z } from 'zod';
import { JiraIssueKey } from '../testkase/contract';
import type { StatusCategory } from '../shared/coverage';

/** The fields asked for: nothing more is read, so nothing more is sent. */
export const ISSUE_FIELDS = ['summary', 'issuetype', 'status'] as const;

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

export const IssueBean = z.object({
  key: JiraIssueKey,
  fields: z.object({
    summary: z.string().max(1000).optional(),
    issuetype: z.object({ name: z.string().max(255) }).optional(),
    status: z.object({ name: z.string().max(255), statusCategory: z.object({ key: z.string().max(50) }).optional() }).optional(),
  }),
});

export interface IssueSummary {
  key: string;
  summary: string;
  type: string;
  status: { name: string; category: StatusCategory | null };
}

export function summaryOfIssue(bean: z.infer<typeof IssueBean>): IssueSummary {
  const category = bean.fields.status?.statusCategory?.key;
  return {
    key: bean.key,
    summary: bean.fields.summary ?? '',
    type: bean.fields.issuetype?.name ?? '',
    status: { name: bean.fields.status?.name ?? '', category: CATEGORIES.find((c) => c === category) ?? null },
  };
}
