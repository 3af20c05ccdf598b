/** Forge frontend contexts as Jira provides them (without accountId: that comes from the principal). */
export type Where = { issue: string; module?: 'issueContext' } | { projectPage: string } | { gadget: string } | 'global' | 'admin' | 'none';

export function contextFor(where: Where): Record<string, unknown> {
  if (where === 'none') return {};
  const base = { cloudId: 'local-cloud', localId: 'local', environmentType: 'DEVELOPMENT', locale: 'en-US', timezone: 'UTC' };
  if (where === 'global') return { ...base, moduleKey: 'testkase-global-page', extension: { type: 'jira:globalPage' } };
  if (where === 'admin') return { ...base, moduleKey: 'testkase-admin-page', extension: { type: 'jira:adminPage', location: 'http://jira.test/jira/settings/apps/app/env' } };
  // Test coverage: the project page in a project, a dashboard gadget (its configuration is its own).
  if ('projectPage' in where) return { ...base, moduleKey: 'testkase-coverage-page', extension: { type: 'jira:projectPage', project: { id: '10000', key: where.projectPage, type: 'software' }, location: 'http://jira.test/jira/software/projects' } };
  if ('gadget' in where) return { ...base, moduleKey: 'testkase-coverage-gadget', extension: { type: 'jira:dashboardGadget', gadget: { id: where.gadget }, dashboard: { id: '10000' }, gadgetConfiguration: {} } };
  const projectKey = where.issue.split('-')[0]!;
  const context = where.module === 'issueContext';
  return {
    ...base,
    moduleKey: context ? 'testkase-issue-context' : 'testkase-issue-panel',
    extension: {
      type: context ? 'jira:issueContext' : 'jira:issuePanel',
      issue: { id: '10001', key: where.issue, type: 'Story', typeId: '10002' },
      project: { id: '10000', key: projectKey, type: 'software' },
    },
  };
}
