/**
 * Component tests wait for lazy-loaded chunks and async state; on a busy 2-core CI machine the first
 * import of a chunk can take over testing-library's default 1 s, so give every findBy/waitFor 5 s.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 5_000 });
