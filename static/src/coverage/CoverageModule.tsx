/**
 * The coverage chunk's entry: the project page or the dashboard gadget, by module. It reads the rest of
 * the Forge context it needs itself (view.getContext answers from the host, no invoke), so the shared
 * UiContext stays the panel's.
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { words } from '../../../src/shared/words/coverage';
import { Skeleton } from '../components/Spinner';
import { COVERAGE_GADGET_KEY, type UiContext } from '../context';
import { GadgetEdit } from '../gadget/GadgetEdit';
import { GadgetView } from '../gadget/GadgetView';
import { coverageContext, type CoverageContext } from './context';
import CoveragePage from './CoveragePage';
import './coverage.css';

export default function CoverageModule({ ctx }: { ctx: UiContext }) {
  const [more, setMore] = useState<CoverageContext | null>(null);
  useEffect(() => {
    view.getContext().then(
      (raw) => setMore(coverageContext(raw)),
      () => setMore(coverageContext(null)),
    );
  }, []);
  if (!more) return <Skeleton label={words.common.loading} />;
  if (ctx.moduleKey !== COVERAGE_GADGET_KEY) return <CoveragePage ctx={ctx} projectKey={more.projectKey} siteUrl={more.siteUrl} />;
  return more.gadget?.editing ? <GadgetEdit ctx={ctx} configuration={more.gadget.configuration} /> : <GadgetView ctx={ctx} configuration={more.gadget?.configuration} />;
}
