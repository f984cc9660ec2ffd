import BetterSqlite3 from 'better-sqlite3';
import type { FakeSlack, StoredSlackMessage } from '../fake-slack.js';
import type { FakeX } from '../fake-x.js';
import type { Sent } from './torture-client.js';

const isError = (reply: Record<string, unknown> | undefined) =>
  reply !== undefined && /No se pudo completar|Ocurrió un error|no se pudo/i.test(JSON.stringify(reply));

export function allSlackMessages(slack: FakeSlack): (StoredSlackMessage & { channel: string })[] {
  return [...slack.channels.entries()].flatMap(([channel, messages]) =>
    messages.map((message) => ({ ...message, channel })),
  );
}

/**
 * Checks the run's promises against the database and the fakes: every acknowledged command took
 * effect exactly once (any command at most once), every card and message is on Slack once, every
 * tweet is on X once and recorded with its id, and nobody was told that something which happened
 * failed.
 */
export function checkInvariants(databasePath: string, slack: FakeSlack, x: FakeX, sent: Sent[]): string[] {
  const broken: string[] = [];
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    for (const entry of sent) {
      const acknowledged = entry.reply !== undefined && !isError(entry.reply);
      let effects: number;
      if (entry.kind === 'request')
        effects = count('SELECT count(*) AS n FROM approval_requests WHERE description = ?', entry.key);
      else if (entry.kind === 'draft')
        // The stored text is the proposed one, plus the campaign's hashtag when it lacked it.
        effects = count(
          "SELECT count(*) AS n FROM tweets WHERE text = @key OR substr(text, 1, length(@key) + 1) = @key || ' '",
          { key: entry.key },
        );
      else if (entry.kind === 'publish')
        effects = count(
          "SELECT count(*) AS n FROM audit_log WHERE entity = 'tweet' AND entity_id = ? AND actor = ? AND action IN ('tweet.queued', 'tweet.awaiting_approval')",
          entry.key,
          entry.user,
        );
      else
        effects = count(
          "SELECT count(*) AS n FROM audit_log WHERE action = 'approval.approved' AND entity_id = ?",
          entry.key,
        );
      if (effects > 1) broken.push(`${entry.kind} ${entry.key}: took effect ${effects} times`);
      if (acknowledged && effects === 0 && entry.kind !== 'approve')
        broken.push(
          `${entry.kind} ${entry.key}: acknowledged to the user, but not in the database (reply: ${JSON.stringify(entry.reply).slice(0, 300)})`,
        );
    }
    // An approval pressed and acknowledged must be decided (by that press or an earlier one).
    for (const entry of sent.filter((item) => item.kind === 'approve' && item.reply && !isError(item.reply))) {
      const state = db.prepare('SELECT state FROM approval_requests WHERE id = ?').get(Number(entry.key)) as
        | { state: string }
        | undefined;
      if (state?.state !== 'approved')
        broken.push(`approve ${entry.key}: acknowledged, but the request is ${state?.state}`);
    }

    const pending = count('SELECT count(*) AS n FROM chat_outbox WHERE delivered_at IS NULL');
    if (pending) broken.push(`${pending} chat messages never delivered`);
    const messages = allSlackMessages(slack);
    const byOutboxId = new Map<number, number>();
    for (const message of messages) {
      const id = Number(message.metadata?.event_payload.outbox_id);
      if (!Number.isNaN(id)) byOutboxId.set(id, (byOutboxId.get(id) ?? 0) + 1);
      else broken.push(`a message on Slack without its outbox id: ${message.text.slice(0, 60)}`);
    }
    for (const [id, times] of byOutboxId) if (times > 1) broken.push(`outbox message ${id} is on Slack ${times} times`);
    const rows = db
      .prepare("SELECT id, card_key AS cardKey FROM chat_outbox WHERE platform = 'slack' AND action = 'post'")
      .all() as { id: number; cardKey: string | null }[];
    for (const row of rows.filter((item) => item.cardKey === null)) {
      if ((byOutboxId.get(row.id) ?? 0) !== 1)
        broken.push(`outbox message ${row.id} is on Slack ${byOutboxId.get(row.id) ?? 0} times`);
    }
    const cards = db
      .prepare(
        "SELECT card_key AS cardKey, group_concat(id) AS ids FROM chat_outbox WHERE platform = 'slack' AND card_key IS NOT NULL GROUP BY card_key",
      )
      .all() as { cardKey: string; ids: string }[];
    for (const card of cards) {
      const shown = card.ids.split(',').reduce((sum, id) => sum + (byOutboxId.get(Number(id)) ?? 0), 0);
      if (shown !== 1) broken.push(`card ${card.cardKey} is on Slack ${shown} times`);
    }
    const ephemeral = slack.callsTo('chat.postEphemeral').length;
    if (ephemeral) broken.push(`${ephemeral} messages fell back to ephemerals`);

    const tweets = db.prepare('SELECT id, text, state, x_tweet_id AS xTweetId FROM tweets').all() as {
      id: number;
      text: string;
      state: string;
      xTweetId: string | null;
    }[];
    for (const tweet of tweets) {
      const onX = x.posted.filter((posted) => posted.text === tweet.text);
      if (tweet.state === 'sent' && (onX.length !== 1 || onX[0]?.id !== tweet.xTweetId))
        broken.push(`tweet ${tweet.id} is recorded as ${tweet.xTweetId} but X has it ${onX.length} times`);
      if (tweet.state !== 'sent' && onX.length) broken.push(`tweet ${tweet.id} is on X but recorded as ${tweet.state}`);
      if (['queued', 'sending', 'failed'].includes(tweet.state)) broken.push(`tweet ${tweet.id} ended ${tweet.state}`);
      if (tweet.state === 'sent') {
        // The author's DM (the approvals card may show the link too).
        const told = messages.filter(
          (message) => message.channel.startsWith('D') && JSON.stringify(message).includes(`status/${tweet.xTweetId}`),
        ).length;
        if (told !== 1) broken.push(`the author of tweet ${tweet.id} was told it was published ${told} times`);
      }
    }
    for (const posted of x.posted) {
      if (!tweets.some((tweet) => tweet.xTweetId === posted.id))
        broken.push(`X has tweet ${posted.id} that no row records`);
    }
    const failureNotices = [
      ...messages.map((message) => message.text),
      ...slack.responses.map((body) => JSON.stringify(body)),
    ].filter((text) => text.includes('No se pudo publicar el tuit'));
    if (failureNotices.length) broken.push(`${failureNotices.length} failure notices for tweets: ${failureNotices[0]}`);
  } finally {
    db.close();
  }
  return broken;
}
