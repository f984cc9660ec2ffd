import { describe, expect, it } from 'vitest';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import { findCardLocation } from '../../../db/queries/chat-outbox.js';
import { findEventByUnit } from '../../../db/queries/events.js';
import { findUnitByCode } from '../../../db/queries/units.js';
import { postSignedToSlackApp, startFakeSlack, waitFor } from '../../../testing/fake-slack.js';
import { createTestSlackAdapter } from '../../../testing/slack-harness.js';
import { createTestBot } from '../../../testing/test-bot.js';
import {
  APPROVALS_CHANNEL,
  buttonsOf,
  interaction,
  pressButton,
  registerAndAsk,
  SECRET,
  slackHarnessPerTest,
  slashCommand,
  textOf,
} from '../../helpers/slack-requests.js';

const start = slackHarnessPerTest();

describe('Slack adapter (real Bolt app against a fake Slack on 127.0.0.1)', () => {
  it('acknowledges a signed slash command and answers through the response URL with Block Kit', async () => {
    const h = await start();
    expect(await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom', 'U0ADMIN')).toBe(200);
    await waitFor(() => h.slack.responses.length === 1);
    const [response] = h.slack.responses;
    expect(response?.response_type).toBe('in_channel');
    expect(response?.blocks).toContainEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Rendición registrada: PIC-DP' },
    });
    expect(textOf(response?.blocks)).toContain('*Fecha y hora*\\nlun 15 sep, 10:00');
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)?.registeredBy).toBe('U0ADMIN');
  });

  it('answers bad input privately in Spanish and stores nothing', async () => {
    const h = await start();
    await slashCommand(h, 'registrar PIC-DP 31/02/2098 10:00 zoom', 'U0ADMIN');
    await waitFor(() => h.slack.responses.length === 1);
    expect(h.slack.responses[0]?.response_type).toBe('ephemeral');
    expect(textOf(h.slack.responses[0]?.blocks)).toContain('`31/02/2098` no es una fecha válida');
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)).toBeUndefined();
  });

  it('refuses a forged signature and a stale timestamp with 401, and acts on neither', async () => {
    const h = await start();
    const body = new URLSearchParams({
      command: '/rendicion',
      text: 'registrar PIC-DP 15/09/2098 10:00 zoom',
      user_id: 'U0ADMIN',
      trigger_id: 't',
      response_url: h.slack.responseUrl('t'),
    }).toString();
    expect(await postSignedToSlackApp({ url: h.eventsUrl, secret: 'wrong-secret-000000', body })).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect(await postSignedToSlackApp({ url: h.eventsUrl, secret: SECRET, body, timestamp: stale })).toBe(401);
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)).toBeUndefined();
    expect(h.slack.responses).toEqual([]);
  });

  it('does not act twice when the same command is delivered again', async () => {
    const h = await start();
    await slashCommand(h, 'marcar PIC-DP invitacion', 'U0ADMIN');
    await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom', 'U0ADMIN', 'trigger-same');
    await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom', 'U0ADMIN', 'trigger-same');
    await waitFor(() => h.slack.responses.length === 3);
    const registrations = h.bot.db.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'event.registered'")
      .get() as { n: number };
    expect(registrations.n).toBe(1);
    // The retry gets the first delivery's reply again (the responses may arrive in any order).
    const replies = h.slack.responses.map((response) => JSON.stringify(response.blocks));
    expect(new Set(replies).size).toBe(2);
  });

  it('posts the approvals card to the approvals channel and remembers where it went', async () => {
    const h = await start();
    const card = await registerAndAsk(h);
    expect(card.params.channel).toBe(APPROVALS_CHANNEL);
    expect(textOf(card.params.blocks)).toContain('Solicitud #1: video · PIC-DP');
    expect(buttonsOf(card).map((button) => button.text.text)).toEqual(['Aprobar', 'Rechazar']);
    expect(findCardLocation(h.bot.db, 'approval:1', 'slack')).toMatchObject({ channelRef: APPROVALS_CHANNEL });
  });

  it('approves from the button: the card is updated in place without buttons and the requester gets a DM', async () => {
    const h = await start();
    const card = await registerAndAsk(h);
    const approve = buttonsOf(card)[0];
    if (!approve) throw new Error('no approve button');
    expect(await pressButton(h, 'U0DIRECTORA', approve)).toBe(200);
    await waitFor(() => h.slack.callsTo('chat.update').length === 1);
    const update = h.slack.callsTo('chat.update')[0];
    const location = findCardLocation(h.bot.db, 'approval:1', 'slack');
    expect(update?.params).toMatchObject({ channel: APPROVALS_CHANNEL, ts: location?.messageRef });
    expect(buttonsOf(update)).toEqual([]);
    expect(textOf(update?.params.blocks)).toContain('✅ Aprobada por U0DIRECTORA');
    const direct = h.slack.callsTo('chat.postMessage').find((call) => call.params.channel === 'oficial-pic');
    expect(textOf(direct?.params.blocks)).toContain('fue aprobada por U0DIRECTORA');
    expect(findApprovalRequestById(h.bot.db, 1)?.state).toBe('approved');
  });

  it('opens a modal for the rejection reason and rejects with what was typed', async () => {
    const h = await start();
    const card = await registerAndAsk(h);
    const reject = buttonsOf(card)[1];
    if (!reject) throw new Error('no reject button');
    await pressButton(h, 'U0DIRECTORA', reject);
    await waitFor(() => h.slack.callsTo('views.open').length === 1);
    const view = h.slack.callsTo('views.open')[0]?.params.view as { callback_id: string; private_metadata: string };
    expect(textOf(view)).toContain('Motivo del rechazo');
    expect(findApprovalRequestById(h.bot.db, 1)?.state).toBe('pending');
    const submit = (value: string) =>
      interaction(h, {
        type: 'view_submission',
        team: { id: 'T1' },
        user: { id: 'U0DIRECTORA' },
        api_app_id: 'A1',
        trigger_id: 'trigger-view',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: { values: { input: { text: { type: 'plain_text_input', value } } } },
        },
      });
    expect(await submit('El video supera los 3 minutos')).toBe(200);
    await waitFor(() => h.slack.callsTo('chat.update').length === 1);
    expect(findApprovalRequestById(h.bot.db, 1)).toMatchObject({
      state: 'rejected',
      decisionReason: 'El video supera los 3 minutos',
    });
    expect(textOf(h.slack.callsTo('chat.update')[0]?.params.blocks)).toContain('❌ Rechazada por U0DIRECTORA');
  });

  it('tells a user without the role that only the Directorate decides, and changes nothing', async () => {
    const h = await start();
    const card = await registerAndAsk(h);
    const approve = buttonsOf(card)[0];
    if (!approve) throw new Error('no approve button');
    const before = h.slack.responses.length;
    await pressButton(h, 'U0CURIOSO', approve);
    await waitFor(() => h.slack.responses.length === before + 1);
    const answer = h.slack.responses.at(-1);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(answer?.blocks)).toContain('Solo la Dirección puede decidir la solicitud #1');
    expect(findApprovalRequestById(h.bot.db, 1)?.state).toBe('pending');
    expect(h.slack.callsTo('chat.update')).toEqual([]);
  });

  it('keeps a card queued when Slack rate-limits it, and sends it once Retry-After has passed', async () => {
    const h = await start();
    h.slack.failNext('chat.postMessage', {
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '1' },
    });
    await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom', 'U0ADMIN');
    await slashCommand(h, 'solicitar video PIC-DP "Video institucional"', 'oficial-pic');
    await waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
    // Slack asked for a second: a pass before that sends nothing, one after it sends the card.
    await h.adapter.deliverOutbox();
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    h.bot.clock.advanceHours(2 / 3600);
    await h.adapter.deliverOutbox();
    const [limited, delivered] = h.slack.callsTo('chat.postMessage');
    expect(limited?.params.channel).toBe(APPROVALS_CHANNEL);
    expect(delivered?.params.channel).toBe(APPROVALS_CHANNEL);
  });
});

