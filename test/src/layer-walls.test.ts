/**
 * The layer walls are ESLint rules (eslint.config.js): a UI (static/, uikit/) imports only src/shared/
 * of the backend, no zod, and the function table type-only; the UI Kit module never imports the Custom
 * UI; src/ never imports the local runtime (dev/); src/shared/ never runs backend code. Each wall is
 * read from the repository's own config for a file at that place (ESLint's calculateConfigForFile), then
 * run on a few lines as that file: a removed or loosened wall fails here. Only the wall rule runs, so
 * no type information (and no TypeScript program) is needed.
 */
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: ROOT });
const linter = new Linter({ cwd: ROOT });

/** The wall messages ESLint reports for `code` as if it were the file at `path` (relative to the repository). */
async function walls(path: string, code: string): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(path)) as { rules?: Record<string, unknown> } | undefined;
  const rule = config?.rules?.[RULE];
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin }, rules: rule ? { [RULE]: rule as Linter.RuleEntry } : {} }],
    { filename: `${ROOT}${path}` },
  );
  const other = messages.filter((m) => m.ruleId !== RULE);
  if (other.length > 0) throw new Error(`not a wall: ${other.map((m) => m.message).join('; ')}`);
  return messages.map((m) => m.message);
}

/** `code` as the file at `path` hits a wall whose message matches `why`. */
const refused = async (path: string, code: string, why: RegExp) => {
  const found = await walls(path, code);
  expect(found, `${path}: ${code}`).toHaveLength(1);
  expect(found[0], `${path}: ${code}`).toMatch(why);
};
const allowed = async (path: string, code: string) => expect(await walls(path, code), `${path}: ${code}`).toEqual([]);

const BACKEND = /only src\/shared\//;
const ZOD = /No zod/;
const TABLE = /type-only/;

describe('the layer walls', () => {
  it('keep the Custom UI to src/shared/, without zod, and the function table type-only', async () => {
    const at = 'static/src/panel/Wall.tsx';
    // What the bundle once did: the backend's limits and the admin page's expiry period.
    await refused(at, "export { LIMITS } from '../../../src/testkase/limits';", BACKEND);
    await refused(at, "import { EXPIRY_WARNING_DAYS } from '../../../src/admin/connection-health';", BACKEND);
    // A type of a backend internal is still a reach across the wall.
    await refused(at, "import type { TestKaseClient } from '../../../src/testkase/client';", BACKEND);
    await refused(at, "import { z } from 'zod';", ZOD);
    await refused(at, "import { FUNCTIONS } from '../../../src/shared/functions';", TABLE);
    await allowed(at, "import type { z } from 'zod';\nimport type { AnswerOf } from '../../../src/shared/functions';");
    await allowed(at, "import { words } from '../../../src/shared/words/panel';\nimport { CALLS } from '../../../src/shared/calls';\nimport { Button } from '../components/Button';");
  });

  it('keep the UI Kit module out of the Custom UI and the backend', async () => {
    const at = 'uikit/src/Wall.tsx';
    await refused(at, "import { formatDateTime } from '../../static/src/format';", /does not import the Custom UI/);
    await refused(at, "import { toAppError } from '../../src/resolvers/errors';", BACKEND);
    await refused(at, "import { FUNCTIONS } from '../../src/shared/functions';", TABLE);
    await allowed(at, "import { formatDateTime } from '../../src/shared/format';\nimport { StatusBar } from './StatusBar';");
  });

  it('keep what ships out of the local runtime', async () => {
    await refused('src/resolvers/wall.ts', "import { KvsEmulator } from '../../dev/kvs';", /never imports the local runtime/);
    await refused('src/index-wall.ts', "export * from '../dev/testkase-sim';", /never imports the local runtime/);
    await allowed('src/resolvers/wall.ts', "import { words } from '../shared/words/backend';\nimport { log } from '../log';");
  });

  it('keep src/shared/ free of backend code and zod (the function table aside)', async () => {
    await refused('src/shared/wall.ts', "import { LIMITS } from '../testkase/contract';", /never backend code/);
    await refused('src/shared/wall.ts', "import { z } from 'zod';", ZOD);
    await refused('src/shared/words/wall.ts', "import { fail } from '../../resolvers/errors';", /never backend code/);
    await allowed('src/shared/wall.ts', "import type { User } from '../testkase/contract';\nimport { words } from './words/base';");
    await allowed('src/shared/words/wall.ts', "import type { ModuleKind } from '../definitions';\nimport { base } from './base';");
    // The table itself parses payloads: it is the one shared module that holds zod.
    await allowed('src/shared/payloads.ts', "import { z } from 'zod';\nimport { LIMITS } from '../testkase/contract';");
  });

  it('leave tests, the benchmark and the local runtime free to import anything', async () => {
    for (const at of ['test/static/wall.test.ts', 'bench/wall.ts', 'dev/runtime/wall.ts']) {
      await allowed(at, "import { LIMITS } from '../../src/testkase/contract';\nimport { KvsEmulator } from '../../dev/kvs';\nimport { z } from 'zod';");
    }
  });
});
