import { type FakeSlack, slackSignature } from '../fake-slack.js';
import { APPROVALS, SECRET } from './torture-bot.js';

/** A command or click sent to the bot, and whether its reply reached the user (the response URL). */
export interface Sent {
  kind: 'request' | 'draft' | 'publish' | 'approve';
  /** The unique text of a request or tweet; the tweet or request id of a click. */
  key: string;
  /** Who sent it (a preview's Publicar is pressed by its author). */
  user?: string;
  reply?: Record<string, unknown>;
  /** A preview whose Publicar was pressed already. */
  pressed?: boolean;
}

/** Sends signed slash commands and button clicks as Slack does, and remembers which got a reply. */
export function createClient(slack: FakeSlack, port: number) {
  const sent: Sent[] = [];
  const byId = new Map<string, Sent>();
  slack.onResponse((id, body) => {
    const entry = byId.get(id);
    if (entry && !entry.reply) entry.reply = body;
  });
  let sequence = 0;
  const post = async (body: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SECRET, timestamp, body),
      },
      body,
    }).catch(() => undefined);
  };
  const track = (entry: Sent) => {
    sequence += 1;
    const id = `t${sequence}`;
    sent.push(entry);
    byId.set(id, entry);
    return id;
  };
  return {
    sent,
    command(user: string, text: string, entry?: Omit<Sent, 'reply'>) {
      const id = entry ? track({ ...entry, user }) : `setup${++sequence}`;
      return post(
        new URLSearchParams({
          team_id: 'T1',
          channel_id: 'C0GENERAL',
          user_id: user,
          user_name: user,
          command: '/rendicion',
          text,
          api_app_id: 'A1',
          response_url: slack.responseUrl(id),
          trigger_id: `trigger-${id}`,
        }).toString(),
      );
    },
    press(user: string, actionId: string, value: string, entry: Omit<Sent, 'reply'>) {
      const id = track({ ...entry, user });
      const payload = {
        type: 'block_actions',
        team: { id: 'T1', domain: 'iess' },
        user: { id: user, username: user, team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${id}`,
        container: { type: 'message', channel_id: APPROVALS },
        channel: { id: APPROVALS, name: 'aprobaciones' },
        response_url: slack.responseUrl(id),
        // Slack's action_ts is unique per click (the bot treats a repeated one as the same click redelivered).
        actions: [
          {
            type: 'button',
            block_id: 'b1',
            action_id: actionId,
            value,
            action_ts: `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`,
          },
        ],
      };
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
  };
}

/** The buttons of a Slack message (action id and value), as the bot rendered them. */
export function buttonsOf(blocks: unknown): { action_id: string; value: string }[] {
  const list = Array.isArray(blocks) ? (blocks as { type: string; elements?: unknown[] }[]) : [];
  return list
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements ?? []) as { action_id: string; value: string }[]);
}
