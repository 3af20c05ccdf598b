/**
 * Who a QA seeding creates (`npm start -- --connections N --seed S`; seed-connections.ts runs it): N
 * people, each a Jira user of the local site and a TestKase user of the simulator, and what happens to
 * their connection — pure and deterministic: the same count and seed give the same people, in the
 * same states, with the same token names, notes and admins. (The tokens themselves are minted when
 * the seeding runs, and the dates are the times it ran.)
 *
 * The states are shares of N, shuffled over the people (each at least once from 20 people on), so a
 * small seeding shows every state too:
 * - WORKING: saved their own token;
 * - EXPIRING_SOON: the same with a 7-day token (the listing's "expires soon" warning);
 * - REJECTED: saved it, then it was revoked in TestKase, and an admin's "Check all now" found that;
 * - REVOKED_UNCHECKED: revoked after the last check: listed as working until "Check all now" asks;
 * - EXPIRED: a token that expired seconds after it was saved;
 * - NOT_YOURS: saved another seeded person's token (the settings page's identity check flags it);
 * - SUSPENDED: a Jira admin suspended the connection; SUSPENDED_NO_TOKEN: and the user deleted their
 *   token since (the suspension still holds, so it is listed).
 * Some connections carry an admin's note (most suspended ones: why). A few working people are Jira
 * admins (one per 250, and enough that none makes more than 50 audited changes: the app's cap is 60
 * a minute per admin), who make the suspensions, the notes and the check.
 */
import type { JiraUser } from './fixtures';
import { seededRandom } from '../random';

export type SeededState = 'WORKING' | 'EXPIRING_SOON' | 'REJECTED' | 'REVOKED_UNCHECKED' | 'EXPIRED' | 'NOT_YOURS' | 'SUSPENDED' | 'SUSPENDED_NO_TOKEN';

/** Shares of the people; WORKING is the rest. */
const SHARES: Record<Exclude<SeededState, 'WORKING'>, number> = {
  REJECTED: 0.06,
  REVOKED_UNCHECKED: 0.04,
  EXPIRED: 0.05,
  EXPIRING_SOON: 0.05,
  NOT_YOURS: 0.04,
  SUSPENDED: 0.03,
  SUSPENDED_NO_TOKEN: 0.01,
};

type Role = 'PROJECT_ADMIN' | 'USER' | 'GUEST';

export interface SeededPerson {
  jira: JiraUser;
  /** Their TestKase user in the simulator (the same person: same name and e-mail). */
  testkase: { id: string; name: string; email: string; memberships: Record<string, Role> };
  state: SeededState;
  /** Whose TestKase token they save: their own, or (NOT_YOURS) another seeded person's id. */
  tokenOf: string;
  tokenName: string;
  /** Days the token is valid (TestKase's choices); null: it expires seconds after it is saved (EXPIRED). */
  days: number | null;
  /** A Jira admin's note on the connection. */
  note: string | null;
  /** The seeded Jira admin (their `?user=` name) who suspends the connection and writes the note. */
  markedBy: string | null;
}

export interface SeedingPlan {
  people: SeededPerson[];
  /** The seeded Jira admins, by `?user=` name; the first runs the seeding's "Check all now". */
  admins: string[];
}

/** The most one seeded admin changes (suspensions and notes), under the app's 60 audited changes a minute per admin. */
const MARKS_PER_ADMIN = 50;

/** A display name and the ASCII the e-mail address is made of. */
type Name = readonly [display: string, ascii: string];

interface Region {
  given: readonly Name[];
  family: readonly Name[];
  /** Family name first (as Japanese, Chinese and Vietnamese names are written), joined by `join` (default a space). */
  familyFirst?: true;
  join?: string;
  zones: readonly string[];
  weight: number;
}

