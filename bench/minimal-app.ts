import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * The least a slash command can do, run as its own process like the bot: a Bolt app with the
 * bot's receiver (HTTPReceiver, default `processBeforeResponse`) that acknowledges and sends one
 * short reply through the response URL. Usage: minimal-app.ts <signing secret> <Slack API URL>.
 * Prints its events URL on standard output once listening; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const [signingSecret = '', slackApiUrl = ''] = process.argv.slice(2);
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events' });
  const app = new App({
    receiver,
    token: 'xoxb-bench',
    // As the bot does: the token is checked once at start (app.init), not before every request.
    deferInitialization: true,
    clientOptions: { slackApiUrl },
    logLevel: LogLevel.ERROR,
  });
  await app.init();
  app.command('/rendicion', async ({ ack, respond }) => {
    await ack();
    await respond({ text: 'ok' });
  });
  const server = (await app.start(0)) as Server;
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events\n`);
  process.once('SIGTERM', () => {
    void app.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
