import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { CommandReply, ReplyBlock, ReplyButton } from '../../commands/core/types.js';
import { progressBar } from '../render/progress-bar.js';
import { withDiscordExamples } from './discord-syntax.js';

// Discord's published limits (developer docs, "Embed Limits" and "Component Reference"): 256
// characters per title, 4096 per description, 25 fields per embed (256 per name, 1024 per value),
// 10 embeds and 6000 characters of embed text per message, 5 rows of 5 buttons, 80 per label,
// 100 per custom id.
const MAX_TITLE = 256;
const MAX_DESCRIPTION = 4096;
const MAX_FIELDS = 25;
const MAX_FIELD_NAME = 256;
const MAX_FIELD_VALUE = 1024;
const MAX_EMBEDS = 10;
const MAX_MESSAGE_CHARACTERS = 6000;
const MAX_BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
const MAX_BUTTON_LABEL = 80;
/** A reply longer than this many messages keeps its first pages and says what it left out. */
export const MAX_PAGES = 5;

const TONE_COLOURS: Record<CommandReply['tone'], number> = {
  info: 0x1f6feb,
  success: 0x2e7d32,
  warning: 0xf9a825,
  error: 0xc62828,
};
const TONE_MARKS: Record<CommandReply['tone'], string> = { info: '', success: '', warning: '⚠️ ', error: '✖ ' };

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Never ping anyone: text typed by users (`@everyone`, `<@id>`) is shown, not announced. */
  allowedMentions: { parse: [] };
}

/** Gives a button the custom id Discord will send back when it is pressed (`rb:<stored id>`). */
export type ButtonIdFor = (button: ReplyButton) => string;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Discord markdown would read `*`, `_`, `~`, `|` typed by users, and `#` or `>` starting a line;
 * backticks are ours.
 * Links and code spans are left as they are (an escaped `_` inside a URL would break it), and
 * examples of typed commands become Discord's option form.
 */