const REGIONS: readonly Region[] = [
  {
    weight: 5,
    given: [['Jürgen', 'juergen'], ['Lena', 'lena'], ['Jörg', 'joerg'], ['Sophie', 'sophie'], ['Maximilian', 'maximilian'], ['Anneliese', 'anneliese'], ['Björn', 'bjoern'], ['Käthe', 'kaethe']],
    family: [['Müller', 'mueller'], ['Schäfer', 'schaefer'], ['Groß', 'gross'], ['Weiß', 'weiss'], ['Köhler', 'koehler'], ['Becker', 'becker'], ['Schröder', 'schroeder'], ['Hoffmann', 'hoffmann']],
    zones: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'],
  },
  {
    weight: 3,
    given: [['François', 'francois'], ['Hélène', 'helene'], ['Chloé', 'chloe'], ['Jérôme', 'jerome'], ['Amélie', 'amelie'], ['Noël', 'noel']],
    family: [['Lefèvre', 'lefevre'], ['Dubois', 'dubois'], ['Gérard', 'gerard'], ['Moreau', 'moreau'], ['Fauré', 'faure'], ['Bélanger', 'belanger']],
    zones: ['Europe/Paris', 'Europe/Brussels', 'America/Toronto'],
  },
  {
    weight: 4,
    given: [['José', 'jose'], ['María', 'maria'], ['Ángel', 'angel'], ['Lucía', 'lucia'], ['Iñaki', 'inaki'], ['João', 'joao'], ['Conceição', 'conceicao']],
    family: [['García', 'garcia'], ['Núñez', 'nunez'], ['Peña', 'pena'], ['Ibáñez', 'ibanez'], ['Rodríguez', 'rodriguez'], ['Gonçalves', 'goncalves'], ['Muñoz', 'munoz']],
    zones: ['Europe/Madrid', 'America/Mexico_City', 'America/Bogota', 'America/Argentina/Buenos_Aires', 'America/Sao_Paulo'],
  },
  {
    weight: 2,
    given: [['Øyvind', 'oyvind'], ['Åsa', 'asa'], ['Sigríður', 'sigridur'], ['Jóhann', 'johann'], ['Zoë', 'zoe'], ['Mikael', 'mikael']],
    family: [['Ødegaard', 'odegaard'], ['Åberg', 'aberg'], ['Sørensen', 'sorensen'], ['Jónsson', 'jonsson'], ['Lindqvist', 'lindqvist'], ['Häkkinen', 'hakkinen']],
    zones: ['Europe/Oslo', 'Europe/Stockholm', 'Atlantic/Reykjavik', 'Europe/Helsinki', 'Europe/Copenhagen'],
  },
  {
    weight: 2,
    given: [['Łukasz', 'lukasz'], ['Agnieszka', 'agnieszka'], ['Wojciech', 'wojciech'], ['Jiří', 'jiri'], ['Kateřina', 'katerina'], ['Małgorzata', 'malgorzata']],
    family: [['Wójcik', 'wojcik'], ['Dvořák', 'dvorak'], ['Kowalczyk', 'kowalczyk'], ['Nováková', 'novakova'], ['Zieliński', 'zielinski'], ['Černý', 'cerny']],
    zones: ['Europe/Warsaw', 'Europe/Prague'],
  },
  {
    weight: 2,
    given: [['İlker', 'ilker'], ['Ayşe', 'ayse'], ['Gökhan', 'gokhan'], ['Şule', 'sule'], ['Çağrı', 'cagri']],
    family: [['Yıldız', 'yildiz'], ['Öztürk', 'ozturk'], ['Çelik', 'celik'], ['Şahin', 'sahin'], ['Doğan', 'dogan']],
    zones: ['Europe/Istanbul'],
  },
  {
    weight: 2,
    familyFirst: true,
    given: [['Thị Hoa', 'hoa'], ['Minh Đức', 'duc'], ['Văn An', 'an'], ['Thu Trang', 'trang']],
    family: [['Nguyễn', 'nguyen'], ['Trần', 'tran'], ['Lê', 'le'], ['Phạm', 'pham']],
    zones: ['Asia/Ho_Chi_Minh'],
  },
  {
    weight: 2,
    familyFirst: true,
    given: [['花子', 'hanako'], ['太郎', 'taro'], ['陽菜', 'hina'], ['蓮', 'ren']],
    family: [['山田', 'yamada'], ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi']],
    zones: ['Asia/Tokyo'],
  },
  {
    weight: 2,
    familyFirst: true,
    join: '',
    given: [['芳', 'fang'], ['伟', 'wei'], ['静', 'jing'], ['磊', 'lei']],
    family: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu']],
    zones: ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Singapore'],
  },
  {
    weight: 1,
    given: [['Αικατερίνη', 'aikaterini'], ['Γιώργος', 'giorgos'], ['Δήμητρα', 'dimitra']],
    family: [['Παπαδοπούλου', 'papadopoulou'], ['Οικονόμου', 'oikonomou'], ['Νικολάου', 'nikolaou']],
    zones: ['Europe/Athens'],
  },
  {
    weight: 1,
    given: [['Олена', 'olena'], ['Дмитро', 'dmytro'], ['Ірина', 'iryna']],
    family: [['Шевченко', 'shevchenko'], ['Коваленко', 'kovalenko'], ['Бондаренко', 'bondarenko']],
    zones: ['Europe/Kyiv'],
  },
  {
    weight: 1,
    given: [['ليلى', 'layla'], ['عمر', 'omar'], ['نور', 'nour']],
    family: [['حداد', 'haddad'], ['الخطيب', 'alkhatib'], ['منصور', 'mansour']],
    zones: ['Asia/Dubai', 'Africa/Cairo', 'Asia/Riyadh'],
  },
  {
    weight: 3,
    given: [['Priya', 'priya'], ['Arjun', 'arjun'], ['Lakshmi', 'lakshmi'], ['Sita', 'sita'], ['Rohan', 'rohan']],
    family: [['Venkataraman', 'venkataraman'], ['Raghunathan', 'raghunathan'], ['Shrestha', 'shrestha'], ['Iyer', 'iyer'], ['Chatterjee', 'chatterjee']],
    zones: ['Asia/Kolkata', 'Asia/Kathmandu'],
  },
  {
    weight: 5,
    given: [['Siobhán', 'siobhan'], ['Seán', 'sean'], ['Mary-Jane', 'maryjane'], ['Oliver', 'oliver'], ['Aroha', 'aroha'], ['Emily', 'emily'], ['Tom', 'tom']],
    family: [["O'Connor", 'oconnor'], ['Ó Briain', 'obriain'], ['Smith', 'smith'], ['Ngata', 'ngata'], ['Walker', 'walker'], ['van der Berg', 'vanderberg'], ['MacDonald', 'macdonald']],
    zones: ['Europe/Dublin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'America/St_Johns', 'Australia/Sydney', 'Pacific/Auckland'],
  },
];

/** The first people, always: a known set of names to search for and edge cases to look at. */
const SHOWCASE: ReadonlyArray<{ name: Name; zone: string }> = [
  { name: ['Jürgen Müller', 'juergen.mueller'], zone: 'Europe/Berlin' },
  { name: ['Zoë Ødegaard', 'zoe.odegaard'], zone: 'Europe/Oslo' },
  { name: ['山田 花子', 'hanako.yamada'], zone: 'Asia/Tokyo' },
  { name: ['Siobhán Ó Briain', 'siobhan.obriain'], zone: 'Europe/Dublin' },
  { name: ['José Ángel Núñez', 'joseangel.nunez'], zone: 'America/Mexico_City' },
  { name: ['Łukasz Wójcik', 'lukasz.wojcik'], zone: 'Europe/Warsaw' },
  { name: ['Nguyễn Thị Hoa', 'hoa.nguyen'], zone: 'Asia/Ho_Chi_Minh' },
  { name: ['Αικατερίνη Παπαδοπούλου', 'aikaterini.papadopoulou'], zone: 'Europe/Athens' },
  { name: ['Олена Шевченко', 'olena.shevchenko'], zone: 'Europe/Kyiv' },
  { name: ['ليلى حداد', 'layla.haddad'], zone: 'Asia/Dubai' },
  { name: ['İlker Yıldız', 'ilker.yildiz'], zone: 'Europe/Istanbul' },
  { name: ['Maria-Fernanda de los Ángeles Gutiérrez Santa Cruz', 'mariafernanda.gutierrez'], zone: 'America/Bogota' },
  { name: ["Seán O'Connor", 'sean.oconnor'], zone: 'America/St_Johns' },
  { name: ['Priya Venkataraman', 'priya.venkataraman'], zone: 'Asia/Kolkata' },
  { name: ['Anna Müller-Lüdenscheidt', 'anna.muellerluedenscheidt'], zone: 'Europe/Zurich' },
  { name: ['Þórunn Sigurðardóttir', 'thorunn.sigurdardottir'], zone: 'Atlantic/Reykjavik' },
  { name: ['王芳', 'fang.wang'], zone: 'Asia/Shanghai' },
  { name: ['Aroha Ngata', 'aroha.ngata'], zone: 'Pacific/Auckland' },
  { name: ['Sita Shrestha', 'sita.shrestha'], zone: 'Asia/Kathmandu' },
  { name: ['Chloé Lefèvre', 'chloe.lefevre'], zone: 'Europe/Paris' },
];

const TOKEN_NAMES: readonly string[] = [
  'Jira Plugin', 'Jira Plugin', 'Jira Plugin', 'Jira', 'Jira', 'Jira integration', 'jira-cloud', 'Laptop', 'Work laptop', 'MacBook Pro',
  'Desktop (office)', 'Jira – QA', 'TestKase ↔ Jira', 'My token', 'Mein Jira-Token', 'Jeton Jira', 'Token de Jira', 'Jira用トークン', 'Jira (2026)', 'temp',
  'DO NOT DELETE', 'CI pipeline', "Token for the checkout squad's regression cycle in Jira", 'Home office',
];
const SHARED_TOKEN_NAMES: readonly string[] = ['Team token', 'Shared QA token', 'Jira Plugin', 'Borrowed for the release', 'QA service account'];
const SUSPENSION_NOTES: readonly string[] = [
  'Shared token: asked to create a personal one (IT-4821).',
  'Left the company on 31 March; suspended until the handover is done.',
  'Ticket SEC-311: suspended pending the security review.',
  'Contractor: access ends with the contract, suspended meanwhile.',
  'Zugang gesperrt bis zur Klärung mit der Teamleitung.',
  'Suspendu à la demande du responsable QA.',
];
const NOTES: readonly string[] = [
  'Vacation until 12 May, do not remove.',
  'QA lead for the checkout squad.',
  'Uses the token for the nightly regression review.',
  'Asked about a personal token on 3 March; waiting.',
  'Überprüft: Zugang für das Prüfteam.',
  '在审核中 — under review by the platform team.',
  'Moved to the mobile team; keeps read access.',
  'External auditor, read only (Guest in TestKase).',
];
const DAYS: readonly number[] = [30, 60, 90, 90, 90, 180, 365, 365];

export function planSeeding(count: number, seed: number): SeedingPlan {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const totalWeight = REGIONS.reduce((n, r) => n + r.weight, 0);
  const region = (): Region => {
    let at = random() * totalWeight;
    for (const r of REGIONS) if ((at -= r.weight) < 0) return r;
    return REGIONS.at(-1)!;
  };

  // States: each share of the people (at least one each from 20 people on), shuffled.
  const states: SeededState[] = [];
  for (const [state, share] of Object.entries(SHARES) as Array<[SeededState, number]>) {
    const n = Math.max(count >= 20 ? 1 : 0, Math.round(count * share));
    for (let i = 0; i < n && states.length < count; i++) states.push(state);
  }
  while (states.length < count) states.push('WORKING');
  shuffle(states);

  const emails = new Set<string>();
  const people: SeededPerson[] = [];
  for (let i = 0; i < count; i++) {
    const name = `qa${i + 1}`;
    let display: string;
    let ascii: string;
    let zone: string;
    const shown = SHOWCASE[i];
    if (shown) {
      [display, ascii] = shown.name;
      zone = shown.zone;
    } else {
      const r = region();
      const [given, givenAscii] = pick(r.given);
      const [family, familyAscii] = pick(r.family);
      display = r.familyFirst ? `${family}${r.join ?? ' '}${given}` : `${given} ${family}`;
      ascii = `${givenAscii}.${familyAscii}`;
      zone = pick(r.zones);
    }
    // Contractors sign in with another domain; a second person of the same name gets a number.
    const domain = random() < 0.08 ? 'ext.acme.example' : 'acme.example';
    let email = `${ascii}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${ascii}${n}@${domain}`;
    emails.add(email);
    const roll = random();
    const memberships: Record<string, Role> = roll < 0.03 ? { 'PRJ-2': 'USER' } : { 'PRJ-1': roll < 0.21 ? 'GUEST' : roll < 0.29 ? 'PROJECT_ADMIN' : 'USER' };
    const role = memberships['PRJ-1'] === 'GUEST' ? 'Guest of Checkout' : memberships['PRJ-1'] === 'PROJECT_ADMIN' ? 'Project Admin of Checkout' : memberships['PRJ-1'] ? 'User of Checkout' : 'User of Mobile App only';
    const state = states[i]!;
    // Jira hides some people's e-mail (their profile visibility): the app then compares names.
    const hidesEmail = random() < 0.1;
    people.push({
      jira: { name, accountId: `local-${name}`, displayName: display, timezone: zone, testkaseRole: role, jiraAdmin: false, ...(hidesEmail ? {} : { emailAddress: email }) },
      testkase: { id: name, name: display, email, memberships },
      state,
      tokenOf: name,
      tokenName: pick(TOKEN_NAMES),
      days: state === 'EXPIRED' ? null : state === 'EXPIRING_SOON' ? 7 : pick(DAYS),
      note: null,
      markedBy: null,
    });
  }

  // Another TestKase user: the token of someone else (with another name, so the names differ too).
  const key = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const p of people) {
    if (p.state !== 'NOT_YOURS' || count < 2) continue;
    let other = pick(people);
    for (let tries = 0; (other === p || key(other.testkase.name) === key(p.testkase.name)) && tries < 20; tries++) other = pick(people);
    if (other !== p) {
      p.tokenOf = other.testkase.id;
      p.tokenName = pick(SHARED_TOKEN_NAMES);
    }
  }

  // Notes: most suspensions say why, and a few others carry one (at least one from 20 people on).
  for (const p of people) {
    if (p.state === 'SUSPENDED' || p.state === 'SUSPENDED_NO_TOKEN') p.note = random() < 0.7 ? pick(SUSPENSION_NOTES) : null;
  }
  const others = people.filter((p) => p.state !== 'SUSPENDED' && p.state !== 'SUSPENDED_NO_TOKEN');
  const noted = Math.max(count >= 20 ? 1 : 0, Math.round(count * 0.03));
  for (const p of shuffle([...others]).slice(0, noted)) p.note = pick(NOTES);

  // Jira admins: working people, one per 250 and enough for the marks; each mark goes to the one with
  // the fewest changes so far, so none makes more than about MARKS_PER_ADMIN.
  const changesOf = (p: SeededPerson) => (p.note ? 1 : 0) + (p.state === 'SUSPENDED' || p.state === 'SUSPENDED_NO_TOKEN' ? 1 : 0);
  const marked = people.filter((p) => changesOf(p) > 0);
  const changes = marked.reduce((n, p) => n + changesOf(p), 0);
  const working = people.filter((p) => p.state === 'WORKING');
  const adminCount = Math.min(working.length, Math.max(1, Math.ceil(count / 250), Math.ceil(changes / MARKS_PER_ADMIN)));
  const admins = shuffle([...working]).slice(0, adminCount).sort((a, b) => people.indexOf(a) - people.indexOf(b));
  for (const a of admins) a.jira.jiraAdmin = true;
  const load = admins.map(() => 0);
  for (const p of admins.length > 0 ? marked : []) {
    const least = load.indexOf(Math.min(...load));
    load[least]! += changesOf(p);
    p.markedBy = admins[least]!.jira.name;
  }
  return { people, admins: admins.map((a) => a.jira.name) };
}
