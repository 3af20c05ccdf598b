/** The coverage chunk's entry: the project page or the dashboard gadget, by module. */
import { COVERAGE_GADGET_KEY, type UiContext } from '../context';
import CoverageGadget from '../gadget/CoverageGadget';
import CoveragePage from './CoveragePage';

export default function CoverageModule({ ctx }: { ctx: UiContext }) {
  return ctx.moduleKey === COVERAGE_GADGET_KEY ? <CoverageGadget ctx={ctx} /> : <CoveragePage ctx={ctx} />;
}
