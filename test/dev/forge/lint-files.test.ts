/**
 * `npm run lint:forge` lints the files the Forge CLI lints (its LintService, @forge/cli 13.3.0
 * out/service/lint-service.js): ./src plus the folder of every UI Kit resource the manifest names.
 * A small app with a UI Kit resource in ui/src and a problem planted there: the lint reads that folder
 * and finds it; a folder the manifest does not name is not read.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintApp } from '../../../dev/forge/lint';

const REPO = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'tk-lint-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('the Forge lint’s file set', () => {
  it('is ./src and the folder of every UI Kit resource, as the Forge CLI lints', async () => {
    write(
      'manifest.yml',
      [
        'modules:',
        '  jira:issueContext:',
        '    - key: probe-context',
        '      resource: probe-ui',
        '      render: native',
        '      resolver:',
        '        function: resolver',
        '      title: Probe',
        '      label: Probe',
        '  function:',
        '    - key: resolver',
        '      handler: index.handler',
        'resources:',
        '  - key: probe-ui',
        '    path: ui/src/index.tsx',
        'app:',
        '  runtime:',
        '    name: nodejs22.x',
        '  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000',
        '',
      ].join('\n'),
    );
    write('tsconfig.json', JSON.stringify({ compilerOptions: { jsx: 'react-jsx', strict: true }, include: ['src/**/*', 'ui/src/**/*', 'elsewhere/**/*'] }));
    write('package.json', JSON.stringify({ name: 'probe', version: '0.0.0', private: true }));
    write('src/index.ts', 'export const handler = async () => ({ ok: true });\n');
    // A UI Kit Frame naming a resource the manifest does not have: an error of @forge/lint's FrameComponentLinter.
    write('ui/src/index.tsx', "import { Frame } from '@forge/react';\n\nexport const App = () => <Frame resource=\"no-such-resource\" />;\n");
    write('elsewhere/stray.tsx', "import { Frame } from '@forge/react';\n\nexport const Stray = () => <Frame resource=\"not-linted\" />;\n");
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));

    const report = await lintApp(dir);
    expect(report.files).toBe(2);
    expect(report.problems.map((p) => `${p.file}: ${p.level}`)).toEqual(['ui/src/index.tsx: error']);
    expect(report.problems[0]?.message).toMatch(/no-such-resource/);
  }, 180_000);
});
