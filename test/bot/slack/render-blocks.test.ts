import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, parsePressedButton, renderSlackMessage } from '../../../bot/slack/render-blocks.js';
import type { CommandReply } from '../../../commands/core/types.js';

const more = (hidden: number) => `… ${hidden} más`;

describe('Block Kit rendering', () => {
  it('keeps a 126-line reply inside 50 blocks and 3000 characters per section, saying what it left out', () => {
    const reply: CommandReply = {
      visibility: 'private',
      tone: 'info',
      title: 'Estado',
      blocks: Array.from({ length: 126 }, (_, index) => ({
        type: 'list' as const,
        heading: `Unidad ${index}`,
        items: Array.from({ length: 30 }, (__, line) => `Paso ${line} ${'x'.repeat(80)}`),
      })),
      buttons: [{ label: 'Marcar', actionId: 'marcar.tick', payload: '{}' }],
    };
    const { blocks, text } = renderSlackMessage(reply, more);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(blocks.at(-2))).toMatch(/… \d+ más/);
    expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('splits more than ten fields across sections', () => {
    const fields = Array.from({ length: 23 }, (_, index) => ({ label: `L${index}`, value: `v${index}` }));
    const { blocks } = renderSlackMessage(
      { visibility: 'public', tone: 'info', blocks: [{ type: 'fields', fields }] },
      more,
    );
    expect(blocks.map((block) => (block.type === 'section' ? (block.fields?.length ?? 0) : 0))).toEqual([10, 10, 3]);
  });

  it('never lets typed text mention the channel or a user', () => {
    expect(escapeMrkdwn('<!channel> hola <@U123> & <https://x|y>')).toBe(
      '&lt;!channel&gt; hola &lt;@U123&gt; &amp; &lt;https://x|y&gt;',
    );
    const { blocks } = renderSlackMessage(
      { visibility: 'public', tone: 'info', blocks: [{ type: 'text', text: 'Atención <!here>' }] },
      more,
    );
    expect(JSON.stringify(blocks)).not.toContain('<!here>');
  });

  it('round-trips a button that asks for text, and refuses a value that is not ours', () => {
    const { blocks } = renderSlackMessage(
      {
        visibility: 'public',
        tone: 'info',
        blocks: [],
        buttons: [{ label: 'Rechazar', actionId: 'solicitud.rechazar', payload: '12', input: { label: 'Motivo' } }],
      },
      more,
    );
    const element = (blocks[0] as { elements: { action_id: string; value: string }[] }).elements[0];
    expect(element?.action_id).toBe('solicitud.rechazar#0i');
    expect(parsePressedButton(element?.action_id ?? '', element?.value ?? '')).toEqual({
      actionId: 'solicitud.rechazar',
      payload: '12',
      input: { label: 'Motivo', placeholder: undefined },
    });
    expect(parsePressedButton('solicitud.rechazar#0i', 'not json')).toBeUndefined();
  });
});
