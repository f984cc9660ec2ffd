import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_OFFICER, type DiscordHarness, startDiscordHarness } from '../../helpers/discord-harness.js';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('discord smoke', () => {
  it('logs in and answers estado', async () => {
    harness = await startDiscordHarness();
    const { discord } = harness;
    const result = await discord.interact(
      discord.slashCommand({ id: DISCORD_OFFICER }, 'estado', { alcance: 'PIC-DP' }),
    );
    console.log(JSON.stringify(result.callback.body, null, 1).slice(0, 1500));
    expect(result.callback.body.type).toBe(4);
  });
});
