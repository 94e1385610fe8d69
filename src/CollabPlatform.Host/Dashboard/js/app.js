// The dashboard: a scope's partnerships by stage, kept current by the scope's feed; each
// partnership's timeline and joint programmes; overdue and expiring items; region search.
import { api, claims, setToken, token } from './api.js';
import { indicatorChart } from './charts.js';
import { Feed } from './feed.js';

// Scopes offered without a token; a token limits the picker to its own jurisdiction.
const PRESET_SCOPES = [
  ['ID-33', 'Jawa Tengah'],
  ['ID-32', 'Jawa Barat'],
  ['ID-16', 'Sumatera Selatan'],
  ['ID-31', 'DKI Jakarta'],
  ['CN-350000', 'Fujian'],
];

const COLUMNS = [
  { title: 'Initiative', stages: ['PARTNERSHIP_STAGE_INITIATIVE'] },
  { title: 'Exploration', stages: ['PARTNERSHIP_STAGE_EXPLORATION'] },
  { title: 'Letter of intent', stages: ['PARTNERSHIP_STAGE_LETTER_OF_INTENT'] },
  { title: 'Cooperation plan', stages: ['PARTNERSHIP_STAGE_COOPERATION_PLAN'] },
  { title: 'Council approval', stages: ['PARTNERSHIP_STAGE_COUNCIL_APPROVAL'] },
  { title: 'Central review', stages: ['PARTNERSHIP_STAGE_CENTRAL_REVIEW'] },
  { title: 'Drafting', stages: ['PARTNERSHIP_STAGE_DRAFTING'] },
  { title: 'Signed', stages: ['PARTNERSHIP_STAGE_SIGNED'] },
  { title: 'Implementation', stages: ['PARTNERSHIP_STAGE_IMPLEMENTATION'] },
  { title: 'Evaluation', stages: ['PARTNERSHIP_STAGE_EVALUATION'] },
  { title: 'Ended', stages: ['PARTNERSHIP_STAGE_EXPIRED', 'PARTNERSHIP_STAGE_TERMINATED'] },
];
const ENDED = new Set(COLUMNS.at(-1).stages);
const MAX_ACTIVITY = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const state = {
  scope: '',
  partnerships: new Map(),
  overdue: new Map(),
  expiringWithinDays: 90,
  regions: new Map(),
  feed: null,
  openDetail: '',
  generation: 0,
};

const $ = (id) => document.getElementById(id);

