// Calls to the JSON (google.api.http) face of the collab.v1 API, from the page's own origin.
// Every call carries the signed-in token as a bearer token; without one the server answers
// UNAUTHENTICATED (401) and the page asks for a token.

const TOKEN_KEY = 'collab.token';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

// The claims of a JWT, decoded for display and for limiting the scope picker only; the server
// checks the signature and enforces the scope.
export function claims(jwt) {
  const parts = (jwt ?? '').split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

// True when the stored token's exp has passed (by this browser's clock): the server would refuse
// it, so the user must sign in again rather than the page retrying with it.
export function tokenExpired(jwt = token()) {
  const exp = claims(jwt)?.exp;
  return typeof exp === 'number' && exp * 1000 <= Date.now();
}

export function headers() {
  const result = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) {
    result.Authorization = `Bearer ${bearer}`;
  }
  return result;
}

function url(path, query) {
  const target = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      target.searchParams.append(key, String(item));
    }
  }
  return target;
}

async function failure(response) {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body?.message) {
      message = body.message;
    }
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, message);
}

export async function getJson(path, query, signal) {
  const response = await fetch(url(path, query), { headers: headers(), signal });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

// Every page of a list call, up to a bound so that a huge scope cannot hang the page.
export async function listAll(path, query, field, maxPages = 20) {
  const items = [];
  let pageToken = '';
  for (let page = 0; page < maxPages; page++) {
    const body = await getJson(path, { ...query, pageSize: 100, pageToken });
    items.push(...(body[field] ?? []));
    pageToken = body.nextPageToken ?? '';
    if (!pageToken) {
      break;
    }
  }
  return items;
}

export const api = {
  region: (id) => getJson(`/v1/regions/${encodeURIComponent(id)}`).then((b) => b.region),
  searchRegions: (query) => getJson('/v1/regions:search', { query }),
  summary: (scope) => getJson(`/v1/jurisdictions/${encodeURIComponent(scope)}/dashboardSummary`, { recentActivityLimit: 20 }),
  overdue: (scope) => listAll(`/v1/jurisdictions/${encodeURIComponent(scope)}/overdueItems`, {}, 'items'),
  partnerships: (scope) => listAll('/v1/partnerships', { facilitatorId: scope, view: 'PARTNERSHIP_VIEW_BASIC' }, 'partnerships'),
  partnership: (id) => getJson(`/v1/partnerships/${encodeURIComponent(id)}`).then((b) => b.partnership),
  programmes: (partnershipId) => listAll('/v1/jointPrograms', { partnershipId }, 'jointPrograms'),
};
