/**
 * The local servers answer only requests addressed to them by a loopback name: a page on another
 * site that re-points its own host name at 127.0.0.1 (DNS rebinding) sends its name in `Host`, and
 * is refused instead of reaching a signed-in session or the simulator's admin API.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const name = (host ?? '').toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}
