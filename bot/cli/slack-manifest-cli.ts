import { parseArgs } from 'node:util';
import { buildSlackManifest } from '../slack/manifest.js';

/** `npm run slack:manifest -- [--socket] [--url https://bot.example.org/slack/events]` prints the manifest. */
const { values } = parseArgs({
  options: { socket: { type: 'boolean', default: false }, url: { type: 'string' }, command: { type: 'string' } },
});
process.stdout.write(
  `${JSON.stringify(buildSlackManifest({ socketMode: values.socket ?? false, requestUrl: values.url, command: values.command }), null, 2)}\n`,
);
