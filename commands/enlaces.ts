import { listEventsWithUnits } from '../db/queries/events.js';
import { listDeclaredEventIds } from '../db/queries/steps.js';
import { listUnits } from '../db/queries/units.js';
import { COUNTING_STATES, listCurrentLinks } from '../db/queries/youtube-links.js';
import { isOneOf, refuseExtraPositionals } from './core/arguments.js';
import { closestMatch } from './core/closest-match.js';
import { fail } from './core/errors.js';
import { checkPageExists, linesAfter, pageCount, pageFromInput } from './core/paging.js';
import { normalizeWord } from './core/text.js';
import type { CommandDefinition, ReplyBlock } from './core/types.js';
import { refusalReason } from './core/youtube/refusal-reason.js';

/** Province names as a Spanish reader orders them: Cañar before Carchi, Los Ríos among the L. */
const compareSpanish = new Intl.Collator('es').compare;

export const enlaces: CommandDefinition = {
  name: 'enlaces',
  aliases: ['links'],
  role: 'anyone',
  writes: false,
  run(ctx, args) {
    const { t } = ctx;
    // `enlaces 2` is a page of the whole campaign; `enlaces Pichincha 2`, a page of one province.
    const [first, second] = args.positionals;
    const firstIsPage = first !== undefined && second === undefined && /^\d+$/.test(first.trim());
    // `todo` names the whole campaign, so a page of it reads the same on Discord (`provincia:todo pagina:2`).
    const scope = firstIsPage || (first !== undefined && isOneOf(first, ['todo', 'todas', 'all'])) ? undefined : first;
    const pageWord = firstIsPage ? first : second;
    if (pageWord !== undefined && !/^\d+$/.test(pageWord.trim())) {
      fail('too_many_arguments', { command: enlaces.name, extra: pageWord });
    }
    refuseExtraPositionals(enlaces, args, 2);
    const page = pageFromInput(pageWord);
    let units = listUnits(ctx.deps.db, ctx.campaign.id);
    let province: string | undefined;
    if (scope !== undefined) {
      const provinces = [...new Set(units.map((unit) => unit.province))];
      province = provinces.find((name) => normalizeWord(name) === normalizeWord(scope));
      if (!province) fail('scope_not_found', { input: scope, suggestion: closestMatch(scope, provinces) });
      units = units.filter((unit) => unit.province === province);
    }
    units = [...units].sort((a, b) => compareSpanish(a.province, b.province) || compareSpanish(a.code, b.code));
    checkPageExists(page, units.length);
    const eventByUnit = new Map(
      listEventsWithUnits(ctx.deps.db, ctx.campaign.id).map(({ event }) => [event.unitId, event.id]),
    );
    const links = listCurrentLinks(ctx.deps.db, ctx.campaign.id);
    const declared = listDeclaredEventIds(ctx.deps.db, ctx.campaign.id, 'youtube');
    const stateOf = (unitId: number) => {
      const eventId = eventByUnit.get(unitId);
      if (eventId === undefined) return { kind: 'missing' as const };
      const link = links.get(eventId);
      if (link && COUNTING_STATES.includes(link.verification)) return { kind: 'counted' as const, link };
      if (declared.has(eventId)) return { kind: 'declared' as const };
      if (link) return { kind: link.verification === 'refused' ? ('refused' as const) : ('checking' as const), link };
      return { kind: 'missing' as const };
    };
    const states = units.map((unit) => ({ unit, state: stateOf(unit.id) }));
    const reported = states.filter(({ state }) => state.kind === 'counted').length;
    const declaredCount = states.filter(({ state }) => state.kind === 'declared').length;
    const lines = states.slice(page.offset, page.offset + page.limit).map(({ unit, state }) => {
      switch (state.kind) {
        case 'counted':
        case 'checking':
          return t.youtube.linkLine(
            unit.code,
            unit.name,
            state.link.url,
            t.youtube.states[state.link.verification] ?? state.link.verification,
          );
        case 'refused':
          return t.youtube.refusedLine(unit.code, unit.name, state.link.url, refusalReason(t, state.link.problem));
        case 'declared':
          return t.youtube.declaredLine(unit.code, unit.name);
        default:
          return t.youtube.missingLine(unit.code, unit.name);
      }
    });
    const more = linesAfter(page, units.length);
    if (more > 0) lines.push(t.youtube.moreLinks(more, t.youtube.pageCommand(province, page.number + 1)));
    const blocks: ReplyBlock[] = [
      {
        type: 'progress',
        label: t.youtube.counted(reported, units.length, declaredCount),
        done: reported,
        total: units.length,
      },
    ];
    if (page.number > 1) {
      const shown = Math.min(page.limit, units.length - page.offset);
      blocks.push({
        type: 'context',
        text: t.pageNotice(page.number, pageCount(units.length), page.offset + 1, page.offset + shown, units.length),
      });
    }
    blocks.push({ type: 'list', items: lines });
    return {
      visibility: 'private',
      tone: 'info',
      title: t.youtube.listTitle(province ?? t.youtube.all),
      blocks,
    };
  },
};
