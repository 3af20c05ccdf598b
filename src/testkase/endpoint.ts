/**
 * What one TestKase endpoint is, and how a request for it is written on the wire. The contract
 * (contract.ts) lists the endpoints with `endpoint(…)`; the client sends through them and the
 * simulator routes with them, so both read one method, one path template and one set of schemas.
 *
 * Query schemas describe the wire both ways (zod codecs): the client encodes typed values
 * (numbers, id arrays) into strings, the simulator decodes the strings of a URL into the same types.
 */
import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'DELETE';

/** The `:name` segments of a path template: `'/test-cases/:testCaseId'` → `'testCaseId'`. */
type PathParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** One schema per `:name` of the template (checked when the table is compiled); ids are strings on the wire and in code. */
export type ParamsSchema<Path extends string> = z.ZodObject<{ [K in PathParamNames<Path>]: z.ZodType<string, string> }>;
/** Every query parameter is a string on the wire, or absent. */
export type QuerySchema = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>>;

export interface Endpoint<
  M extends Method = Method,
  Path extends string = string,
  Params extends z.ZodObject = z.ZodObject,
  Query extends z.ZodObject = z.ZodObject,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  readonly method: M;
  /** Relative to the base URL, in the route syntax Hono uses: `:name` is a path parameter. */
  readonly path: Path;
  /** Where another version of TestKase's docs puts the same resource (see project-list-path.ts). */
  readonly alternativePath?: string;
  /** Published by TestKase; every other endpoint is an assumption listed in docs/testkase-api.md. */
  readonly documented: boolean;
  readonly params: Params;
  readonly query: Query;
  /** Absent on reads and deletes. */
  readonly body?: Body;
  readonly response: Response;
}

/** The one constructor of the endpoint table: no casts, and a template whose `:names` all have a schema. */
export function endpoint<
  const M extends Method,
  const Path extends string,
  Params extends ParamsSchema<Path>,
  Query extends QuerySchema,
  Response extends z.ZodType,
  Body extends z.ZodType = never,
>(def: Endpoint<M, Path, Params, Query, Body, Response>): Endpoint<M, Path, Params, Query, Body, Response> {
  return def;
}

/** Every documented path of the endpoint: its template first, then the alternative, if any. */
export function pathsOf(e: Endpoint): [string, ...string[]] {
  return e.alternativePath === undefined ? [e.path] : [e.path, e.alternativePath];
}

/** Makes the keys of a part optional when it has no required key (`{}` for an endpoint without params). */
type Part<Key extends string, T> = Record<never, never> extends T ? { readonly [K in Key]?: T } : { readonly [K in Key]: T };

/** Path params and query as typed values. */
export type PathInput<E extends Endpoint> = Part<'params', z.output<E['params']>> & Part<'query', z.output<E['query']>>;

/** What a caller passes to send a request: path params and query as typed values, the body before its defaults. */
export type EndpointInput<E extends Endpoint> = PathInput<E> &
  ([BodyOf<E>] extends [never] ? { readonly body?: undefined } : { readonly body: z.input<BodyOf<E>> });

/** The endpoint's body schema, or never for an endpoint without a body. */
type BodyOf<E extends Endpoint> = Exclude<E['body'], undefined>;

/** What a server receives once the request is decoded: the same types, defaults applied to the body. */
export interface DecodedRequest<E extends Endpoint> {
  params: z.output<E['params']>;
  query: z.output<E['query']>;
  body: [BodyOf<E>] extends [never] ? undefined : z.output<BodyOf<E>>;
}

/**
 * The request path relative to the base URL: the template (or another of the endpoint's paths)
 * with its params filled in, and the encoded query. Throws a ZodError when the input breaks the
 * contract, before anything is sent.
 */
export function requestPath<E extends Endpoint>(e: E, input: PathInput<E>, template: string = e.path): string {
  const params = onTheWire(e.params, input.params);
  const query = Object.entries(onTheWire(e.query, input.query)).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query);
  return search.size > 0 ? `${path}?${search.toString()}` : path;
}

/** Typed values in their wire form (the schemas' encode direction): strings, or absent. */
/** Query and path values as strings: each schema's wire side is strings (codecs encode numbers and lists). */
function onTheWire(schema: z.ZodObject, values: Record<string, unknown> | undefined): Record<string, string | undefined> {
  return z.encode(schema, values ?? {}) as Record<string, string | undefined>;
}

/** The body as it is sent: validated, trimmed and defaulted by the endpoint's schema (a ZodError otherwise). */
export function requestBody<E extends Endpoint>(e: E, input: EndpointInput<E>): unknown {
  return e.body === undefined ? undefined : e.body.parse(input.body);
}
