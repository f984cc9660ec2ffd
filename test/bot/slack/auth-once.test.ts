import { afterEach, describe, expect, it } from 'vitest';
import { postSignedToSlackApp, waitFor } from '../../../testing/fake-slack.js';
import { SLACK_TEST_SECRET, type SlackHarness, startSlackHarness } from '../../../testing/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Slack token check', () => {
  it('asks Slack who the bot is once, at start, not before every request', async () => {
    harness = await startSlackHarness();
    const h = harness;
    expect(h.slack.callsTo('auth.test')).toHaveLength(1);
    for (const [index, text] of ['ayuda', 'estado PIC-DP', 'estado todo'].entries()) {
      const body = new URLSearchParams({
        command: '/rendicion',
        text,
        user_id: 'U0ADMIN',
        channel_id: 'C0GENERAL',
        team_id: 'T1',
        response_url: h.slack.responseUrl(`auth-${index}`),
        trigger_id: `auth-${index}`,
      }).toString();
      expect(await postSignedToSlackApp({ url: h.eventsUrl, secret: SLACK_TEST_SECRET, body })).toBe(200);
    }
    await waitFor(() => h.slack.responses.length === 3);
    expect(h.slack.callsTo('auth.test')).toHaveLength(1);
  });
});
