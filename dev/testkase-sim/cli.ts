/**
 * `npm run --silent sim -- <command>`: run the simulator, or administer a running one over HTTP.
 *
 *   serve [--port 4010] [--data .data/sim] [--in-memory] [--reset] [--project-list /projects/user/my-projects]
 *   token create --user alice [--name "Jira Plugin"] [--days 90]   (prints only the token)
 *   token list [--user alice] | token revoke --id tok_1
 *   mapping list | mapping add --jira-project DEMO --project PRJ-1 | mapping remove --jira-project DEMO
 *   fault add [--route testCases] [--latency 200] [--jitter 50] [--status 503] [--retry-after 2]
 *             [--hang] [--malformed] [--drop] [--times 3]
 *   fault list | fault remove --id fault_1 | fault clear
 *   rate-limit [--limit 60 --window 60] | user delete --user bob | requests [--clear] | reset
 *   project-list [--path /projects/user-projects|/projects/user/my-projects]
 *
 * Admin commands find the simulator through TESTKASE_SIM_URL (default http://127.0.0.1:4010).
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './server';
import { ProjectListPath } from './api-handlers';

const HELP = `Usage: npm run --silent sim -- <command> [options]

  serve [--port 4010] [--data .data/sim] [--in-memory] [--reset] [--project-list <path>]
  token create --user <alice|bob|gina|nora> [--name "Jira Plugin"] [--days 7|30|60|90|180|365]
  token list [--user <id>]            token revoke --id <token id>
  mapping list                        mapping add --jira-project DEMO --project PRJ-1
  mapping remove --jira-project DEMO
  fault add [--route <name>|*] [--latency ms] [--jitter ms] [--status code] [--retry-after s]
            [--hang] [--malformed] [--drop] [--times n]
  fault list | fault remove --id <fault id> | fault clear
  rate-limit [--limit n --window seconds]
  user delete --user <id>             requests [--clear]            reset
  project-list [--path /projects/user-projects|/projects/user/my-projects]   (which documented path answers)

Admin commands talk to the running simulator at $TESTKASE_SIM_URL (default http://127.0.0.1:4010).`;

class CliError extends Error {}

/** The options that take a value (each read as a string, checked where it is used). */
const VALUE_OPTIONS = ['port', 'data', 'user', 'name', 'days', 'id', 'jira-project', 'project', 'route', 'latency', 'jitter', 'status', 'retry-after', 'times', 'limit', 'window', 'project-list', 'path'] as const;
/** The options that are on or off. */
const FLAG_OPTIONS = ['in-memory', 'reset', 'hang', 'malformed', 'drop', 'clear'] as const;

/** parseArgs' option table for value options `values` and flags `flags`. */
function optionTable<V extends string, F extends string>(values: readonly V[], flags: readonly F[]) {
  return {
    ...(Object.fromEntries(values.map((name) => [name, { type: 'string' }])) as Record<V, { type: 'string' }>),
    ...(Object.fromEntries(flags.map((name) => [name, { type: 'boolean' }])) as Record<F, { type: 'boolean' }>),
  };
}

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { ...optionTable(VALUE_OPTIONS, FLAG_OPTIONS), help: { type: 'boolean', short: 'h' } },
});