function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key.startsWith('data-')) {
      element.setAttribute(key, String(value));
    } else if (key.startsWith('on')) {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

const label = (value, prefix) => (value ?? '').replace(prefix, '').toLowerCase().replace(/_/g, ' ');
const stageName = (stage) => label(stage, 'PARTNERSHIP_STAGE_');
const sectorName = (sector) => label(sector, 'SECTOR_');
const eventName = (type) => label(type, 'PARTNERSHIP_EVENT_TYPE_');
const documentName = (kind) => label(kind, 'DOCUMENT_KIND_');
const dateOf = (d) => (d && d.year ? new Date(Date.UTC(d.year, (d.month || 1) - 1, d.day || 1)) : null);
const dateText = (d) => (d ? d.toISOString().slice(0, 10) : '');

function showError(message) {
  const box = $('error');
  box.textContent = message ?? '';
  box.hidden = !message;
}

// ---- sign-in and scope ---------------------------------------------------------------------

function tokenScope() {
  const payload = claims(token());
  return payload?.jurisdiction ?? '';
}

function renderIdentity() {
  const payload = claims(token());
  $('identity').textContent = payload
    ? `Signed in: ${payload.sub ?? 'token'} · ${payload.role ?? ''} · ${payload.jurisdiction ?? ''}`
    : token() ? 'Signed in (token not readable)' : 'Not signed in';
  $('token').value = token();
}

function scopeChoices() {
  const limited = tokenScope();
  if (limited) {
    const preset = PRESET_SCOPES.find(([id]) => id === limited);
    return [[limited, preset ? preset[1] : limited]];
  }
  return PRESET_SCOPES;
}

function renderScopePicker(selected) {
  const select = $('scope');
  select.replaceChildren(...scopeChoices().map(([id, name]) => el('option', { value: id }, `${name} (${id})`)));
  select.value = selected;
}

function initialScope() {
  const choices = scopeChoices().map(([id]) => id);
  const requested = new URLSearchParams(window.location.search).get('scope');
  if (requested && (choices.includes(requested) || !tokenScope())) {
    if (!choices.includes(requested)) {
      PRESET_SCOPES.push([requested, requested]);
    }
    return requested;
  }
  return choices[0];
}

// ---- scope membership -----------------------------------------------------------------------

async function regionOf(id) {
  if (!state.regions.has(id)) {
    state.regions.set(id, api.region(id).catch(() => null));
  }
  return state.regions.get(id);
}

async function regionWithin(id, scope) {
  if (!id) {
    return false;
  }
  if (id === scope || (id.startsWith('ID-') && id.startsWith(`${scope}.`))) {
    return true;
  }
  // Region ids start with their country code; another country's region never lies under the scope.
  if (id.split('-')[0] !== scope.split('-')[0]) {
    return false;
  }
  const region = await regionOf(id);
  return Boolean(region?.ancestors?.some((ancestor) => ancestor.id === scope));
}

// The page shows a partnership only when a party or an explicit facilitator is the scope or
// lies under it, whatever a call returned.
async function inScope(partnership, scope) {
  const ids = [
    partnership.localRegionId,
    partnership.counterpart?.foreignRegionId,
    partnership.counterpart?.institution?.regionId,
  ];
  if ((partnership.facilitators ?? []).some((f) => f.jurisdictionId === scope)) {
    return true;
  }
  for (const id of ids) {
    if (await regionWithin(id, scope)) {
      return true;
    }
  }
  return false;
}

// ---- board ----------------------------------------------------------------------------------

function expiry(partnership) {
  if (ENDED.has(partnership.stage)) {
    return null;
  }
  const expires = dateOf(partnership.validity?.expiryDate);
  if (!expires) {
    return null;
  }
  const days = Math.ceil((expires.getTime() - Date.now()) / DAY_MS);
  return days <= state.expiringWithinDays ? { expires, days } : null;
}

function counterpartText(partnership) {
  const counterpart = partnership.counterpart ?? {};
  if (counterpart.foreignRegionId) {
    return counterpart.foreignRegionId;
  }
  if (counterpart.institution) {
    return `${counterpart.institution.name} (${counterpart.institution.country})`;
  }
  return '';
}

function card(partnership) {
  const overdue = state.overdue.get(partnership.id) ?? [];
  const expiring = expiry(partnership);
  const classes = ['card'];
  if (overdue.length) {
    classes.push('overdue');
  }
  if (expiring) {
    classes.push('expiring');
  }
  return el(
    'article',
    {
      class: classes.join(' '),
      'data-partnership-id': partnership.id,
      'data-stage': partnership.stage,
      tabindex: 0,
      onclick: () => openDetail(partnership.id),
      onkeydown: (e) => e.key === 'Enter' && openDetail(partnership.id),
    },
    el('h3', {}, partnership.title),
    el('p', { class: 'parties' }, `${partnership.localRegionId} ↔ ${counterpartText(partnership)}`),
    el('p', { class: 'sectors' }, (partnership.prioritySectors ?? []).map(sectorName).join(', ')),
    overdue.length ? el('p', { class: 'badge badge-overdue' }, `${overdue.length} overdue`) : null,
    expiring
      ? el('p', { class: 'badge badge-expiring' }, expiring.days < 0 ? `expired ${dateText(expiring.expires)}` : `expires in ${expiring.days} d`)
      : null,
  );
}

function renderBoard() {
  const board = $('board');
  const columns = COLUMNS.map((column) => {
    const cards = [...state.partnerships.values()]
      .filter((p) => column.stages.includes(p.stage))
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(card);
    return el(
      'section',
      { class: 'column', 'data-stages': column.stages.join(' ') },
      el('h3', {}, column.title, el('span', { class: 'count' }, String(cards.length))),
      cards,
    );
  });
  board.replaceChildren(...columns);
}

function renderSummary(summary) {
  const total = (summary.countsByStage ?? []).reduce((sum, c) => sum + c.count, 0);
  $('summary').replaceChildren(
    el('div', { class: 'stat' }, el('strong', {}, String(total)), ' partnerships'),
    el('div', { class: 'stat stat-expiring', 'data-expiring-count': summary.expiringCount ?? 0 }, el('strong', {}, String(summary.expiringCount ?? 0)), ` expiring within ${summary.expiringWithinDays} days`),
    el('div', { class: 'stat stat-overdue', 'data-overdue-count': summary.reportsOverdueCount ?? 0 }, el('strong', {}, String(summary.reportsOverdueCount ?? 0)), ' reports overdue'),
    el('div', { class: 'stat sectors' }, (summary.countsBySector ?? []).map((s) => `${sectorName(s.sector)} ${s.count}`).join(' · ')),
  );
}

function renderAttention() {
  const items = [];
  for (const [id, list] of state.overdue) {
    const partnership = state.partnerships.get(id);
    for (const item of list) {
      items.push(el('li', { class: 'overdue', 'data-partnership-id': id },
        el('strong', {}, `${item.daysOverdue} d overdue`), ' ', item.description, partnership ? ` — ${partnership.title}` : ''));
    }
  }
  for (const partnership of state.partnerships.values()) {
    const expiring = expiry(partnership);
    if (expiring) {
      items.push(el('li', { class: 'expiring', 'data-partnership-id': partnership.id },
        el('strong', {}, expiring.days < 0 ? 'expired' : `${expiring.days} d left`), ` ${partnership.title} (until ${dateText(expiring.expires)})`));
    }
  }
  $('attention-list').replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, 'nothing overdue or expiring')]));
}

