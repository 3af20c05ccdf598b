/**
 * Reads a response body up to a byte limit and stops there: `response.text()` would buffer
 * whatever the server sends (a 150 MB page grew the process by 480 MB).
 */
export const TooLarge: unique symbol = Symbol('TooLarge');

export async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<string | typeof TooLarge> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort(); // closes the connection instead of draining it
    return TooLarge;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      controller.abort();
      return TooLarge;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