const base = (process.env.TESTKASE_SIM_URL ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');

function need(name: keyof typeof opt): string {
  const v = opt[name];
  if (typeof v !== 'string' || v === '') throw new CliError(`--${name} is required`);
  return v;
}

function int(name: keyof typeof opt): number | undefined {
  const v = opt[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new CliError(`--${name} must be a whole number`);
  return n;
}

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}/_sim/admin${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new CliError(`No simulator answers at ${base}. Start it with \`npm start\` or \`npm run sim -- serve\`, or set TESTKASE_SIM_URL.`);
  }
  const json = (await res.json().catch(() => ({}))) as { data?: unknown; error?: { message?: string } };
  if (!res.ok) throw new CliError(json.error?.message ?? `HTTP ${res.status}`);
  return json.data;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

function projectListPathOption(value: string): ProjectListPath {
  const parsed = ProjectListPath.safeParse(value);
  if (!parsed.success) throw new CliError(`--project-list must be one of ${ProjectListPath.options.join(', ')}`);
  return parsed.data;
}

async function serve(): Promise<void> {
  const inMemory = opt['in-memory'] === true;
  const sim = await startSimulator({
    port: int('port') ?? Number(process.env.SIM_PORT ?? 4010),
    dataDir: inMemory ? null : (opt.data ?? process.env.TESTKASE_SIM_DATA ?? '.data/sim'),
    reset: opt.reset === true,
    ...(opt['project-list'] ? { projectListPath: projectListPathOption(opt['project-list']) } : {}),
  });
  process.stdout.write(`TestKase simulator at ${sim.url} (API ${sim.apiBaseUrl}; API Keys page ${sim.url}/)\n`);
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const [group, action] = positionals;
  if (opt.help || !group) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const out = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };
  switch (`${group} ${action ?? ''}`.trim()) {
    case 'serve':
      return serve();
    case 'token create': {
      const created = (await admin('POST', '/tokens', { user: need('user'), name: opt.name ?? 'Jira Plugin', days: int('days') ?? 90 })) as { token: string };
      return out(created.token);
    }
    case 'token list': {
      const q = opt.user ? `?user=${encodeURIComponent(opt.user)}` : '';
      return out(table((await admin('GET', `/tokens${q}`)) as Array<Record<string, unknown>>, ['id', 'userId', 'name', 'preview', 'createdAt', 'expiresAt', 'expired']));
    }
    case 'token revoke':
      await admin('DELETE', `/tokens/${encodeURIComponent(need('id'))}`);
      return out(`Token ${opt.id} deleted: it answers 401 from now on.`);
    case 'mapping list':
      return out(table((await admin('GET', '/mappings')) as Array<Record<string, unknown>>, ['jiraProjectKey', 'projectId', 'projectName']));
    case 'mapping add':
      await admin('POST', '/mappings', { jiraProjectKey: need('jira-project'), projectId: opt.project ?? 'PRJ-1' });
      return out(`Jira project ${opt['jira-project']} is mapped to ${opt.project ?? 'PRJ-1'}.`);
    case 'mapping remove':
      await admin('DELETE', `/mappings/${encodeURIComponent(need('jira-project'))}`);
      return out(`Jira project ${opt['jira-project']} is no longer mapped.`);
    case 'fault add': {
      const rule = {
        route: opt.route ?? '*',
        latencyMs: int('latency'),
        jitterMs: int('jitter'),
        status: int('status'),
        retryAfterSeconds: int('retry-after'),
        hang: opt.hang,
        malformed: opt.malformed,
        drop: opt.drop,
        times: int('times'),
      };
      const fault = (await admin('POST', '/faults', JSON.parse(JSON.stringify(rule)))) as { id: string };
      return out(fault.id);
    }
    case 'fault list':
      return out(JSON.stringify(await admin('GET', '/faults'), null, 2));
    case 'fault remove':
      await admin('DELETE', `/faults/${encodeURIComponent(need('id'))}`);
      return out(`Fault ${opt.id} removed.`);
    case 'fault clear':
      await admin('DELETE', '/faults');
      return out('All faults cleared.');
    case 'rate-limit': {
      const limit = int('limit');
      if (limit === undefined) return out(JSON.stringify(await admin('GET', '/rate-limit')));
      return out(JSON.stringify(await admin('PUT', '/rate-limit', { limit, windowSeconds: int('window') ?? 60 })));
    }
    case 'user delete':
      await admin('DELETE', `/users/${encodeURIComponent(need('user'))}`);
      return out(`User ${opt.user} deleted: all their tokens answer 401.`);
    case 'requests':
      if (opt.clear) {
        await admin('DELETE', '/requests');
        return out('Request log cleared.');
      }
      return out(table((await admin('GET', '/requests')) as Array<Record<string, unknown>>, ['at', 'method', 'path', 'status', 'userId', 'fault', 'ms']));
    case 'project-list': {
      if (!opt.path) return out(((await admin('GET', '/project-list')) as { path: string }).path);
      const { path } = (await admin('PUT', '/project-list', { path: opt.path })) as { path: string };
      return out(`The project list answers at GET ${path}; the other documented path answers 404.`);
    }
    case 'reset':
      await admin('POST', '/reset', {});
      return out('Simulator reseeded: demo data restored, tokens and faults cleared.');
    default:
      throw new CliError(`Unknown command "${positionals.join(' ')}".\n\n${HELP}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`sim: ${e instanceof CliError ? e.message : (e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
