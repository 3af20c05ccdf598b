/**
 * Module hooks for record-reads.mjs: Node's ES module loader reads files past the `fs` module, so
 * each module it loads from the repository is appended here, with the SHA-256 of the source the
 * loader got (or `-` when the loader hands the read to CommonJS, which goes through `fs` and is
 * recorded there); a module from node_modules as `<folder of that node_modules>\tinstall`. Runs on
 * the loader's own thread.
 */
/* global Buffer */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let file = '';
let root = '';

export function initialize(data) {
  file = data.file;
  root = data.root;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (file && url.startsWith('file:')) {
    const path = fileURLToPath(url);
    const nm = path.indexOf('/node_modules/');
    if (path.startsWith(root) && nm >= 0) {
      appendFileSync(file, `${path.slice(0, nm)}\tinstall\n`);
    } else if (path.startsWith(root)) {
      const source = result.source;
      const hash = source === undefined || source === null ? '-' : createHash('sha256').update(typeof source === 'string' ? Buffer.from(source, 'utf8') : Buffer.from(source)).digest('hex');
      appendFileSync(file, `${path}\t${hash}\n`);
    }
  }
  return result;
}
