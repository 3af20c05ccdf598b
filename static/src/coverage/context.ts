/**
 * What the coverage page and the gadget read of the Forge context, in their own chunk (the issue panel's
 * code does not carry it): the project page's project, the site for issue links, and a gadget's saved
 * configuration and whether it opened for editing (`extension.entryPoint === 'edit'`).
 */
export interface CoverageContext {
  projectKey: string | null;
  siteUrl: string;
  gadget: { configuration: unknown; editing: boolean } | null;
}

export function coverageContext(raw: unknown): CoverageContext {
  const r = (raw ?? {}) as { siteUrl?: unknown; extension?: { type?: unknown; project?: { key?: unknown }; gadgetConfiguration?: unknown; entryPoint?: unknown } };
  const extension = r.extension ?? {};
  return {
    projectKey: typeof extension.project?.key === 'string' && extension.project.key ? extension.project.key : null,
    siteUrl: typeof r.siteUrl === 'string' && /^https?:\/\//.test(r.siteUrl) ? r.siteUrl.replace(/\/+$/, '') : '',
    gadget: extension.type === 'jira:dashboardGadget' ? { configuration: extension.gadgetConfiguration ?? {}, editing: extension.entryPoint === 'edit' } : null,
  };
}
