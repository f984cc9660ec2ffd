import { afterEach, expect } from 'vitest';
import { findCardLocation } from '../../db/queries/chat-outbox.js';
import { postSignedToSlackApp, type SlackCall, waitFor } from '../../testing/fake-slack.js';
import { SLACK_TEST_SECRET, type SlackHarness, startSlackHarness } from '../../testing/slack-harness.js';

// What the Slack adapter tests send: signed slash commands, button presses and interactions as
// Slack posts them, and the reading of what the bot answered.

export const SECRET = SLACK_TEST_SECRET;
export const APPROVALS_CHANNEL = 'C0APROBAR';

type Harness = SlackHarness;

/** A bot and a fake Slack for each test of the file that calls this, closed after the test. */
export function slackHarnessPerTest(): () => Promise<Harness> {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async () => {
    harness = await startSlackHarness({ channels: { approvals: APPROVALS_CHANNEL } });
    return harness;
  };
}

let triggerSequence = 0;

/** A new trigger id, as Slack gives each command and click. */
export const nextTriggerId = () => `trigger-${++triggerSequence}`;

/** `/rendicion TEXT` as Slack posts it to the app, signed; resolves with the HTTP status. */
export function slashCommand(h: Harness, text: string, userId: string, triggerId = nextTriggerId()) {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'iess',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: userId,
    user_name: userId,
    command: '/rendicion',
    text,
    api_app_id: 'A1',
    response_url: h.slack.responseUrl(triggerId),
    trigger_id: triggerId,
  }).toString();
  return postSignedToSlackApp({ url: h.eventsUrl, secret: SECRET, body });
}

export function interaction(h: Harness, payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSignedToSlackApp({ url: h.eventsUrl, secret: SECRET, body });
}

export function pressButton(h: Harness, userId: string, button: { action_id: string; value: string }) {
  return interaction(h, {
    type: 'block_actions',
    team: { id: 'T1', domain: 'iess' },
    user: { id: userId, username: userId, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: nextTriggerId(),
    container: { type: 'message', message_ts: '1757000000.000001', channel_id: APPROVALS_CHANNEL },
    channel: { id: APPROVALS_CHANNEL, name: 'aprobaciones' },
    response_url: h.slack.responseUrl(`action-${triggerSequence}`),
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_ts: `${Date.now()}.${triggerSequence}`,
        text: { type: 'plain_text', text: 'x' },
        ...button,
      },
    ],
  });
}

type Block = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] };

export function buttonsOf(call: SlackCall | undefined): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (call?.params.blocks ?? []) as Block[];
  return blocks.find((block) => block.type === 'actions')?.elements ?? [];
}

export function textOf(value: unknown): string {
  return JSON.stringify(value);
}

export async function registerAndAsk(h: Harness): Promise<SlackCall> {
  expect(await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom', 'U0ADMIN')).toBe(200);
  expect(await slashCommand(h, 'rol U0DIRECTORA direccion', 'U0ADMIN')).toBe(200);
  expect(await slashCommand(h, 'solicitar video PIC-DP "Video institucional"', 'oficial-pic')).toBe(200);
  await waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
  // The adapter records where the card went once Slack answers; edits in place need that.
  await waitFor(() => findCardLocation(h.bot.db, 'approval:1', 'slack') !== undefined);
  const card = h.slack.callsTo('chat.postMessage')[0];
  if (!card) throw new Error('no card');
  return card;
}
