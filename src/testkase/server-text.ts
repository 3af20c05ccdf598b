/**
 * Text TestKase sent (an error code or message) made safe to put in an error, a log line or a
 * message for the user: the call's token and anything token-shaped removed, control characters and
 * runs of white space flattened to one space, length bounded.
 */
import { redact } from '../log';

export function fromServer(text: string, token: string, maxLength: number): string {
  const withoutToken = token.length > 0 ? text.split(token).join('[redacted]') : text;
  return redact(withoutToken)
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, maxLength);
}
