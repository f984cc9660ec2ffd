import type { CommandReply, ReplyBlock } from '../../commands/core/types.js';
import { progressBar } from '../render/progress-bar.js';

const TONE_MARKS: Record<CommandReply['tone'], string> = { info: '', success: '', warning: '⚠️ ', error: '✖ ' };

function renderBlock(block: ReplyBlock): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'context':
      return [`  ${block.text}`];
    case 'fields': {
      const width = Math.max(...block.fields.map((field) => field.label.length));
      return block.fields.map((field) => `  ${`${field.label}:`.padEnd(width + 1)} ${field.value}`);
    }
    case 'progress':
      return [`  ${progressBar(block.done, block.total)}  ${block.label} (${block.done}/${block.total})`];
    case 'list':
      return [...(block.heading ? [`${block.heading}:`] : []), ...block.items.map((item) => `  • ${item}`)];
  }
}

/** A reply as terminal lines; buttons are numbered so the user can press one by typing it. */
export function renderReplyAsText(reply: CommandReply, firstButtonNumber = 1): string {
  const lines: string[] = [];
  if (reply.title) {
    const title = `${TONE_MARKS[reply.tone]}${reply.title}`;
    lines.push(title, '─'.repeat(Math.min(60, [...title].length)));
  }
  for (const block of reply.blocks) lines.push(...renderBlock(block));
  if (reply.buttons?.length) {
    lines.push('', reply.buttons.map((button, index) => `[${index + firstButtonNumber}] ${button.label}`).join('   '));
  }
  return lines.join('\n');
}
