/**
 * The gadget's view: for its saved scope, how many issues are covered and how their tests stand, as a
 * compact chart with every count also in words, and a link to the project page on the same scope. It
 * asks for counts only (detail COUNTS), step by step like the page, and says "so far" until done. It
 * reads well down to the narrowest dashboard column (~300 px): one column of short lines.
 */
import { router } from '@forge/bridge';
import { COVERAGE_VERDICTS, percentOf } from '../../../src/shared/coverage';
import { Button } from '../components/Button';
import { Message } from '../components/Message';
import { Skeleton } from '../components/Spinner';
import { COVERAGE_PAGE_KEY, openSettings, type UiContext } from '../context';
import { pathOfScope } from '../coverage/model';
import { useCoverage } from '../coverage/useCoverage';
import { words } from '../../../src/shared/words/coverage';
import { ConnectionMessage } from '../panel/ConnectionMessage';
import { readGadgetConfig } from './config';

export function GadgetView({ ctx, configuration }: { ctx: UiContext; configuration: unknown }) {
  const config = readGadgetConfig(configuration);
  const load = useCoverage(config?.scope ?? null, { ...(config ? { jiraProjectKey: config.jiraProjectKey } : {}), counts: true });
  const w = words.coverage;
  if (!config) {
    return (
      <div className="gadget-view">
        <Message tone="info">
          <p>{w.gadgetNotConfigured}</p>
        </Message>
      </div>
    );
  }
  if (load.connection && load.connection.kind !== 'READY') {
    return (
      <div className="gadget-view">
        <ConnectionMessage connection={load.connection} canOpenSettings onOpenSettings={() => void openSettings(ctx)} onRetry={load.retry} />
      </div>
    );
  }
  if (load.steps === 0 && load.phase === 'loading') return <Skeleton label={words.common.loading} rows={4} />;

  const { tally } = load;
  const uncovered = tally.verdicts.UNCOVERED;
  const complete = load.phase === 'complete';
  const openPage = () =>
    void router.navigate({ target: 'module', moduleKey: COVERAGE_PAGE_KEY, projectKey: config.jiraProjectKey, path: pathOfScope(config.scope).slice(1) }).catch(() => undefined);
  return (
    <div className="gadget-view">
      <p className="gadget-scope">{w.gadgetScope({ project: config.jiraProjectKey, scope: config.scopeName || pathOfScope(config.scope) })}</p>
      {tally.issues === 0 && complete ? (
        <p className="empty">{w.emptyScope}</p>
      ) : (
        <>
          <p className="gadget-headline">{w.gadgetCovered({ covered: tally.covered, total: tally.issues })}</p>
          <svg className="gadget-coverage-bar" viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="10" role="img" aria-label={w.gadgetChartLabel({ covered: tally.covered, uncovered })}>
            {tally.issues > 0 && <rect className="gadget-covered" x="0" y="0" width={(tally.covered / tally.issues) * 100} height="10" />}
            {tally.issues > 0 && <rect className="gadget-uncovered" x={(tally.covered / tally.issues) * 100} y="0" width={(uncovered / tally.issues) * 100} height="10" />}
          </svg>
          <p className="muted small">{w.gadgetStats({ uncovered, covered: percentOf(tally.covered, tally.issues), passing: percentOf(tally.verdicts.PASSING, tally.issues) })}</p>
          <ul className="gadget-verdicts" aria-label={w.gadgetVerdictsLabel}>
            {COVERAGE_VERDICTS.map((v) => (
              <li key={v} className="gadget-verdict">
                <span>{w.verdict[v]}</span>
                <svg viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="8" aria-hidden="true">
                  {tally.issues > 0 && <rect className={`verdict-fill-${v.toLowerCase()}`} x="0" y="0" width={(tally.verdicts[v] / tally.issues) * 100} height="8" />}
                </svg>
                <span className="count">{tally.verdicts[v].toLocaleString('en-US')}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">{w.openBugsCount({ count: tally.openBugs })}</p>
        </>
      )}
      {load.phase === 'failed' && load.error ? (
        <Message tone="error" actions={<Button onClick={load.retry}>{words.common.tryAgain}</Button>}>
          <p>{load.error.message}</p>
        </Message>
      ) : (
        !complete && (
          <p className="muted small" role="status" aria-live="polite">
            {w.gadgetSoFar({ loaded: tally.issues, about: load.approximateTotal })}
          </p>
        )
      )}
      <Button appearance="link" onClick={openPage}>
        {w.gadgetOpenPage}
      </Button>
    </div>
  );
}
