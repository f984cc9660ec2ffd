import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../commands/core/clock.js';
import { messagesFor } from '../../commands/core/i18n/catalogue.js';
import type { Locale } from '../../commands/core/types.js';
import type { Database } from '../../db/client.js';
import { getCampaign } from '../../db/queries/campaign.js';
import { databaseVersion } from '../../db/queries/changes.js';
import { AGENDA_STYLE_HASH, renderAgendaPage } from './agenda-html.js';
import { renderAgendaCalendar } from './agenda-ics.js';
import { renderAgendaJson } from './agenda-json.js';
import { type AgendaData, filterSessions, findProvince, loadAgenda, nextBoundary } from './agenda-model.js';

export const AGENDA_PATHS = ['/agenda', '/agenda.ics', '/agenda.json'] as const;
type AgendaPath = (typeof AGENDA_PATHS)[number];

/** Citizens' browsers and calendar apps may keep a copy this long, then ask again (and get a 304). */
const MAX_AGE_SECONDS = 60;

interface Rendered {
  status: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
}

interface Snapshot {
  version: string;
  /** What the agenda shows changes at this instant without any write: a session starts or ends. */
  validUntil: number;
  data: AgendaData;
  /** The data as of the last change people can see (a write that changed nothing public keeps it). */
  fingerprint: string;
  lastModified: Date;
  rendered: Map<string, Rendered>;
}

export interface AgendaSite {
  /** Answers a request for one of AGENDA_PATHS; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * The public agenda, built once per database change and kept in memory: a burst of citizens after
 * a tweet is served from the copy. Each request asks SQLite only whether anything was committed
 * (`data_version`, a counter it keeps in memory, no table read); the sessions are read again only
 * when that moved or when a session starts or ends, and each page, calendar and JSON is rendered
 * once per such change.
 */
export function createAgendaSite(input: {
  db: Database;
  clock: Clock;
  locale: Locale;
  /** AGENDA_PUBLIC_URL: the address citizens use, behind the institution's proxy. */
  publicUrl?: string;
}): AgendaSite {
  const { db, clock, locale } = input;
  const t = messagesFor(locale, { unitCode: '', date: '' });
  let snapshot: Snapshot | undefined;

  function current(now: Date): Snapshot {
    const version = databaseVersion(db);
    if (snapshot && snapshot.version === version && now.getTime() < snapshot.validUntil) return snapshot;
    const data = loadAgenda(db, getCampaign(db));
    const fingerprint = JSON.stringify(data);
    // A write that changed nothing public keeps the date (HTTP dates have whole seconds); a session
    // starting or ending changes the page ("En vivo") without a write, so it moves the date too.
    const lastModified =
      snapshot && snapshot.fingerprint === fingerprint && now.getTime() < snapshot.validUntil
        ? snapshot.lastModified
        : new Date(Math.floor(now.getTime() / 1000) * 1000);
    snapshot = { version, validUntil: nextBoundary(data, now), data, fingerprint, lastModified, rendered: new Map() };
    return snapshot;
  }

  function render(
    path: AgendaPath,
    params: URLSearchParams,
    state: Snapshot,
    now: Date,
  ): { key?: string; build: () => Rendered } {
    const typed = params.get('provincia') ?? undefined;
    const province = typed === undefined || typed.trim() === '' ? undefined : findProvince(state.data, typed);
    const unknownProvince = typed?.trim() && !province ? typed : undefined;
    const unitCode = params.get('unidad')?.trim().toUpperCase() || undefined;
    const embed = params.get('embed') === '1';
    const sessions = unknownProvince ? [] : filterSessions(state.data, { province, unitCode });
    const knownUnit = unitCode === undefined || state.data.sessions.some((session) => session.unitCode === unitCode);
    const status = unknownProvince || !knownUnit ? 404 : 200;
    // Only the values the campaign has are cached: a made-up ?provincia= must not grow the cache.
    const key = status === 200 ? `${path}|${province ?? ''}|${unitCode ?? ''}|${embed ? 1 : 0}` : undefined;
    const build = (): Rendered => {
      if (path === '/agenda.ics') {
        return finish(
          status,
          'text/calendar; charset=utf-8',
          renderAgendaCalendar(state.data, sessions, {
            t,
            stamp: state.lastModified,
            publicUrl: input.publicUrl,
          }),
          { 'content-disposition': 'inline; filename="agenda.ics"' },
        );
      }
      if (path === '/agenda.json') {
        return finish(
          status,
          'application/json; charset=utf-8',
          renderAgendaJson(state.data, sessions, {
            t,
            now,
            updatedAt: state.lastModified,
            province,
          }),
          { 'access-control-allow-origin': '*' },
        );
      }
      const html = renderAgendaPage(state.data, sessions, { province, unknownProvince, embed }, { t, locale, now });
      return finish(status, 'text/html; charset=utf-8', html, {
        'content-security-policy': pagePolicy(state.data.institutionalDomains, embed),
        'referrer-policy': 'no-referrer',
      });
    };
    return { key, build };
  }

  function finish(status: number, contentType: string, text: string, extra: Record<string, string>): Rendered {
    const body = Buffer.from(text, 'utf8');
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    return {
      status,
      body,
      etag,
      headers: {
        'content-type': contentType,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        ...extra,
      },
    };
  }

  return {
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://agenda.invalid');
      const path = AGENDA_PATHS.find((candidate) => candidate === url.pathname.replace(/\/$/, ''));
      if (!path) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('GET, HEAD');
        return true;
      }
      const now = clock.now();
      let state: Snapshot;
      try {
        state = current(now);
      } catch {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' }).end('503');
        return true;
      }
      const { key, build } = render(path, url.searchParams, state, now);
      let rendered = key ? state.rendered.get(key) : undefined;
      if (!rendered) {
        rendered = build();
        if (key) state.rendered.set(key, rendered);
      }
      const headers = {
        ...rendered.headers,
        etag: rendered.etag,
        'last-modified': state.lastModified.toUTCString(),
        'cache-control': `public, max-age=${MAX_AGE_SECONDS}`,
      };
      if (rendered.status === 200 && isFresh(req, rendered.etag, state.lastModified)) {
        res.writeHead(304, headers).end();
        return true;
      }
      res.writeHead(rendered.status, { ...headers, 'content-length': String(rendered.body.length) });
      res.end(req.method === 'HEAD' ? undefined : rendered.body);
      return true;
    },
  };
}

/** RFC 9110: If-None-Match wins over If-Modified-Since when both come. */
function isFresh(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === etag || tag === '*');
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && lastModified.getTime() <= sinceTime;
}

/**
 * The page runs no script at all, and says so: only its one inline style (by hash) may apply. Only
 * the campaign's institutional sites may put `?embed=1` in an <iframe>; the full page, nobody.
 */
function pagePolicy(domains: readonly string[], embed: boolean): string {
  const ancestors =
    embed && domains.length
      ? domains.flatMap((domain) => [`https://${domain}`, `https://*.${domain}`]).join(' ')
      : "'none'";
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${AGENDA_STYLE_HASH}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}