function addActivity(event, live) {
  const list = $('activity');
  const when = event.occurredAt ? new Date(event.occurredAt).toISOString().replace('T', ' ').slice(0, 19) : '';
  list.prepend(el('li', { class: live ? 'fresh' : '', 'data-cursor': event.cursor, 'data-partnership-id': event.partnershipId },
    el('span', { class: 'muted' }, when), ' ', el('strong', {}, eventName(event.eventType)), ' ', event.summary));
  while (list.children.length > MAX_ACTIVITY) {
    list.lastElementChild.remove();
  }
}

// ---- loading and the live feed ----------------------------------------------------------

async function loadOverdue(scope) {
  const overdue = new Map();
  for (const item of await api.overdue(scope)) {
    if (!overdue.has(item.partnershipId)) {
      overdue.set(item.partnershipId, []);
    }
    overdue.get(item.partnershipId).push(item);
  }
  return overdue;
}

async function loadScope(scope) {
  const generation = ++state.generation;
  state.feed?.stop();
  state.feed = null;
  state.scope = scope;
  state.openDetail = '';
  $('detail').hidden = true;
  document.body.dataset.boardReady = 'false';
  showError('');
  const url = new URL(window.location.href);
  url.searchParams.set('scope', scope);
  window.history.replaceState(null, '', url);
  try {
    const [summary, partnerships, overdue, region] = await Promise.all([
      api.summary(scope),
      api.partnerships(scope),
      loadOverdue(scope),
      regionOf(scope),
    ]);
    if (generation !== state.generation) {
      return;
    }
    $('scope-name').textContent = region ? region.nameEn || region.name : '';
    state.expiringWithinDays = summary.expiringWithinDays || 90;
    state.overdue = overdue;
    state.partnerships = new Map();
    for (const partnership of partnerships) {
      if (await inScope(partnership, scope)) {
        state.partnerships.set(partnership.id, partnership);
      }
    }
    renderSummary(summary);
    renderBoard();
    renderAttention();
    $('activity').replaceChildren();
    for (const event of [...(summary.recentActivity ?? [])].reverse()) {
      addActivity(event, false);
    }
    document.body.dataset.boardReady = 'true';
    startFeed(scope, summary.cursor, generation);
  } catch (error) {
    showError(error.status === 401 || error.status === 403 ? `Not allowed: ${error.message}. Sign in with a token for this scope.` : error.message);
  }
}