describe('Slack users', () => {
  it('recognises an officer the roster names by e-mail, through the e-mail Slack has for them', async () => {
    const h = await start();
    h.slack.addUser('U0GUAYAS', 'oficial.gua@ejemplo.gob.ec');
    await slashCommand(h, 'registrar GUA-DP 15/09/2098 10:00 zoom', 'U0GUAYAS');
    await waitFor(() => h.slack.responses.length === 1);
    expect(textOf(h.slack.responses[0]?.blocks)).toContain('Rendición registrada: GUA-DP');
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'GUA-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)?.registeredBy).toBe('U0GUAYAS');
  });
});

describe('Slack mentions', () => {
  it('gives a role to the person mentioned, by the id Slack puts in the escaped mention', async () => {
    const h = await start();
    await slashCommand(h, 'rol <@U0NUEVA|ana> direccion', 'U0ADMIN');
    await waitFor(() => h.slack.responses.length === 1);
    expect(textOf(h.slack.responses[0]?.blocks)).toContain('U0NUEVA ahora tiene el rol Dirección.');
  });

  it('reads back what Slack escaped in free text', async () => {
    const h = await start();
    await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom sala="Sala A &amp; B"', 'U0ADMIN');
    await waitFor(() => h.slack.responses.length === 1);
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)?.room).toBe('Sala A & B');
  });
});

