/** The local users' avatars, as Jira serves generated initials avatars: a coloured circle with initials. */
import type { JiraUser } from './fixtures';

const COLOURS: Record<string, string> = { alice: '#1F845A', bob: '#0C66E4', gina: '#AE4787', diana: '#C25100' };
/** Seeded users (local-users.ts) get one of Atlassian's avatar colours by their name. */
const SEEDED_COLOURS = ['#1F845A', '#0C66E4', '#AE4787', '#C25100', '#6E5DC6', '#206A83', '#943D73', '#5B7F24'];

const colourOf = (name: string) => COLOURS[name] ?? SEEDED_COLOURS[[...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % SEEDED_COLOURS.length]!;

export function avatarSvg(user: JiraUser): string {
  // Whole characters (a seeded name may be outside the BMP), as text (names are data).
  const initials = user.displayName
    .split(/\s+/)
    .map((w) => [...w][0] ?? '')
    .slice(0, 2)
    .join('')
    .toUpperCase()
    .replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="${colourOf(user.name)}"/><text x="24" y="30" text-anchor="middle" font-family="Arial, sans-serif" font-size="18" font-weight="700" fill="#FFFFFF">${initials}</text></svg>`;
}