let refreshTimer = 0;
function refreshCountsSoon(scope, generation) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    try {
      const [summary, overdue] = await Promise.all([api.summary(scope), loadOverdue(scope)]);
      if (generation === state.generation) {
        state.overdue = overdue;
        renderSummary(summary);
        renderBoard();
        renderAttention();
      }
    } catch {
      // the next event refreshes again
    }
  }, 300);
}

async function onEvent(event, scope, generation) {
  addActivity(event, true);
  if (!event.partnershipId) {
    return;
  }
  try {
    const partnership = await api.partnership(event.partnershipId);
    if (generation !== state.generation || !(await inScope(partnership, scope))) {
      return;
    }
    state.partnerships.set(partnership.id, partnership);
    renderBoard();
    document.querySelector(`.card[data-partnership-id="${partnership.id}"]`)?.classList.add('fresh');
    if (state.openDetail === partnership.id) {
      openDetail(partnership.id);
    }
  } catch {
    // a partnership the token may not read: leave the board as it is
  }
  refreshCountsSoon(scope, generation);
}

function startFeed(scope, cursor, generation) {
  const badge = $('feed-state');
  state.feed = new Feed(scope, cursor, {
    onEvent: (event) => onEvent(event, scope, generation),
    onHeartbeat: (heartbeat) => {
      badge.title = `last heartbeat ${heartbeat.serverTime ?? ''}`;
    },
    onState: (feedState, detail) => {
      badge.dataset.state = feedState;
      badge.textContent = `feed: ${feedState}`;
      badge.title = detail ?? '';
      document.body.dataset.feed = feedState;
      if (feedState === 'signin') {
        showError(detail);
        $('token').focus();
      }
    },
  }).start();
}

// ---- partnership detail: timeline and joint programmes -----------------------------------

function timelineOf(partnership) {
  const entries = [];
  for (const meeting of partnership.meetings ?? []) {
    entries.push({
      kind: 'meeting',
      date: dateOf(meeting.date),
      title: `Meeting (${label(meeting.mode, 'MEETING_MODE_')})${meeting.place ? ` in ${meeting.place}` : ''}`,
      text: [meeting.summary, meeting.outcome].filter(Boolean).join(' — '),
    });
  }
  for (const document of partnership.documents ?? []) {
    const approval = /APPROVAL/.test(document.kind ?? '');
    entries.push({
      kind: approval ? 'approval' : 'document',
      date: dateOf(document.date),
      title: `${documentName(document.kind)}${document.number ? ` ${document.number}` : ''}`,
      text: document.title,
    });
  }
  for (const entry of partnership.history ?? []) {
    if (entry.eventType === 'PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED') {
      entries.push({
        kind: 'stage',
        date: entry.occurredAt ? new Date(entry.occurredAt) : null,
        title: `Stage ${stageName(entry.fromStage)} → ${stageName(entry.toStage)}`,
        text: [entry.note, entry.actor].filter(Boolean).join(' · '),
      });
    }
  }
  return entries.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
}

