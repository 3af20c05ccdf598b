/**
 * The entry (index.html): the bridge, the first `getState` and the stylesheet, and nothing of React.
 * Both modules that open on the panel's code open with getState, and the backend knows which module
 * asks, so it starts here, as soon as the bridge is up — as early as in a bridge-only frame — and
 * React, react-dom and the app (main.tsx) download, compile and run while it is in flight instead of
 * before it.
 */
import { prefetchInitialState } from './api';
import './styles.css';

prefetchInitialState();
void import('./main');
