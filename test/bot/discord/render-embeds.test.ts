import { describe, expect, it } from 'vitest';
import { escapeMarkdown, MAX_PAGES, renderDiscordMessages } from '../../../bot/discord/render-embeds.js';
import { progressBar } from '../../../bot/render/progress-bar.js';
import type { CommandReply, ReplyButton } from '../../../commands/core/types.js';

const idFor = (button: ReplyButton) => `rb:${button.actionId.length}`;
const notice = (hidden: number) => `… ${hidden} líneas más`;

function charactersOf(embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]) {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.fields ?? []).reduce((fieldSum, field) => fieldSum + field.name.length + field.value.length, 0),
    0,
  );
}

/** Discord's limits, checked on every page: the renderer must never produce a message Discord refuses. */
function expectWithinDiscordLimits(pages: ReturnType<typeof renderDiscordMessages>) {
  for (const page of pages) {
    expect(page.embeds.length).toBeGreaterThan(0);
    expect(page.embeds.length).toBeLessThanOrEqual(10);
    expect(charactersOf(page.embeds)).toBeLessThanOrEqual(6000);
    for (const embed of page.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.name.length).toBeLessThanOrEqual(256);
        expect(field.value.length).toBeGreaterThan(0);
        expect(field.value.length).toBeLessThanOrEqual(1024);
      }
    }
    expect(page.components.length).toBeLessThanOrEqual(5);
    for (const row of page.components) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const button of row.components) {
        expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
        expect(button.custom_id.length).toBeLessThanOrEqual(100);
      }
    }
  }
}

describe('renderDiscordMessages', () => {
  it('renders title, colour by tone, text, inline fields and a progress bar in one embed', () => {
    const [page] = renderDiscordMessages(
      {
        visibility: 'private',
        tone: 'success',
        title: 'PIC-DP registrada',
        blocks: [
          { type: 'text', text: 'Quedó registrada.' },
          { type: 'progress', label: 'Checklist', done: 5, total: 20 },
          { type: 'fields', fields: [{ label: 'Plataforma', value: 'Zoom' }] },
        ],
      },
      idFor,
      notice,
    );
    expect(page?.embeds).toEqual([
      {
        color: 0x2e7d32,
        title: 'PIC-DP registrada',
        description: `Quedó registrada.\n\`${progressBar(5, 20)}\`  Checklist (5/20)`,
        fields: [{ name: 'Plataforma', value: 'Zoom', inline: true }],
      },
    ]);
  });

  it('marks errors and warnings in the title and colours them red and amber', () => {
    const render = (tone: CommandReply['tone']) =>
      renderDiscordMessages({ visibility: 'private', tone, title: 'T', blocks: [] }, idFor, notice)[0]?.embeds[0];
    expect(render('error')).toMatchObject({ title: '✖ T', color: 0xc62828 });
    expect(render('warning')).toMatchObject({ title: '⚠️ T', color: 0xf9a825 });
  });

  it('pages a reply longer than one message, keeping every line in order, within Discord limits', () => {
    const items = Array.from(
      { length: 400 },
      (_, index) => `Unidad ${String(index).padStart(3, '0')} · ${'x'.repeat(30)}`,
    );
    const pages = renderDiscordMessages(
      { visibility: 'public', tone: 'info', title: 'Todo', blocks: [{ type: 'list', items }] },
      idFor,
      notice,
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
    expectWithinDiscordLimits(pages);
    const lines = pages.flatMap((page) => page.embeds.flatMap((embed) => embed.description?.split('\n') ?? []));
    expect(lines).toEqual(items.map((item) => `• ${item}`));
  });

  it('past the last page, says how many lines it left out instead of failing', () => {
    const items = Array.from({ length: 3000 }, (_, index) => `Línea ${index} ${'y'.repeat(40)}`);
    const pages = renderDiscordMessages(
      { visibility: 'public', tone: 'info', blocks: [{ type: 'list', items }] },
      idFor,
      notice,
    );
    expect(pages).toHaveLength(MAX_PAGES);
    expectWithinDiscordLimits(pages);
    const shown = pages.flatMap((page) => page.embeds.flatMap((embed) => embed.description?.split('\n') ?? []));
    const last = shown.at(-1) ?? '';
    const hidden = Number(/… (\d+) líneas más/.exec(last)?.[1]);
    expect(shown.length - 1 + hidden).toBe(items.length);
  });

  it('keeps huge fields, long titles and many buttons inside the limits, buttons on the last page only', () => {
    const buttons: ReplyButton[] = Array.from({ length: 40 }, (_, index) => ({
      label: `Botón ${index} ${'z'.repeat(100)}`,
      actionId: `accion-${index}`,
      payload: 'x'.repeat(3000),
    }));
    const pages = renderDiscordMessages(
      {
        visibility: 'public',
        tone: 'info',
        title: 'T'.repeat(1000),
        blocks: [
          {
            type: 'fields',
            fields: Array.from({ length: 60 }, (_, index) => ({ label: '', value: `v${index}`.repeat(600) })),
          },
          { type: 'text', text: 'w'.repeat(10_000) },
        ],
        buttons,
      },
      idFor,
      notice,
    );
    expectWithinDiscordLimits(pages);
    expect(pages.slice(0, -1).every((page) => page.components.length === 0)).toBe(true);
    expect(pages.at(-1)?.components.flatMap((row) => row.components)).toHaveLength(25);
  });

  it('never pings: every message carries allowed_mentions with nothing to parse', () => {
    const pages = renderDiscordMessages(
      { visibility: 'public', tone: 'info', blocks: [{ type: 'text', text: '@everyone @here <@&1> <@!2>' }] },
      idFor,
      notice,
    );
    expect(pages.every((page) => JSON.stringify(page.allowedMentions) === '{"parse":[]}')).toBe(true);
  });
});

describe('escapeMarkdown', () => {
  it("shows users' markdown as typed, keeps links whole and our code spans", () => {
    expect(escapeMarkdown('**negrita** _x_ ~~y~~ ||z||')).toBe(
      '\\*\\*negrita\\*\\* \\_x\\_ \\~\\~y\\~\\~ \\|\\|z\\|\\|',
    );
    expect(escapeMarkdown('# título')).toBe('\\# título');
    expect(escapeMarkdown('> cita')).toBe('\\> cita');
    expect(escapeMarkdown('Solicitud #1')).toBe('Solicitud #1');
    expect(escapeMarkdown('ver https://youtu.be/a_b_c y `marcar`')).toBe('ver https://youtu.be/a_b_c y `marcar`');
  });

  it('shows a Discord user id as a mention, which names the person in an embed', () => {
    expect(escapeMarkdown('Aprobada por 500000000000000003 el lunes')).toBe(
      'Aprobada por <@500000000000000003> el lunes',
    );
    expect(escapeMarkdown('https://x.com/i/status/1234567890123456789')).toBe(
      'https://x.com/i/status/1234567890123456789',
    );
    expect(escapeMarkdown('asistentes: 120')).toBe('asistentes: 120');
  });
});
