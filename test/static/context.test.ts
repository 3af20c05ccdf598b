import { describe, expect, it, vi } from 'vitest';

vi.mock('@forge/bridge', () => import('./bridgeMock'));
import { navigate } from './bridgeMock';
import { globalPageUrl, openSettings, parseLocalId, toUiContext } from '../../static/src/context';
import { returnToIssue } from '../../static/src/global/return-to';

describe('parseLocalId', () => {
  it('reads the app and environment ids from a Custom UI localId', () => {
    expect(parseLocalId('ari:cloud:ecosystem::extension/3f9c-app/8a1e-env/static/testkase-issue-panel')).toEqual({
      appId: '3f9c-app',
      environmentId: '8a1e-env',
    });
  });

  it('falls back to context.environmentId when the localId has no environment part', () => {
    expect(parseLocalId('ari:cloud:ecosystem::extension/3f9c-app', 'env-from-context')).toEqual({ appId: '3f9c-app', environmentId: 'env-from-context' });
  });

  it('returns null for a localId it does not understand', () => {
    expect(parseLocalId('')).toBeNull();
    expect(parseLocalId('something-else/abc/def')).toBeNull();
    expect(parseLocalId('ari:cloud:ecosystem::extension/')).toBeNull();
    expect(parseLocalId('ari:cloud:ecosystem::extension/app-only')).toBeNull();
  });
});

describe('globalPageUrl and openSettings', () => {
  const localId = 'ari:cloud:ecosystem::extension/app-1/env-2/static/testkase-issue-panel';

  it('builds the global page URL', () => {
    expect(globalPageUrl({ localId })).toBe('/jira/apps/app-1/env-2');
    expect(globalPageUrl({ localId: 'nonsense' })).toBeNull();
  });

  it('navigates with router.navigate, and does nothing without a usable localId', async () => {
    await openSettings({ localId });
    expect(navigate).toHaveBeenLastCalledWith('/jira/apps/app-1/env-2');
    navigate.mockClear();
    await openSettings({ localId: 'nonsense' });
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('toUiContext', () => {
  it('keeps the fields it needs and defaults the rest', () => {
    expect(toUiContext({ moduleKey: 'testkase-global-page', localId: 'x', timezone: 'Asia/Tokyo', locale: 'de_DE', environmentId: 'e', extra: 1 })).toEqual({
      moduleKey: 'testkase-global-page',
      localId: 'x',
      timezone: 'Asia/Tokyo',
      locale: 'de-DE',
      environmentId: 'e',
    });
    expect(toUiContext(null)).toEqual({ moduleKey: '', localId: '', timezone: 'UTC', locale: 'en-US' });
  });
});

describe('the way back from the settings page', () => {
  it('reads an issue key from ?returnTo= and nothing else', () => {
    expect(returnToIssue('?returnTo=DEMO-12')).toBe('DEMO-12');
    expect(returnToIssue('?returnTo=javascript:alert(1)')).toBeNull();
    expect(returnToIssue('?returnTo=%2F%2Fevil.example')).toBeNull();
    expect(returnToIssue('')).toBeNull();
  });

  it('carries the project id of the issue from the context (the bug dialog opens in it)', () => {
    expect(toUiContext({ extension: { project: { id: '10000' } } }).projectId).toBe('10000');
    expect(toUiContext({ extension: {} }).projectId).toBeUndefined();
  });
});
