// The control app's function: exported as `handler`, while the manifest names `handlr` (planted).
import { issueSummary } from './jira-probe';

export const handler = (event) => issueSummary(event.key);
