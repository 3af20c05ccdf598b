/**
 * Preloaded into every Node process of a pipeline step (NODE_OPTIONS=--import=<this file>, set by
 * dev/ci/steps.ts): records what the process read of the repository, as it read it, so the step can
 * be skipped next time exactly when none of it changed.
 *
 * - file contents: every read through `fs` (readFile*, read streams, opened files) and every ES module
 *   loaded (read-hooks.mjs), with the SHA-256 of the bytes the process saw;
 * - folder listings: every readdir/opendir, with the names seen (a new file in a listed folder
 *   changes them: this is how tsc's `include`, ESLint's and knip's globs see new files);
 * - probes: every stat/exists/access/realpath, with what was there (file, folder or nothing), so a
 *   file created where a module resolver looked before also counts.
 *
 * Only paths under TESTKASE_READS_ROOT are kept, and of node_modules only which install was read
 * (its lockfile stands for it). At exit each process (and each worker thread) writes its record to
 * TESTKASE_READS_DIR/<pid>-<thread>.json. Plain JavaScript: it runs before any TypeScript loader.
 * Natively compiled bundlers (Vite's Rolldown) read past `fs`: their steps report their module graph
 * themselves (dev/ci/vite-build.ts).
 */
/* global process, Buffer, URL */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const DIR = process.env.TESTKASE_READS_DIR;
const ROOT = process.env.TESTKASE_READS_ROOT;

if (DIR && ROOT) install(DIR, ROOT);

