/**
 * The Content-Security-Policy Forge applies to a Custom UI resource, computed with Atlassian's own
 * `@forge/csp`: `CSPProcessingService` reads the manifest's `permissions.content` / `external` and
 * the resource's index.html (hashes of inline scripts, deprecated <meta> CSP), and
 * `CSPInjectionService` adds Forge's platform directives for the production environment with the
 * local host as the Jira site. Only `report-uri` is swapped for the local host's report endpoint.
 */
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import type { Permissions } from '@forge/manifest';
import { load } from 'cheerio/slim';

export interface ResourceCsp {
  /** The header value. */
  header: string;
  /** Directives as @forge/csp returned them, report-uri replaced. */
  directives: string[];
}

export function computeResourceCsp(options: {
  indexHtml: string;
  permissions: Record<string, unknown>;
  /** The Jira site origin (the local host), e.g. http://127.0.0.1:4000. */
  hostname: string;
  /** Where the browser should POST violation reports. */
  reportUri: string;
  /** Served from a dev server through the tunnel (`npm run dev`): Forge's tunnel policy, as `forge tunnel` applies it. */
  tunnel?: boolean;
  log?: (line: string) => void;
}): ResourceCsp {
  const processing = new CSPProcessingService({ info: (m: string) => options.log?.(`@forge/csp: ${m}`) }, load);
  const permissions = options.permissions as Permissions;
  const invalid = processing.getInvalidCspPermissions(permissions.content ?? {});
  if (invalid.length > 0) options.log?.(`manifest permissions.content entries Forge discards: ${invalid.join(', ')}`);
  const existingCSPDetails = processing.getCspDetails(options.indexHtml, permissions);
  const injected = new CSPInjectionService().getInjectableCSP({
    existingCSPDetails,
    microsEnv: 'prod',
    hostname: options.hostname,
    ...(options.tunnel ? { tunnelCSPReporterUri: options.reportUri } : {}),
  });
  const directives = injected.map((d) => (d.startsWith('report-uri ') ? `report-uri ${options.reportUri}` : d));
  return { header: directives.join('; '), directives };
}
