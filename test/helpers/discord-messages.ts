import { afterEach } from 'vitest';
import { findCardLocation } from '../../db/queries/chat-outbox.js';
import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import {
  APPROVALS_CHANNEL,
  DISCORD_ADMIN,
  DISCORD_DIRECTOR,
  DISCORD_DIRECTOR_2,
  DISCORD_OFFICER,
  DISCORD_STRANGER,
  type DiscordHarness,
  ROLE_DIRECTORATE,
  startDiscordHarness,
} from '../../testing/discord-harness.js';
import type { DiscordCall, FakeDiscord } from '../../testing/fake-discord.js';
import { waitFor } from '../../testing/fake-slack.js';

// The Discord adapter tests' people, and the reading of what the bot sent: embeds, buttons, the
// approvals card of a registered session.

/** A bot and a fake Discord for each test of the file that calls this, closed after the test. */
export function discordHarnessPerTest(): (
  options?: Parameters<typeof startDiscordHarness>[0],
) => Promise<DiscordHarness> {
  let harness: DiscordHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (options) => {
    harness = await startDiscordHarness(options);
    return harness;
  };
}

export const EPHEMERAL = 64;
export const admin = { id: DISCORD_ADMIN };
export const officer = { id: DISCORD_OFFICER };
export const director = { id: DISCORD_DIRECTOR, roles: [ROLE_DIRECTORATE] };
export const director2 = { id: DISCORD_DIRECTOR_2, roles: [ROLE_DIRECTORATE] };
export const stranger = { id: DISCORD_STRANGER };

export type Embed = {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string }[];
  image?: { url: string };
};
export type Row = { components: { custom_id: string; label: string; style: number }[] };

export function messageOf(call: DiscordCall | undefined): { embeds: Embed[]; components: Row[]; flags?: number } {
  const body = (call?.body.data ?? call?.body ?? {}) as { embeds?: Embed[]; components?: Row[]; flags?: number };
  return { embeds: body.embeds ?? [], components: body.components ?? [], flags: body.flags };
}

export const textOf = (call: DiscordCall | undefined) => JSON.stringify(messageOf(call).embeds);
export const buttonsOf = (call: DiscordCall | undefined) => messageOf(call).components.flatMap((row) => row.components);

export function eventOf(h: DiscordHarness, code: string) {
  const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, code);
  return unit && findEventByUnit(h.bot.db, unit.id);
}

/** `/rendicion registrar` for PIC-DP on 15/09/2098 at 10:00 on Zoom, as `user`. */
export function registerPicDp(discord: FakeDiscord, user: { id: string; roles?: string[] }) {
  return discord.interact(
    discord.slashCommand(user, 'registrar', {
      unidad: 'PIC-DP',
      fecha: '15/09/2098',
      hora: '10:00',
      plataforma: 'zoom',
    }),
  );
}

export async function registerAndAsk(h: DiscordHarness): Promise<DiscordCall> {
  const { discord } = h;
  await registerPicDp(discord, admin);
  await discord.interact(
    discord.slashCommand(officer, 'solicitar', { tipo: 'video', unidad: 'PIC-DP', descripcion: 'Video institucional' }),
  );
  const cardPath = new RegExp(`^/channels/${APPROVALS_CHANNEL}/messages$`);
  await waitFor(() => discord.callsTo('POST', cardPath).length === 1);
  await waitFor(() => findCardLocation(h.bot.db, 'approval:1', 'discord') !== undefined);
  const card = discord.callsTo('POST', cardPath)[0];
  if (!card) throw new Error('no card');
  return card;
}

export function button(card: DiscordCall, label: string): string {
  const found = buttonsOf(card).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found.custom_id;
}
