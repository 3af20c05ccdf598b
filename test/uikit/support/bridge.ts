/** Installed before each test file loads (vitest setupFiles): @forge/bridge captures `__bridge` when it loads. */
import { installFakeBridge } from './fake-bridge';

export const bridge = installFakeBridge();
