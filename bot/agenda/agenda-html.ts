import { createHash } from 'node:crypto';
import { createDateFormatter } from '../../commands/core/format-date.js';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import type { MeetingPlatform } from '../../commands/core/parse-values.js';
import type { Locale } from '../../commands/core/types.js';
import { type AgendaData, type AgendaSession, isLive } from './agenda-model.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value that reaches the page goes through here, in text and in attributes alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

// Colours checked for WCAG AA contrast on white (links 7.0:1, muted text 7.4:1, the live badge 6.5:1).
export const AGENDA_STYLE = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:48rem;padding:1rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
a{color:#0a4fa8}
a:focus-visible{outline:3px solid #9a3412;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #d0d7de}
h3{font-size:1.1rem;margin:0 0 .25rem}
.muted{color:#4a4a4a}
.provinces{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.provinces a{display:inline-block;padding:.25rem 0}
.provinces a[aria-current]{font-weight:700;color:#1b1b1b}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:1rem 0}
.session{border:1px solid #d0d7de;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
.session.live{border:2px solid #b91c1c}
.badge{display:inline-block;background:#b91c1c;color:#fff;font-weight:700;border-radius:.25rem;padding:0 .4rem;margin-left:.5rem;font-size:.9rem}
dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.15rem .75rem;margin:.5rem 0}
dt{font-weight:600}
dd{margin:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:2rem;font-size:.9rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.35rem}}
`.trim();

/** For the Content-Security-Policy: the one inline style the page has, by hash; nothing else runs. */
export const AGENDA_STYLE_HASH = `'sha256-${createHash('sha256').update(AGENDA_STYLE).digest('base64')}'`;

export interface PageRequest {
  province?: string;
  /** What was typed in `?provincia=` when it names no province. */
  unknownProvince?: string;
  embed: boolean;
}

const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

export function renderAgendaPage(
  data: AgendaData,
  sessions: AgendaSession[],
  page: PageRequest,
  context: { t: Messages; locale: Locale; now: Date },
): string {
  const { t, locale, now } = context;
  const a = t.agenda;
  const dates = createDateFormatter(locale, data.campaign.timeZone);
  const dayHeading = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'es-EC', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: data.campaign.timeZone,
  });
  const embed = page.embed ? '1' : undefined;
  // In an <iframe>, links that leave the agenda open outside it.
  const away = page.embed ? ' target="_blank" rel="noopener"' : '';
  const link = (href: string, text: string, extra = '') => `<a href="${escapeHtml(href)}"${extra}>${text}</a>`;

  const provinceLinks = [
    `<li>${link(`agenda${query({ embed })}`, escapeHtml(a.allProvinces), page.province ? '' : ' aria-current="page"')}</li>`,
    ...data.provinces.map(
      (province) =>
        `<li>${link(
          `agenda${query({ provincia: province, embed })}`,
          escapeHtml(province),
          province === page.province ? ' aria-current="page"' : '',
        )}</li>`,
    ),
  ].join('');

  const calendarAll = link('agenda.ics', escapeHtml(a.addAllToCalendar));
  const calendarProvince = page.province
    ? link(`agenda.ics${query({ provincia: page.province })}`, escapeHtml(a.addProvinceToCalendar(page.province)))
    : '';
  const openData = link(`agenda.json${query({ provincia: page.province })}`, escapeHtml(a.openData));

  const byDay = new Map<string, AgendaSession[]>();
  for (const session of sessions) {
    const day = dates.toLocalDate(session.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  const days = [...byDay.entries()].map(([day, daySessions]) => {
    const heading = dayHeading.format(daySessions[0]?.startsAt ?? new Date(`${day}T12:00:00Z`));
    const capitalised = heading.charAt(0).toLocaleUpperCase(locale) + heading.slice(1);
    return `<section aria-labelledby="d-${day}"><h2 id="d-${day}">${escapeHtml(capitalised)}</h2>${daySessions
      .map((session, index) => renderSession(session, `${day}-${index}`))
      .join('')}</section>`;
  });

  function renderSession(session: AgendaSession, id: string): string {
    const live = isLive(session, now);
    const unit = escapeHtml(session.unitName);
    const time = dates.time(session.startsAt);
    const rows: [string, string][] = [
      [a.time, `<time datetime="${session.startsAt.toISOString()}">${escapeHtml(time)}</time>`],
      [a.unit, `${unit} <span class="muted">(${escapeHtml(session.unitCode)})</span>`],
      [a.province, escapeHtml(session.province)],
      [a.platform, escapeHtml(t.platforms[session.platform as MeetingPlatform] ?? session.platform)],
      ...(session.room ? [[a.room, escapeHtml(session.room)] as [string, string]] : []),
      [
        a.join,
        session.joinUrl
          ? link(session.joinUrl, `${escapeHtml(a.joinLink)}<span class="visually-hidden">: ${unit}</span>`, away)
          : escapeHtml(a.joinLater),
      ],
    ];
    if (session.questionsEmail) {
      rows.push([a.questions, link(`mailto:${session.questionsEmail}`, escapeHtml(session.questionsEmail))]);
    }
    if (session.recordingUrl) {
      rows.push([
        a.recording,
        link(
          session.recordingUrl,
          `${escapeHtml(a.recordingLink)}<span class="visually-hidden">: ${unit}</span>`,
          away,
        ),
      ]);
    }
    if (session.presentationUrl) {
      rows.push([
        a.presentation,
        link(
          session.presentationUrl,
          `${escapeHtml(a.presentationLink)}<span class="visually-hidden">: ${unit}</span>`,
          away,
        ),
      ]);
    }
    const badge = live ? `<strong class="badge">${escapeHtml(a.live)}</strong>` : '';
    return `<article class="session${live ? ' live' : ''}" aria-labelledby="s-${id}"><h3 id="s-${id}">${escapeHtml(
      time,
    )} · ${unit}${badge}</h3><dl>${rows
      .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`)
      .join('')}</dl><p>${link(
      `agenda.ics${query({ unidad: session.unitCode })}`,
      `${escapeHtml(a.addToCalendar)}<span class="visually-hidden">: ${unit}</span>`,
    )}</p></article>`;
  }

  const title = page.province
    ? `${a.sessionsOf(page.province)} · ${a.title(data.campaign.name)}`
    : a.title(data.campaign.name);
  const notice = page.unknownProvince
    ? `<p role="status"><strong>${escapeHtml(a.unknownProvince(page.unknownProvince))}</strong></p>`
    : '';
  const empty = sessions.length === 0 && !page.unknownProvince ? `<p>${escapeHtml(a.noSessions)}</p>` : '';
  const header = page.embed
    ? ''
    : `<header><h1>${escapeHtml(a.title(data.campaign.name))}</h1><p>${escapeHtml(a.intro)}</p></header>`;
  const footer = page.embed ? '' : `<footer class="muted"><p>${escapeHtml(a.footer)}</p></footer>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${AGENDA_STYLE}</style>
</head>
<body>
<a class="skip" href="#sesiones">${escapeHtml(a.skipToSessions)}</a>
${header}
<nav aria-label="${escapeHtml(a.provincesHeading)}"><h2>${escapeHtml(a.provincesHeading)}</h2><ul class="provinces">${provinceLinks}</ul></nav>
<main id="sesiones">
${page.province ? `<h2>${escapeHtml(a.sessionsOf(page.province))}</h2>` : ''}${notice}
<p class="muted">${escapeHtml(a.timesIn(data.campaign.timeZone))}</p>
<p class="actions">${calendarProvince}${calendarAll}${openData}</p>
${empty}${days.join('\n')}
</main>
${footer}
</body>
</html>
`;
}
