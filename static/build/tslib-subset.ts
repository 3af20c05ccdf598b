/**
 * The tslib helpers that the Forge packages in the UI bundle call from their CommonJS output
 * (@forge/bridge, @forge/jira-bridge and what they import: `__exportStar`, `__importStar`,
 * `__importDefault`), aliased for `tslib` in static/vite.config.ts. Why: CommonJS interop keeps every
 * export of a required module, so the whole of tslib (11 KB, 4 KB gzip) was part of the issue panel's
 * first download for three small functions. These are tslib 2.x's own definitions (0BSD), typed.
 * test/static/tslib-subset.test.ts fails when a package in the bundle calls a helper not listed here.
 */
type Module = Record<string, unknown> & { __esModule?: boolean };

export function __createBinding(o: Module, m: Module, k: string, k2: string = k): void {
  let desc = Object.getOwnPropertyDescriptor(m, k);
  if (!desc || ('get' in desc ? !m.__esModule : desc.writable || desc.configurable)) {
    desc = { enumerable: true, get: () => m[k] };
  }
  Object.defineProperty(o, k2, desc);
}

export function __exportStar(m: Module, o: Module): void {
  for (const p in m) if (p !== 'default' && !Object.prototype.hasOwnProperty.call(o, p)) __createBinding(o, m, p);
}

export function __importStar(mod: Module | null | undefined): Module {
  if (mod && mod.__esModule) return mod;
  const result: Module = {};
  if (mod != null) for (const k of Object.getOwnPropertyNames(mod)) if (k !== 'default') __createBinding(result, mod, k);
  Object.defineProperty(result, 'default', { enumerable: true, value: mod });
  return result;
}

export function __importDefault(mod: Module | null | undefined): Module {
  return mod && mod.__esModule ? mod : { default: mod };
}
