import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { CHECKLIST, type ChecklistStep, isManuallyTickable } from '../commands/core/checklist.js';
import { createDateFormatter } from '../commands/core/format-date.js';
import { parseRoster } from '../commands/core/roster/parse-roster.js';
import { unitTimeZone } from '../commands/core/unit-time-zone.js';
import type { Database } from '../db/client.js';
import type { CampaignSettings } from '../db/queries/campaign.js';
import { saveEvent } from '../db/queries/events.js';
import { tickStep } from '../db/queries/steps.js';
import { listUnits } from '../db/queries/units.js';
import { importRoster } from '../db/roster/import-roster.js';
import type { UnitTimeZones } from '../db/schema.js';

export const DEMO_ROSTER_PATH = fileURLToPath(new URL('../db/demo/unidades-demo.csv', import.meta.url));
export const DEMO_ACTOR = 'demo';

// The memo's campaign ran 12–26 September: fifteen days. The demo keeps that length and starts the
// day after the database is created: `registrar … mañana` and `pasado mañana` (the README's
// walkthrough) fall inside it whatever the day, and the campaign's pinned tweet, due when the window
// opens, is not posted the moment a demo starts. The seeded sessions have done what was due before
// the demo began, so a new user is not greeted by a pile of overdue reminders; the next steps fall
// due as the demo's days pass.
const DAYS_UNTIL_DEMO_START = 1;
const DEMO_WINDOW_DAYS = 15;
const DEMO_TIME_ZONE = 'America/Guayaquil';

export function demoCampaignSettings(today: string): CampaignSettings {
  const start = addDays(new Date(`${today}T12:00:00Z`), DAYS_UNTIL_DEMO_START);
  const end = addDays(start, DEMO_WINDOW_DAYS - 1);
  return {
    name: 'Rendición de Cuentas (demostración)',
    timeZone: DEMO_TIME_ZONE,
    windowStart: format(start, 'yyyy-MM-dd'),
    windowEnd: format(end, 'yyyy-MM-dd'),
    hashtag: '#RendiciónDeCuentasDemo',
    websiteUrl: 'https://www.ejemplo.gob.ec/rendicion-de-cuentas',
    institutionalDomains: ['ejemplo.gob.ec'],
    youtubeChannelId: null,
    youtubePlaylistId: null,
    policyWords: [],
    institutionalLinks: [],
    language: 'es',
    // Galápagos keeps UTC−6: its two demo units show how a unit's own zone reads.
    unitTimeZones: { provinces: { Galápagos: 'Pacific/Galapagos' } },
    isDemo: true,
  };
}

const DEMO_PLATFORMS = ['zoom', 'teams', 'youtube', 'meet'] as const;
const DEMO_HOURS = [9, 10, 11, 15] as const;
const DEMO_QUESTIONS_EMAIL = 'preguntas@ejemplo.gob.ec';

/**
 * Loads the demo roster and registers every third unit's session across the window, with the
 * invitation already sent for some, so `estado` and `resumen` have something to show. Each session
 * has ticked the steps an officer could have ticked by hand before `at`; a session shows material or
 * a cultural segment only when the Directorate's approval is not yet due, since no approval was seeded.
 */
export function seedDemoCampaign(
  db: Database,
  campaign: { id: number; windowStart: string; timeZone: string; unitTimeZones: UnitTimeZones },
  at: Date,
): void {
  const { rows, problems } = parseRoster(readFileSync(DEMO_ROSTER_PATH, 'utf8'));
  if (problems.length)
    throw new Error(`The demo roster has ${problems.length} problems; fix db/demo/unidades-demo.csv.`);
  importRoster(db, { campaignId: campaign.id, rows, actor: DEMO_ACTOR, at });
  const start = new Date(`${campaign.windowStart}T12:00:00Z`);
  listUnits(db, campaign.id).forEach((unit, index) => {
    if (index % 3 !== 0) return;
    const day = format(addDays(start, (index / 3) % DEMO_WINDOW_DAYS), 'yyyy-MM-dd');
    // Each unit's hours are its own: 10:00 in Galápagos is 11:00 on the mainland.
    const dates = createDateFormatter('es', unitTimeZone(campaign, unit));
    const startsAt = dates.toInstant(day, DEMO_HOURS[index % DEMO_HOURS.length] ?? 10, 0);
    const approvalStillAhead = !isDueBy(approvalStep('video'), startsAt, at);
    const { event } = saveEvent(db, {
      campaignId: campaign.id,
      unit,
      details: {
        startsAt,
        platform: DEMO_PLATFORMS[index % DEMO_PLATFORMS.length] ?? 'zoom',
        room: null,
        questionsEmail: DEMO_QUESTIONS_EMAIL,
        // On the demo's institutional domain: a made-up meeting id on a real Zoom or Teams host would be someone's meeting.
        joinUrl: `https://www.ejemplo.gob.ec/rendicion-de-cuentas/en-vivo/${unit.code.toLowerCase()}`,
        expectedAttendance: null,
        showsVideo: approvalStillAhead && index % 2 === 0,
        showsPhotos: false,
        hasCulturalSegment: approvalStillAhead && index % 5 === 0,
      },
      actor: DEMO_ACTOR,
      at,
    });
    // `fecha` and `correo` are ticked by registration, as `registrar` does with a questions e-mail.
    const ticks = new Set(index % 6 === 0 ? ['fecha', 'correo', 'invitacion'] : ['fecha', 'correo']);
    for (const step of CHECKLIST) {
      if (isTickedByHand(step) && isDueBy(step, startsAt, at)) ticks.add(step.id);
    }
    for (const stepId of ticks) {
      tickStep(db, { eventId: event.id, stepId, actor: DEMO_ACTOR, at, unitCode: unit.code });
    }
  });
}

const HOUR_MS = 3_600_000;

function isDueBy(step: ChecklistStep, startsAt: Date, at: Date): boolean {
  return startsAt.getTime() + step.dueOffsetHours * HOUR_MS <= at.getTime();
}

/** Steps an officer ticks with `marcar`: not the ones that need the Directorate, evidence or a registration fact. */
function isTickedByHand(step: ChecklistStep): boolean {
  return isManuallyTickable(step) && !step.approvedByDirectorate && !step.provedBy && !step.condition;
}

function approvalStep(id: 'video'): ChecklistStep {
  const step = CHECKLIST.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`The checklist has no ${id} step.`);
  return step;
}
