import { describe, expect, it } from 'vitest';
import { findApprovalRequestById } from '../../../db/queries/approvals.js';
import { findEventByUnit } from '../../../db/queries/events.js';
import { findUnitByCode } from '../../../db/queries/units.js';
import { postSignedForAnswer, waitFor } from '../../../testing/fake-slack.js';
import type { SlackHarness } from '../../../testing/slack-harness.js';
import { nextTriggerId, SECRET, slackHarnessPerTest, slashCommand, textOf } from '../../helpers/slack-requests.js';
import { TYPED_CHARACTERS } from '../../helpers/typed-characters.js';

type Harness = SlackHarness;

const start = slackHarnessPerTest();

describe('Slack forms', () => {
  function submitForm(
    h: Harness,
    userId: string,
    view: { callback_id: string; private_metadata: string },
    values: Record<string, unknown>,
  ) {
    const triggerId = nextTriggerId();
    const body = new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T1' },
        user: { id: userId },
        api_app_id: 'A1',
        trigger_id: triggerId,
        view: { id: `V-form-${triggerId}`, type: 'modal', ...view, state: { values } },
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
