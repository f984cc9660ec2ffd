import type { InputBlock, KnownBlock, View } from '@slack/types';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import { quoteValue } from '../../commands/core/parse-invocation.js';
import { PLATFORMS } from '../../commands/core/parse-values.js';
import type { Database } from '../../db/client.js';
import { suggestUnits } from '../unit-suggestions.js';

export const REGISTER_FORM_ID = 'rendicion-registrar';
export const REQUEST_FORM_ID = 'rendicion-solicitar';
export const UNIT_SELECT_ACTION = 'unit';
/** Slack shows at most 100 options in a select. */
const MAX_OPTIONS = 100;

type Values = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_date?: string | null;
      selected_time?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 150) });

function input(blockId: string, label: string, element: InputBlock['element'], optional = false): KnownBlock {
  return { type: 'input', block_id: blockId, label: plain(label), optional, element };
}

const unitSelect = (t: Messages) =>
  input('unit', t.register.fields.unit, {
    type: 'external_select',
    action_id: UNIT_SELECT_ACTION,
    min_query_length: 0,
    placeholder: plain(t.chat.unitPlaceholder),
  });

/** What the form was opened from, so the answer can go back there. */
export interface FormOrigin {
  channelId: string;
  responseUrl: string;
}

function modal(callbackId: string, title: string, t: Messages, origin: FormOrigin, blocks: KnownBlock[]): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title.slice(0, 24)),
    submit: plain(t.chat.modalSubmit),
    close: plain(t.chat.modalCancel),
    private_metadata: JSON.stringify(origin),
    blocks,
  };
}

export function registerForm(t: Messages, origin: FormOrigin, windowStart: string): View {
  const option = (value: string, text: string) => ({ value, text: plain(text) });
  return modal(REGISTER_FORM_ID, t.chat.registerFormTitle, t, origin, [
    unitSelect(t),
    input('date', t.chat.fieldDate, { type: 'datepicker', action_id: 'value', initial_date: windowStart }),
    input('time', t.chat.fieldTime, { type: 'timepicker', action_id: 'value', initial_time: '10:00' }),
    input('platform', t.register.fields.platform, {
      type: 'static_select',
      action_id: 'value',
      options: PLATFORMS.map((platform) => option(platform, t.platforms[platform])),
    }),
    input('room', t.register.fields.room, { type: 'plain_text_input', action_id: 'value', max_length: 120 }, true),
    input('email', t.register.fields.questionsEmail, { type: 'email_text_input', action_id: 'value' }, true),
    input('joinUrl', t.chat.fieldJoinUrl, { type: 'url_text_input', action_id: 'value' }, true),
    input(
      'attendance',
      t.register.fields.attendance,
      { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0' },
      true,
    ),
    input(
      'flags',
      t.chat.fieldFlags,
      {
        type: 'checkboxes',
        action_id: 'value',
        options: [
          option('video', t.register.video),
          option('fotos', t.register.photos),
          option('cultural', t.register.fields.cultural),
        ],
      },
      true,
    ),
  ]);
}

export function requestForm(t: Messages, origin: FormOrigin): View {
  const kinds = (['video', 'fotos', 'cultural'] as const).map((kind) => ({
    value: kind,
    text: plain(t.approvals.kinds[kind]),
  }));
  return modal(REQUEST_FORM_ID, t.chat.requestFormTitle, t, origin, [
    input('kind', t.chat.fieldKind, { type: 'static_select', action_id: 'value', options: kinds }),
    unitSelect(t),
    input('description', t.chat.fieldDescription, {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: true,
      max_length: 500,
    }),
    input('link', t.chat.fieldLink, { type: 'url_text_input', action_id: 'value' }, true),
  ]);
}

/** The form's answers as the same command a user could type, so one engine checks both. */
export function commandFromForm(callbackId: string, values: Values): string | undefined {
  // Untrimmed: the command decides what to clean, as it does for a typed value.
  const text = (block: string) => {
    const value = values[block]?.value?.value;
    return value?.trim() ? value : undefined;
  };
  const unit = values.unit?.[UNIT_SELECT_ACTION]?.selected_option?.value;
  if (callbackId === REGISTER_FORM_ID) {
    const [year, month, day] = (values.date?.value?.selected_date ?? '').split('-');
    const parts = [
      'registrar',
      unit ?? '',
      `${day}/${month}/${year}`,
      values.time?.value?.selected_time ?? '',
      values.platform?.value?.selected_option?.value ?? '',
    ];
    const room = text('room');
    if (room) parts.push(`sala=${quoteValue(room)}`);
    const email = text('email');
    if (email) parts.push(`correo=${quoteValue(email)}`);
    const joinUrl = text('joinUrl');
    if (joinUrl) parts.push(`enlace=${quoteValue(joinUrl)}`);
    const attendance = text('attendance');
    if (attendance) parts.push(`asistentes=${quoteValue(attendance)}`);
    const flags = new Set(values.flags?.value?.selected_options?.map((selected) => selected.value) ?? []);
    for (const flag of ['video', 'fotos', 'cultural']) parts.push(`${flag}=${flags.has(flag) ? 'si' : 'no'}`);
    return parts.join(' ');
  }
  if (callbackId === REQUEST_FORM_ID) {
    const kind = values.kind?.value?.selected_option?.value ?? '';
    const link = text('link');
    return [
      'solicitar',
      kind,
      unit ?? '',
      quoteValue(text('description') ?? ''),
      ...(link ? [quoteValue(link)] : []),
    ].join(' ');
  }
  return undefined;
}

/** Which field a refusal belongs next to; anything else goes on the unit, the form's first field. */
export function fieldOfError(callbackId: string, errorCode: string | undefined): string {
  const registerFields: Record<string, string> = {
    invalid_date: 'date',
    date_outside_window: 'date',
    date_in_past: 'date',
    forbidden_force: 'date',
    invalid_time: 'time',
    invalid_platform: 'platform',
    invalid_email: 'email',
    invalid_join_url: 'joinUrl',
    invalid_option_value: 'attendance',
  };
  const requestFields: Record<string, string> = {
    invalid_kind: 'kind',
    invalid_link: 'link',
    text_too_long: 'description',
    missing_argument: 'description',
  };
  const fields = callbackId === REGISTER_FORM_ID ? registerFields : requestFields;
  return (errorCode && fields[errorCode]) || 'unit';
}

/** The unit picker's options: codes and names matching what was typed, the user's own units first. */
export function unitOptions(db: Database, typed: string, ownUnitCodes: ReadonlySet<string>) {
  return suggestUnits(db, typed, ownUnitCodes, MAX_OPTIONS).map((unit) => ({
    value: unit.code,
    text: plain(`${unit.code} · ${unit.name}`.slice(0, 75)),
  }));
}