function install(dir, root) {
  fs.mkdirSync(dir, { recursive: true });
  const prefix = root.endsWith(sep) ? root : root + sep;
  /** path → sha256 (content seen), or null: hash at exit (streams, file descriptors). */
  const files = new Map();
  /** path → names seen, or null: list at exit (opendir). */
  const lists = new Map();
  /** path → 'file' | 'dir' | 'other' | 'absent'. */
  const probes = new Map();
  /** Folders listed recursively (readdir's `recursive`): listed again, whole, at exit. */
  const trees = new Set();
  /** Folders holding a node_modules that was read from. */
  const installs = new Set();

  const sha = (data) => createHash('sha256').update(data).digest('hex');

  /** The repository path the argument names, or null (outside, a descriptor, node_modules). */
  function inRepo(p, read = false) {
    let path;
    if (typeof p === 'string') path = p;
    else if (p instanceof URL) path = p.protocol === 'file:' ? fileURLToPath(p) : null;
    else if (Buffer.isBuffer(p)) path = p.toString();
    else return null;
    if (path === null) return null;
    if (path.startsWith('file:')) path = fileURLToPath(path);
    const abs = resolve(path);
    if (abs !== root && !abs.startsWith(prefix)) return null;
    const nm = abs.indexOf(`${sep}node_modules${sep}`);
    if (nm >= 0 || abs.endsWith(`${sep}node_modules`)) {
      // What was read from an install (not what was only looked for): its lockfile stands for it.
      if (read) installs.add(nm >= 0 ? abs.slice(0, nm) : abs.slice(0, -`${sep}node_modules`.length));
      return null;
    }
    return abs;
  }

  function sawContent(p, data) {
    const abs = inRepo(p, true);
    if (abs === null || data === undefined || data === null) return;
    const hash = sha(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const before = files.get(abs);
    // Two different contents in one run: the file changed while the step ran; never trust this record.
    files.set(abs, before === undefined || before === null || before === hash ? hash : 'changed-during-the-step');
  }
  function sawLater(p) {
    const abs = inRepo(p, true);
    if (abs !== null && !files.has(abs)) files.set(abs, null);
  }
  function sawList(p, names) {
    const abs = inRepo(p, true);
    if (abs === null) return;
    lists.set(abs, names === null ? null : names.map((n) => (typeof n === 'string' ? n : Buffer.isBuffer(n) ? n.toString() : n.name)).sort());
  }
  function sawTree(p) {
    const abs = inRepo(p);
    if (abs !== null) trees.add(abs);
  }
  function sawProbe(p, what) {
    const abs = inRepo(p);
    if (abs !== null && !probes.has(abs)) probes.set(abs, what);
  }
  const kindOf = (stat) => (stat === undefined ? 'absent' : stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other');
  const probeNow = (p) => {
    try {
      return kindOf(fs.statSync(p));
    } catch {
      return 'absent';
    }
  };
  const isReadFlag = (flags) => flags === undefined || flags === 'r' || flags === 'rs' || flags === fs.constants.O_RDONLY;

  const wrap = (object, name, make) => {
    const original = object[name];
    if (typeof original !== 'function') return;
    const wrapped = make(original);
    Object.defineProperties(wrapped, Object.getOwnPropertyDescriptors(original)); // realpathSync.native, promisify.custom…
    object[name] = wrapped;
  };

  // Contents.
  wrap(fs, 'readFileSync', (f) => function (p, ...rest) {
    const data = f.call(this, p, ...rest);
    sawContent(p, data);
    return data;
  });
  wrap(fs, 'readFile', (f) => function (p, ...rest) {
    const cb = rest.pop();
    if (typeof cb !== 'function') return f.call(this, p, ...rest, cb);
    return f.call(this, p, ...rest, (err, data) => {
      if (!err) sawContent(p, data);
      cb(err, data);
    });
  });
  wrap(fs.promises, 'readFile', (f) => async function (p, ...rest) {
    const data = await f.call(this, p, ...rest);
    sawContent(p, data);
    return data;
  });
  wrap(fs, 'createReadStream', (f) => function (p, ...rest) {
    sawLater(p);
    return f.call(this, p, ...rest);
  });
  wrap(fs, 'openSync', (f) => function (p, flags, ...rest) {
    if (isReadFlag(flags)) sawLater(p);
    return f.call(this, p, flags, ...rest);
  });
  wrap(fs, 'open', (f) => function (p, flags, ...rest) {
    if (typeof flags === 'function' || isReadFlag(flags)) sawLater(p);
    return f.call(this, p, flags, ...rest);
  });
  wrap(fs.promises, 'open', (f) => async function (p, flags, ...rest) {
    if (isReadFlag(flags)) sawLater(p);
    return f.call(this, p, flags, ...rest);
  });

  // Listings.
  wrap(fs, 'readdirSync', (f) => function (p, ...rest) {
    const names = f.call(this, p, ...rest);
    if (!rest[0]?.recursive) sawList(p, names);
    else sawTree(p);
    return names;
  });
  wrap(fs, 'readdir', (f) => function (p, ...rest) {
    const cb = rest.pop();
    if (typeof cb !== 'function') return f.call(this, p, ...rest, cb);
    return f.call(this, p, ...rest, (err, names) => {
      if (!err) rest[0]?.recursive ? sawTree(p) : sawList(p, names);
      cb(err, names);
    });
  });
  wrap(fs.promises, 'readdir', (f) => async function (p, ...rest) {
    const names = await f.call(this, p, ...rest);
    if (rest[0]?.recursive) sawTree(p);
    else sawList(p, names);
    return names;
  });
  for (const name of ['opendirSync', 'opendir']) wrap(fs, name, (f) => function (p, ...rest) {
    sawList(p, null);
    return f.call(this, p, ...rest);
  });
  wrap(fs.promises, 'opendir', (f) => async function (p, ...rest) {
    sawList(p, null);
    return f.call(this, p, ...rest);
  });

  // Probes: what the process learnt is whether something was there, and what.
  for (const name of ['statSync', 'lstatSync']) wrap(fs, name, (f) => function (p, ...rest) {
    let stat;
    try {
      stat = f.call(this, p, ...rest);
    } catch (e) {
      sawProbe(p, 'absent');
      throw e;
    }
    sawProbe(p, kindOf(stat));
    return stat;
  });
  for (const name of ['stat', 'lstat']) wrap(fs, name, (f) => function (p, ...rest) {
    const cb = rest.pop();
    if (typeof cb !== 'function') return f.call(this, p, ...rest, cb);
    return f.call(this, p, ...rest, (err, stat) => {
      sawProbe(p, err ? 'absent' : kindOf(stat));
      cb(err, stat);
    });
  });
  for (const name of ['stat', 'lstat']) wrap(fs.promises, name, (f) => async function (p, ...rest) {
    try {
      const stat = await f.call(this, p, ...rest);
      sawProbe(p, kindOf(stat));
      return stat;
    } catch (e) {
      sawProbe(p, 'absent');
      throw e;
    }
  });
  wrap(fs, 'existsSync', (f) => function (p) {
    const there = f.call(this, p);
    if (!there) sawProbe(p, 'absent');
    else if (inRepo(p) !== null) sawProbe(p, probeNow(p));
    return there;
  });
  for (const name of ['accessSync', 'realpathSync']) wrap(fs, name, (f) => function (p, ...rest) {
    try {
      const r = f.call(this, p, ...rest);
      if (inRepo(p) !== null) sawProbe(p, probeNow(p));
      return r;
    } catch (e) {
      sawProbe(p, 'absent');
      throw e;
    }
  });
  for (const name of ['access', 'realpath']) wrap(fs, name, (f) => function (p, ...rest) {
    const cb = rest.pop();
    if (typeof cb !== 'function') return f.call(this, p, ...rest, cb);
    return f.call(this, p, ...rest, (err, r) => {
      if (err) sawProbe(p, 'absent');
      else if (inRepo(p) !== null) sawProbe(p, probeNow(p));
      cb(err, r);
    });
  });
  syncBuiltinESMExports(); // `import { readFileSync } from 'node:fs'` sees the wrapped functions too

  // ES modules are read by Node's loader, not through `fs`: a load hook reports them (read-hooks.mjs).
  const esm = `${dir}/${process.pid}-${threadId}-esm.tsv`;
  register(new URL('./read-hooks.mjs', import.meta.url), { data: { file: esm, root: prefix } });

  process.on('exit', () => {
    const hash = (p) => {
      try {
        return sha(fs.readFileSync(p));
      } catch {
        return 'absent';
      }
    };
    for (const top of trees) {
      const walk = (d) => {
        let entries;
        try {
          entries = fs.readdirSync(d, { withFileTypes: true });
        } catch {
          return;
        }
        lists.set(d, entries.map((e) => e.name).sort());
        for (const e of entries) if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') walk(`${d}${sep}${e.name}`);
      };
      walk(top);
    }
    const record = {
      pid: process.pid,
      thread: threadId,
      argv: process.argv.slice(1, 3),
      files: Object.fromEntries([...files].map(([p, h]) => [p, h ?? hash(p)])),
      lists: Object.fromEntries(
        [...lists].map(([p, names]) => {
          if (names !== null) return [p, names];
          try {
            return [p, fs.readdirSync(p).sort()];
          } catch {
            return [p, null];
          }
        }),
      ),
      probes: Object.fromEntries(probes),
      installs: [...installs],
      esm,
    };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/${process.pid}-${threadId}.json`, JSON.stringify(record));
  });
}
