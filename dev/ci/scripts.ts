/** package.json's scripts: the pipeline runs its steps through them, so they stay the one definition. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readScripts(root: string): Record<string, string> {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}
