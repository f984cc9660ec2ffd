import type { KnownBlock } from '@slack/types';
import type { CommandReply, ReplyBlock, ReplyButton } from '../../commands/core/types.js';
import { progressBar } from '../render/progress-bar.js';

// Slack's published limits (Block Kit reference): 50 blocks per message, 3000 characters per
// section text, 10 fields per section (2000 characters each), 150 per header, 25 elements per
// actions block, 75 per button label, 2000 per button value.
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_FIELDS = 10;
const MAX_FIELD_TEXT = 2000;
const MAX_HEADER = 150;
const MAX_BUTTONS = 25;
const MAX_BUTTON_LABEL = 75;
const MAX_BUTTON_VALUE = 2000;
/** The plain-text fallback shown in notifications. */
const MAX_FALLBACK_TEXT = 3000;

const TONE_MARKS: Record<CommandReply['tone'], string> = { info: '', success: '', warning: '⚠️ ', error: '✖ ' };

const MRKDWN_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Keeps a mention or a broadcast typed by a user (`<!channel>`, `<@U1>`) from pinging anyone. */
export function escapeMrkdwn(text: string): string {
  // Most lines have none of the three: one scan, and no copy.
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (character) => MRKDWN_ENTITIES[character] ?? character) : text;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits lines into chunks that fit one section each, never cutting a line unless it alone is too long. */
function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function renderBlock(block: ReplyBlock): KnownBlock[] {
  switch (block.type) {
    case 'text':
      return chunkLines(escapeMrkdwn(block.text).split('\n'), MAX_SECTION_TEXT).map(section);
    case 'context':
      return [
        { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(block.text), MAX_SECTION_TEXT) }] },
      ];
    case 'fields': {
      const blocks: KnownBlock[] = [];
      for (let start = 0; start < block.fields.length; start += MAX_FIELDS) {
        blocks.push({
          type: 'section',
          fields: block.fields.slice(start, start + MAX_FIELDS).map((field) => ({
            type: 'mrkdwn' as const,
            text: truncate(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, MAX_FIELD_TEXT),
          })),
        });
      }
      return blocks;
    }
    case 'progress':
      return [
        section(
          `\`${progressBar(block.done, block.total)}\`  ${escapeMrkdwn(block.label)} (${block.done}/${block.total})`,
        ),
      ];
    case 'list': {
      const lines = block.items.map((item) => `• ${escapeMrkdwn(item)}`);
      const heading = block.heading ? [`*${escapeMrkdwn(block.heading)}*`] : [];
      return chunkLines([...heading, ...lines], MAX_SECTION_TEXT).map(section);
    }
  }
}

/**
 * A button's Slack action id carries its position (Slack wants them unique within a block) and,
 * for a button that asks for text first, an `i`: its value then also carries the prompt.
 */
export function buttonActionId(button: ReplyButton, index: number): string {
  return `${button.actionId}#${index}${button.input ? 'i' : ''}`;
}

function buttonValue(button: ReplyButton): string {
  return button.input ? JSON.stringify({ payload: button.payload, input: button.input }) : button.payload;
}

export interface PressedButton {
  actionId: string;
  payload: string;
  input?: ReplyButton['input'];
}

/** Reads back what `renderButtons` put in a button; undefined for a value that is not ours. */
export function parsePressedButton(slackActionId: string, value: string): PressedButton | undefined {
  const match = /^(.+)#\d+(i?)$/.exec(slackActionId);
  if (!match?.[1]) return undefined;
  if (!match[2]) return { actionId: match[1], payload: value };
  try {
    const parsed = JSON.parse(value) as { payload?: unknown; input?: { label?: unknown; placeholder?: unknown } };
    if (typeof parsed.payload !== 'string' || typeof parsed.input?.label !== 'string') return undefined;
    const placeholder = typeof parsed.input.placeholder === 'string' ? parsed.input.placeholder : undefined;
    return { actionId: match[1], payload: parsed.payload, input: { label: parsed.input.label, placeholder } };
  } catch {
    return undefined;
  }
}

function renderButtons(buttons: readonly ReplyButton[]): KnownBlock {
  return {
    type: 'actions',
    elements: buttons.slice(0, MAX_BUTTONS).map((button, index) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: truncate(button.label, MAX_BUTTON_LABEL) },
      action_id: buttonActionId(button, index),
      value: truncate(buttonValue(button), MAX_BUTTON_VALUE),
      ...(button.style ? { style: button.style } : {}),
    })),
  };
}

/**
 * A neutral reply as a Slack message: header, sections, fields, context and buttons, kept inside
 * Slack's limits. A reply too long for one message keeps its first blocks and says how many it
 * left out (`moreNotice`), instead of failing.
 */
export function renderSlackMessage(
  reply: CommandReply,
  moreNotice: (hiddenBlocks: number) => string,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  const title = reply.title ? `${TONE_MARKS[reply.tone]}${reply.title}` : undefined;
  if (title) blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(title, MAX_HEADER) } });
  const body = reply.blocks.flatMap(renderBlock);
  const room = MAX_BLOCKS - blocks.length - (reply.buttons?.length ? 1 : 0);
  if (body.length > room) {
    blocks.push(...body.slice(0, room - 1));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: moreNotice(body.length - (room - 1)) }] });
  } else {
    blocks.push(...body);
  }
  if (reply.buttons?.length) blocks.push(renderButtons(reply.buttons));
  const fallback = [title, ...reply.blocks.map((block) => (block.type === 'text' ? block.text : ''))]
    .filter(Boolean)
    .join('\n');
  return { text: truncate(escapeMrkdwn(fallback || (title ?? '')), MAX_FALLBACK_TEXT), blocks };
}