describe('Slack start-up', () => {
  it('stops with a message naming SLACK_BOT_TOKEN when Slack refuses the token', async () => {
    const slack = await startFakeSlack();
    slack.failNext('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const bot = createTestBot({ platforms: ['slack'] });
    const adapter = createTestSlackAdapter(bot, { botToken: 'xoxb-revoked', apiUrl: slack.apiUrl });
    try {
      await expect(adapter.start()).rejects.toThrow(
        'SLACK_BOT_TOKEN: Slack rechazó el token (invalid_auth). Copie de nuevo el Bot User OAuth Token (xoxb-…).',
      );
    } finally {
      await slack.close();
      bot.close();
    }
  });
});

describe('Slack reminders', () => {
  it('finds the officer the roster names by e-mail and sends the reminder to their direct messages', async () => {
    const h = await start();
    h.slack.addUser('U0GUAYAS', 'oficial.gua@ejemplo.gob.ec');
    h.bot.clock.set('2098-09-10T15:00:00Z');
    h.bot.send('registrar GUA-DP 12/09/2098 10:00 zoom', { as: 'U0ADMIN' });
    h.bot.runScheduledWork();
    await h.adapter.deliverOutbox();
    const direct = h.slack.callsTo('chat.postMessage').find((call) => call.params.channel === 'U0GUAYAS');
    expect(textOf(direct?.params.blocks)).toContain('Pasos atrasados: GUA-DP');
    expect(h.slack.callsTo('users.lookupByEmail')[0]?.params.email).toBe('oficial.gua@ejemplo.gob.ec');
  });
});

describe('Slack chart', () => {
  it('uploads the campaign chart as a PNG to the channel where `resumen grafico` was typed', async () => {
    const h = await start();
    await slashCommand(h, 'resumen grafico', 'U0ADMIN');
    await waitFor(() => h.slack.callsTo('files.completeUploadExternal').length === 1);
    const [request] = h.slack.callsTo('files.getUploadURLExternal');
    expect(request?.params.filename).toMatch(/^resumen-\d{4}-\d{2}-\d{2}\.png$/);
    expect(Number(request?.params.length)).toBeGreaterThan(1000);
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.params.channel_id).toBe('C0GENERAL');
    expect(h.slack.uploads).toHaveLength(1);
  });
});
