/** The local users' avatars, as Jira serves generated initials avatars: a coloured circle with initials. */
import type { JiraUser } from './fixtures';

const COLOURS: Record<JiraUser['name'], string> = { alice: '#1F845A', bob: '#0C66E4', gina: '#AE4787', diana: '#C25100' };

export function avatarSvg(user: JiraUser): string {
  const initials = user.displayName
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="${COLOURS[user.name]}"/><text x="24" y="30" text-anchor="middle" font-family="Arial, sans-serif" font-size="18" font-weight="700" fill="#FFFFFF">${initials}</text></svg>`;
}
