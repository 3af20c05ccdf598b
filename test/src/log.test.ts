/** The logger's redaction: token-shaped text anywhere in a word, Bearer credentials, and the call's own tokens. */
import { describe, expect, it } from 'vitest';
import { redact, rememberSecret, withSecretScope } from '../../src/log';

describe('redact', () => {
  it('removes tk_pat_ tokens even when glued to the word before them', () => {
    for (const text of ['tk_pat_AbC123', 'token=tk_pat_AbC123', 'xtk_pat_AbC123', 'code_tk_pat_AbC123.x', '9tk_pat_AbC123']) {
      expect(redact(text)).not.toContain('AbC123');
    }
  });

  it('removes Bearer credentials of any shape', () => {
    expect(redact('Authorization: Bearer abc.DEF-123_xyz')).toBe('Authorization: Bearer [redacted]');
  });

  it('removes a token without the prefix once the call has seen it, and only in that call', async () => {
    const token = 'Wn0PrefixAtAllButStillSecret1234';
    expect(redact(`echo ${token}`)).toContain(token); // outside any call: not known
    await withSecretScope(async () => {
      rememberSecret(token);
      expect(redact(`echo ${token} and ${token}`)).toBe('echo [redacted] and [redacted]');
    });
    await withSecretScope(async () => {
      expect(redact(`echo ${token}`)).toContain(token);
    });
  });
});
