import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../bot/slack/slack-adapter.js';
import { silentLogger } from '../../../commands/core/logger.js';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import { findCardLocation } from '../../../db/queries/chat-outbox.js';
import { findEventByUnit } from '../../../db/queries/events.js';
import { findUnitByCode } from '../../../db/queries/units.js';
import {
  postSignedForAnswer,
  postSignedToSlackApp,
  type SlackCall,
  startFakeSlack,
  waitFor,
} from '../../../testing/fake-slack.js';
import { SLACK_TEST_SECRET, type SlackHarness, startSlackHarness } from '../../../testing/slack-harness.js';
import { createTestBot } from '../../../testing/test-bot.js';
import { TYPED_CHARACTERS } from '../../helpers/typed-characters.js';

const SECRET = SLACK_TEST_SECRET;
const APPROVALS_CHANNEL = 'C0APROBAR';

type Harness = SlackHarness;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(): Promise<Harness> {
  harness = await startSlackHarness({ channels: { approvals: APPROVALS_CHANNEL } });
  return harness;
}

let triggerSequence = 0;

function slashCommand(h: Harness, text: string, userId: string, triggerId = `trigger-${++triggerSequence}`) {
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

function interaction(h: Harness, payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSignedToSlackApp({ url: h.eventsUrl, secret: SECRET, body });
}

function pressButton(h: Harness, userId: string, button: { action_id: string; value: string }) {
  return interaction(h, {
    type: 'block_actions',
    team: { id: 'T1', domain: 'iess' },
    user: { id: userId, username: userId, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trigger-${++triggerSequence}`,
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

function buttonsOf(call: SlackCall | undefined): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (call?.params.blocks ?? []) as Block[];
  return blocks.find((block) => block.type === 'actions')?.elements ?? [];
}

function textOf(value: unknown): string {
  return JSON.stringify(value);
}

async function registerAndAsk(h: Harness): Promise<SlackCall> {
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

describe('Slack forms', () => {
  function submitForm(
    h: Harness,
    userId: string,
    view: { callback_id: string; private_metadata: string },
    values: Record<string, unknown>,
  ) {
    const body = new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T1' },
        user: { id: userId },
        api_app_id: 'A1',
        trigger_id: `trigger-${++triggerSequence}`,
        view: { id: `V-form-${triggerSequence}`, type: 'modal', ...view, state: { values } },
      }),
    }).toString();
    return postSignedForAnswer({ url: h.eventsUrl, secret: SECRET, body });
  }

  const registration = (date: string) => ({
    unit: { unit: { type: 'external_select', selected_option: { value: 'PIC-DP' } } },
    date: { value: { type: 'datepicker', selected_date: date } },
    time: { value: { type: 'timepicker', selected_time: '10:30' } },
    platform: { value: { type: 'static_select', selected_option: { value: 'teams' } } },
    room: { value: { type: 'plain_text_input', value: 'Auditorio "principal"' } },
    email: { value: { type: 'email_text_input', value: null } },
    attendance: { value: { type: 'number_input', value: '80' } },
    flags: { value: { type: 'checkboxes', selected_options: [{ value: 'video' }] } },
  });

  async function openRegisterForm(h: Harness) {
    await slashCommand(h, 'registrar', 'U0ADMIN');
    await waitFor(() => h.slack.callsTo('views.open').length === 1);
    return h.slack.callsTo('views.open')[0]?.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string; element: { type: string } }[];
    };
  }

  it('opens the registration form for `registrar` alone, with pickers for each field', async () => {
    const h = await start();
    const view = await openRegisterForm(h);
    expect(view.callback_id).toBe('rendicion-registrar');
    expect(view.blocks.map((block) => `${block.block_id}:${block.element.type}`)).toEqual([
      'unit:external_select',
      'date:datepicker',
      'time:timepicker',
      'platform:static_select',
      'room:plain_text_input',
      'email:email_text_input',
      'joinUrl:url_text_input',
      'attendance:number_input',
      'flags:checkboxes',
    ]);
  });

  it("opens `registrar UNIT` alone filled with the unit's registered session, as Discord does", async () => {
    const h = await start();
    await slashCommand(h, 'registrar PIC-DP 15/09/2098 16:30 teams sala="Auditorio" asistentes=80 video=si', 'U0ADMIN');
    await waitFor(() => h.slack.responses.length === 1);
    await slashCommand(h, 'registrar PIC-DP', 'U0ADMIN');
    await waitFor(() => h.slack.callsTo('views.open').length === 1);
    const view = h.slack.callsTo('views.open')[0]?.params.view as {
      blocks: { block_id: string; element: Record<string, unknown> }[];
    };
    const element = (blockId: string) => view.blocks.find((block) => block.block_id === blockId)?.element;
    expect(element('unit')).toMatchObject({ initial_option: { value: 'PIC-DP' } });
    expect(element('date')).toMatchObject({ initial_date: '2098-09-15' });
    expect(element('time')).toMatchObject({ initial_time: '16:30' });
    expect(element('platform')).toMatchObject({ initial_option: { value: 'teams' } });
    expect(element('room')).toMatchObject({ initial_value: 'Auditorio' });
    expect(element('attendance')).toMatchObject({ initial_value: '80' });
    expect(element('flags')).toMatchObject({ initial_options: [{ value: 'video' }] });
  });

  it('does not open a form for someone who may not register; says why instead', async () => {
    const h = await start();
    await slashCommand(h, 'registrar', 'U0CURIOSO');
    await waitFor(() => h.slack.responses.length === 1);
    expect(h.slack.callsTo('views.open')).toEqual([]);
    expect(textOf(h.slack.responses[0]?.blocks)).toContain('Solo el responsable de una unidad');
  });

  it("suggests units by code or name in the form's unit picker", async () => {
    const h = await start();
    const body = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_suggestion',
        team: { id: 'T1' },
        user: { id: 'oficial-pic' },
        api_app_id: 'A1',
        action_id: 'unit',
        block_id: 'unit',
        value: 'quito',
        view: { id: 'V1', type: 'modal', callback_id: 'rendicion-registrar' },
      }),
    }).toString();
    const answer = await postSignedForAnswer({ url: h.eventsUrl, secret: SECRET, body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      options: [{ value: 'PIC-H1', text: { type: 'plain_text', text: 'PIC-H1 · Hospital General Quito Sur' } }],
    });
  });

  it('registers from the submitted form and answers in the channel where it was opened', async () => {
    const h = await start();
    const view = await openRegisterForm(h);
    const answer = await submitForm(h, 'U0ADMIN', view, registration('2098-09-15'));
    expect(answer.status).toBe(200);
    await waitFor(() => h.slack.responses.length === 1);
    expect(h.slack.responses[0]?.response_type).toBe('in_channel');
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)).toMatchObject({
      platform: 'teams',
      room: 'Auditorio "principal"',
      expectedAttendance: 80,
      showsVideo: true,
      hasCulturalSegment: false,
    });
  });

  it('stores what was typed in the form unchanged, whatever quotes, backslashes, = or emoji it holds', async () => {
    const h = await start();
    const view = await openRegisterForm(h);
    const values = registration('2098-09-15');
    values.room.value.value = TYPED_CHARACTERS.slice(0, 120);
    await submitForm(h, 'U0ADMIN', view, values);
    await waitFor(() => h.slack.responses.length === 1);
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)?.room).toBe(TYPED_CHARACTERS.slice(0, 120));
    await slashCommand(h, 'solicitar', 'oficial-pic');
    await waitFor(() => h.slack.callsTo('views.open').length === 2);
    const request = h.slack.callsTo('views.open')[1]?.params.view as { callback_id: string; private_metadata: string };
    await submitForm(h, 'oficial-pic', request, {
      kind: { value: { type: 'static_select', selected_option: { value: 'video' } } },
      unit: { unit: { type: 'external_select', selected_option: { value: 'PIC-DP' } } },
      description: { value: { type: 'plain_text_input', value: TYPED_CHARACTERS } },
      link: { value: { type: 'url_text_input', value: null } },
    });
    await waitFor(() => findApprovalRequestById(h.bot.db, 1) !== undefined);
    expect(findApprovalRequestById(h.bot.db, 1)?.description).toBe(TYPED_CHARACTERS);
  });

  it('shows a refusal next to the field it concerns and stores nothing', async () => {
    const h = await start();
    const view = await openRegisterForm(h);
    const answer = await submitForm(h, 'U0ADMIN', view, registration('2021-03-01'));
    const body = JSON.parse(answer.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['date']);
    expect(body.errors.date).toContain('ya pasó');
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)).toBeUndefined();
  });

  it('stores the join link from the form, and shows a bad one next to its field', async () => {
    const h = await start();
    const view = await openRegisterForm(h);
    const bad = {
      ...registration('2098-09-15'),
      joinUrl: { value: { type: 'url_text_input', value: 'http://zoom.us/j/1' } },
    };
    const refused = JSON.parse((await submitForm(h, 'U0ADMIN', view, bad)).body) as { errors: Record<string, string> };
    expect(Object.keys(refused.errors)).toEqual(['joinUrl']);
    expect(refused.errors.joinUrl).toContain('https://');
    const good = { ...bad, joinUrl: { value: { type: 'url_text_input', value: 'https://teams.microsoft.com/l/x' } } };
    await submitForm(h, 'U0ADMIN', view, good);
    await waitFor(() => h.slack.responses.length === 1);
    const unit = findUnitByCode(h.bot.db, h.bot.campaign.id, 'PIC-DP');
    expect(unit && findEventByUnit(h.bot.db, unit.id)?.joinUrl).toBe('https://teams.microsoft.com/l/x');
  });

  it('files an approval request from the request form', async () => {
    const h = await start();
    await slashCommand(h, 'registrar PIC-DP 15/09/2098 10:00 zoom', 'U0ADMIN');
    await slashCommand(h, 'solicitar', 'oficial-pic');
    await waitFor(() => h.slack.callsTo('views.open').length === 1);
    const view = h.slack.callsTo('views.open')[0]?.params.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('rendicion-solicitar');
    await submitForm(h, 'oficial-pic', view, {
      kind: { value: { type: 'static_select', selected_option: { value: 'cultural' } } },
      unit: { unit: { type: 'external_select', selected_option: { value: 'PIC-DP' } } },
      description: { value: { type: 'plain_text_input', value: 'Danza folclórica, 10 minutos' } },
      link: { value: { type: 'url_text_input', value: null } },
    });
    await waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
    expect(findApprovalRequestById(h.bot.db, 1)).toMatchObject({
      kind: 'cultural',
      description: 'Danza folclórica, 10 minutos',
      requestedBy: 'oficial-pic',
    });
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
    const adapter = createSlackAdapter({
      settings: {
        botToken: 'xoxb-revoked',
        signingSecret: SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
        channels: {},
        slashCommand: '/rendicion',
      },
      engine: bot.engine,
      db: bot.db,
      clock: bot.clock,
      logger: silentLogger,
      locale: 'es',
    });
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
