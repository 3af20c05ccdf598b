import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// @forge/manifest is CommonJS; its validator is the one `forge deploy` runs.
const require = createRequire(import.meta.url);
const { validate } = require('@forge/manifest') as {
  validate: (basic: boolean, file: string) => Promise<{ success: boolean; errors?: { message: string; level: string; line?: number }[] }>;
};

describe('manifest.yml', () => {
  it('has a built resource folder to validate against (npm run build)', () => {
    expect(existsSync('static/dist/index.html')).toBe(true);
  });

  // Loading @forge/manifest's schema alone takes about 8 s on this machine, more beside the Forge lint.
  it("passes @forge/manifest's own validation with no error and no warning", async () => {
    const result = await validate(false, 'manifest.yml');
    const problems = (result.errors ?? []).map((e) => `${e.level}: ${e.message} (line ${e.line ?? '?'})`);
    expect(problems).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declares storage:app and only the Jira read scopes its calls need, HTTPS egress to TestKase, and no Jira write scope', () => {
    const text = readFileSync('manifest.yml', 'utf8');
    const scopes = [...text.matchAll(/^\s+- ([a-z:.-]+:[a-z:.-]+)\s*$/gm)].map((m) => m[1]);
    // read:jira-user: GET /rest/api/3/user/bulk and /myself; read:permission:jira (granular): GET /rest/api/3/mypermissions;
    // the granular set of GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes (the Bug type for Report bug).
    // Not the classic read:jira-work, which would also let the app read every issue the user can see.
    expect(scopes).toEqual(['storage:app', 'read:jira-user', 'read:permission:jira', 'read:issue-meta:jira', 'read:avatar:jira', 'read:field-configuration:jira']);
    expect(text).not.toMatch(/^\s+- read:jira-work\s*$/m);
    expect(text).toMatch(/- address: https:\/\/api\.testkase\.com\s*$/m);
    expect(text).not.toMatch(/write:jira/);
    expect(text).not.toMatch(/http:\/\//);
  });

  it('has the three Custom UI modules on one resource, the UI Kit issue context on its own, one resolver function on nodejs22.x', () => {
    const text = readFileSync('manifest.yml', 'utf8');
    expect(text).toContain('key: testkase-issue-panel');
    expect(text).toContain('key: testkase-global-page');
    expect(text).toMatch(/jira:adminPage:\s+(#.*\s+)?- key: testkase-admin-page/);
    expect(text.match(/resource: main/g)).toHaveLength(3);
    expect(text).toMatch(/jira:issueContext:\s+- key: testkase-issue-context\s+resource: issue-summary\s+render: native/);
    expect(text).toMatch(/- key: issue-summary\s+path: uikit\/src\/index\.tsx/);
    expect(text.match(/function: resolver/g)).toHaveLength(4);
    expect(text).toContain('name: nodejs22.x');
    expect(text).toMatch(/path: static\/dist\s+tunnel:\s+port: 3000/);
  });
});