export function escapeMarkdown(text: string): string {
  return withDiscordExamples(text)
    .split(/(https?:\/\/\S+|`[^`\n]*`)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : // A person named by their Discord id shows as their name (a mention in an embed pings no one).
          part
            .replace(/([*_~|\\])/g, '\\$1')
            // Headings, quotes and small print only start a line.
            .replace(/^(\s*)(-#|#{1,3}|>)/, '$1\\$2')
            .replace(/(?<![\d<@&#:/])(\d{17,20})(?!\d)/g, '<@$1>'),
    )
    .join('');
}

type Piece = { kind: 'line'; text: string } | { kind: 'field'; field: APIEmbedField };

function piecesOf(block: ReplyBlock): Piece[] {
  const line = (text: string): Piece => ({ kind: 'line', text: truncate(text, MAX_DESCRIPTION) });
  switch (block.type) {
    case 'text':
      return block.text.split('\n').map((text) => line(escapeMarkdown(text)));
    case 'context':
      return [line(`-# ${escapeMarkdown(block.text).replace(/\n/g, ' ')}`)];
    case 'progress':
      return [
        line(
          `\`${progressBar(block.done, block.total)}\`  ${escapeMarkdown(block.label)} (${block.done}/${block.total})`,
        ),
      ];
    case 'list':
      return [
        ...(block.heading ? [line(`**${escapeMarkdown(block.heading)}**`)] : []),
        ...block.items.map((item) => line(`• ${escapeMarkdown(item)}`)),
      ];
    case 'fields':
      return block.fields.map((field) => ({
        kind: 'field',
        field: {
          name: truncate(field.label || '—', MAX_FIELD_NAME),
          // Discord refuses an empty field value.
          value: truncate(escapeMarkdown(field.value) || '—', MAX_FIELD_VALUE),
          inline: true,
        },
      }));
  }
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Packs the reply's lines and field groups into embeds, in order, each within Discord's limits. */
function buildEmbeds(reply: CommandReply): APIEmbed[] {
  const colour = TONE_COLOURS[reply.tone];
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { color: colour };
  if (reply.title) current.title = truncate(`${TONE_MARKS[reply.tone]}${reply.title}`, MAX_TITLE);
  const fresh = () => {
    if (current.description || current.fields?.length || current.title) embeds.push(current);
    current = { color: colour };
  };
  for (const piece of reply.blocks.flatMap(piecesOf)) {
    if (piece.kind === 'field') {
      const fields = current.fields ?? [];
      const size = piece.field.name.length + piece.field.value.length;
      if (fields.length === MAX_FIELDS || embedLength(current) + size > MAX_MESSAGE_CHARACTERS) fresh();
      current.fields = [...(current.fields ?? []), piece.field];
      continue;
    }
    // Fields show below the description, so a line after them starts the next embed.
    if (current.fields?.length) fresh();
    const description = current.description ? `${current.description}\n${piece.text}` : piece.text;
    if (description.length > MAX_DESCRIPTION || embedLength(current) + piece.text.length + 1 > MAX_MESSAGE_CHARACTERS) {
      fresh();
      current.description = piece.text;
    } else {
      current.description = description;
    }
  }
  fresh();
  return embeds.length ? embeds : [{ color: colour, description: '—' }];
}

function buttonRows(
  buttons: readonly ReplyButton[],
  idFor: ButtonIdFor,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  const shown = buttons.slice(0, MAX_BUTTONS_PER_ROW * MAX_ROWS);
  for (let start = 0; start < shown.length; start += MAX_BUTTONS_PER_ROW) {
    rows.push({
      type: ComponentType.ActionRow,
      components: shown.slice(start, start + MAX_BUTTONS_PER_ROW).map((button) => ({
        type: ComponentType.Button,
        custom_id: idFor(button),
        label: truncate(button.label, MAX_BUTTON_LABEL),
        style:
          button.style === 'primary'
            ? ButtonStyle.Primary
            : button.style === 'danger'
              ? ButtonStyle.Danger
              : ButtonStyle.Secondary,
      })),
    });
  }
  return rows;
}

/**
 * A neutral reply as Discord messages: coloured embeds (title, description lines, inline fields,
 * progress bars) with the buttons on the last page. A reply longer than one message is split into
 * pages; past `MAX_PAGES` the last page says how many lines it left out (`moreNotice`).
 */
export function renderDiscordMessages(
  reply: CommandReply,
  idFor: ButtonIdFor,
  moreNotice: (hidden: number) => string,
): DiscordMessage[] {
  const embeds = buildEmbeds(reply);
  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let characters = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (page.length && (page.length === MAX_EMBEDS || characters + length > MAX_MESSAGE_CHARACTERS)) {
      pages.push(page);
      page = [];
      characters = 0;
    }
    page.push(embed);
    characters += length;
  }
  pages.push(page);
  if (pages.length > MAX_PAGES) {
    const linesOf = (embed: APIEmbed) => (embed.description?.split('\n').length ?? 0) + (embed.fields?.length ?? 0);
    const hidden = pages.splice(MAX_PAGES).flat();
    const last = pages[MAX_PAGES - 1] ?? [];
    // The notice needs room on the last page: an embed slot and a few hundred characters.
    while (
      last.length > 1 &&
      (last.length === MAX_EMBEDS ||
        last.reduce((sum, embed) => sum + embedLength(embed), 0) + 300 > MAX_MESSAGE_CHARACTERS)
    ) {
      const dropped = last.pop();
      if (dropped) hidden.unshift(dropped);
    }
    const hiddenLines = hidden.reduce((sum, embed) => sum + linesOf(embed), 0);
    last.push({ color: TONE_COLOURS[reply.tone], description: `-# ${moreNotice(hiddenLines)}` });
  }
  const components = reply.buttons?.length ? buttonRows(reply.buttons, idFor) : [];
  return pages.map((embedsOfPage, index) => ({
    embeds: embedsOfPage,
    components: index === pages.length - 1 ? components : [],
    allowedMentions: { parse: [] },
  }));
}

export const BUTTON_PREFIX = 'rb:';

/** The stored button id inside a custom id Discord sent back, or undefined if it is not ours. */
export function storedButtonId(customId: string): number | undefined {
  const match = /^rb:(\d{1,15})$/.exec(customId);
  return match?.[1] ? Number(match[1]) : undefined;
}
