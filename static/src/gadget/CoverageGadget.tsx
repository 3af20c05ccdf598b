/**
 * The dashboard gadget "Test coverage" (jira:dashboardGadget): one resource for its view and its edit
 * mode, told apart by the context's entryPoint, as Atlassian's docs show.
 */
import type { UiContext } from '../context';
import { coverageContext } from '../coverage/context';
import { GadgetEdit } from './GadgetEdit';
import { GadgetView } from './GadgetView';
import '../coverage/coverage.css';

export default function CoverageGadget({ ctx }: { ctx: UiContext }) {
  const gadget = coverageContext(ctx).gadget;
  return gadget?.editing ? <GadgetEdit ctx={ctx} configuration={gadget.configuration} /> : <GadgetView ctx={ctx} configuration={gadget?.configuration} />;
}