function programmeView(programme) {
  const due = dateOf(programme.nextReportDue);
  const late = due && due.getTime() < Date.now() && ['JOINT_PROGRAM_STATUS_ACTIVE', 'JOINT_PROGRAM_STATUS_PLANNED'].includes(programme.status);
  return el(
    'article',
    { class: `programme${late ? ' overdue' : ''}`, 'data-joint-program-id': programme.id },
    el('h4', {}, programme.title, ' ', el('span', { class: 'muted' }, `${sectorName(programme.sector)} · ${label(programme.status, 'JOINT_PROGRAM_STATUS_')}`)),
    due ? el('p', { class: late ? 'badge badge-overdue' : 'muted' }, `next report due ${dateText(due)}`) : null,
    (programme.indicators ?? []).length ? indicatorChart(programme.indicators) : el('p', { class: 'muted' }, 'no indicators'),
    (programme.milestones ?? []).length
      ? el('ul', { class: 'milestones' }, programme.milestones.map((m) => el('li', { class: m.completedDate ? 'done' : '' },
        `${m.title}: due ${dateText(dateOf(m.dueDate))}${m.completedDate ? `, done ${dateText(dateOf(m.completedDate))}` : ''}`)))
      : null,
  );
}

async function openDetail(id) {
  state.openDetail = id;
  const panel = $('detail');
  try {
    const [partnership, programmes] = await Promise.all([api.partnership(id), api.programmes(id)]);
    if (state.openDetail !== id || !(await inScope(partnership, state.scope))) {
      return;
    }
    const timeline = timelineOf(partnership);
    panel.replaceChildren(
      el('button', { class: 'close', type: 'button', onclick: () => { panel.hidden = true; state.openDetail = ''; } }, '×'),
      el('h2', {}, partnership.title),
      el('p', { class: 'muted' }, `${partnership.id} · ${stageName(partnership.stage)} · ${partnership.localRegionId} ↔ ${counterpartText(partnership)}`),
      el('h3', {}, 'Timeline'),
      el('ol', { class: 'timeline', 'data-partnership-id': id },
        timeline.map((entry) => el('li', { class: `timeline-${entry.kind}`, 'data-kind': entry.kind },
          el('time', {}, dateText(entry.date)), ' ', el('strong', {}, entry.title), entry.text ? el('div', {}, entry.text) : null))),
      el('h3', {}, 'Joint programmes'),
      ...(programmes.length ? programmes.map(programmeView) : [el('p', { class: 'muted' }, 'none yet')]),
    );
    panel.dataset.partnershipId = id;
    panel.hidden = false;
  } catch (error) {
    showError(error.message);
  }
}

// ---- region search ------------------------------------------------------------------------

async function search(query) {
  const results = $('search-results');
  try {
    const body = await api.searchRegions(query);
    const matches = body.matches ?? [];
    results.replaceChildren(
      el('p', { class: 'muted' }, matches.length ? `${matches.length} match${matches.length === 1 ? '' : 'es'}${body.ambiguous ? ': the name is ambiguous' : ''}` : 'no match'),
      el('div', { class: `namesakes${body.ambiguous ? ' ambiguous' : ''}` },
        matches.map((match) => el('article', { class: 'namesake', 'data-region-id': match.region?.id },
          el('h4', {}, match.displayName || match.region?.name),
          el('p', {}, `${match.region?.id} · ${match.region?.kind ?? ''} · ${match.region?.country ?? ''}`),
          el('p', { class: 'muted' }, (match.region?.ancestors ?? []).map((a) => a.nameEn || a.name).join(' › '))))),
    );
  } catch (error) {
    results.replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

// ---- start ----------------------------------------------------------------------------------

function start() {
  renderIdentity();
  const scope = initialScope();
  renderScopePicker(scope);
  $('scope').addEventListener('change', (e) => loadScope(e.target.value));
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setToken($('token').value);
    renderIdentity();
    const next = initialScope();
    renderScopePicker(next);
    loadScope(next);
  });
  $('sign-out').addEventListener('click', () => {
    setToken('');
    renderIdentity();
    renderScopePicker(state.scope);
    loadScope(initialScope());
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    search($('search-query').value.trim());
  });
  loadScope(scope);
}

start();
