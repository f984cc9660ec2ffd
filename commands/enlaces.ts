import { listEventsWithUnits } from '../db/queries/events.js';
import { listUnits } from '../db/queries/units.js';
import { listCurrentLinks } from '../db/queries/youtube-links.js';
import { refuseExtraPositionals } from './core/arguments.js';
import { closestMatch } from './core/closest-match.js';
import { fail } from './core/errors.js';
import { normalizeWord } from './core/text.js';
import type { CommandDefinition } from './core/types.js';

export const enlaces: CommandDefinition = {
  name: 'enlaces',
  aliases: ['links'],
  role: 'anyone',
  writes: false,
  run(ctx, args) {
    refuseExtraPositionals(enlaces, args, 1);
    const { t } = ctx;
    const scope = args.positionals[0];
    let units = listUnits(ctx.deps.db, ctx.campaign.id);
    if (scope !== undefined) {
      const provinces = [...new Set(units.map((unit) => unit.province))];
      const province = provinces.find((name) => normalizeWord(name) === normalizeWord(scope));
      if (!province) fail('scope_not_found', { input: scope, suggestion: closestMatch(scope, provinces) });
      units = units.filter((unit) => unit.province === province);
    }
    const eventByUnit = new Map(
      listEventsWithUnits(ctx.deps.db, ctx.campaign.id).map(({ event }) => [event.unitId, event.id]),
    );
    const links = listCurrentLinks(ctx.deps.db, ctx.campaign.id);
    const lines = units.map((unit) => {
      const eventId = eventByUnit.get(unit.id);
      const link = eventId === undefined ? undefined : links.get(eventId);
      return link
        ? t.youtube.linkLine(unit.code, unit.name, link.url, t.youtube.states[link.verification] ?? link.verification)
        : t.youtube.missingLine(unit.code, unit.name);
    });
    const reported = units.filter((unit) => {
      const eventId = eventByUnit.get(unit.id);
      return eventId !== undefined && links.has(eventId);
    }).length;
    return {
      visibility: 'private',
      tone: 'info',
      title: t.youtube.listTitle(scope === undefined ? t.youtube.all : (units[0]?.province ?? scope)),
      blocks: [
        { type: 'progress', label: t.youtube.counted(reported, units.length), done: reported, total: units.length },
        { type: 'list', items: lines },
      ],
    };
  },
};
