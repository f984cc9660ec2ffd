import type { InputBlock, KnownBlock, View } from '@slack/types';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import { quoteValue } from '../../commands/core/parse-invocation.js';
import type { FormChoice, FormDescription, FormField, FormName } from '../../commands/forms/form-description.js';

export const REGISTER_FORM_ID = 'rendicion-registrar';
export const REQUEST_FORM_ID = 'rendicion-solicitar';
export const UNIT_SELECT_ACTION = 'unit';
/** Slack shows at most 100 options in a select. */
export const MAX_UNIT_OPTIONS = 100;

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

/** What the form was opened from, so the answer can go back there. */
export interface FormOrigin {
  channelId: string;
  responseUrl: string;
}

/** Each form's block ids (submissions and error placement read them) by the engine's field ids. */
const BLOCK_IDS: Record<FormName, Record<string, string>> = {
  registrar: {
    unidad: 'unit',
    fecha: 'date',
    hora: 'time',
    plataforma: 'platform',
    sala: 'room',
    correo: 'email',
    enlace: 'joinUrl',
    asistentes: 'attendance',
    incluye: 'flags',
  },
  solicitar: { tipo: 'kind', unidad: 'unit', descripcion: 'description', enlace: 'link' },
};
const CALLBACK_IDS: Record<FormName, string> = { registrar: REGISTER_FORM_ID, solicitar: REQUEST_FORM_ID };

/** `15/09/2026` → `2026-09-15` for the date picker; anything else it cannot show. */
const pickerDate = (typed: string | undefined) => {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(typed ?? '');
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
};
const pickerTime = (typed: string | undefined) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(typed ?? '');
  return match ? `${match[1]?.padStart(2, '0')}:${match[2]}` : undefined;
};

/** One field of the engine's form as a Block Kit input element. */
function element(field: FormField, t: Messages): InputBlock['element'] {
  const option = (choice: FormChoice) => ({ value: choice.value, text: plain(choice.label) });
  const chosen = field.choices?.find((choice) => choice.value === field.value);
  const initialValue = field.value ? { initial_value: field.value } : {};
  const maxLength = field.maxLength ? { max_length: field.maxLength } : {};
  switch (field.kind) {
    case 'unit':
      return {
        type: 'external_select',
        action_id: UNIT_SELECT_ACTION,
        min_query_length: 0,
        placeholder: plain(t.chat.unitPlaceholder),
        ...(field.value ? { initial_option: { value: field.value, text: plain(field.value) } } : {}),
      };
    case 'date': {
      const initial = pickerDate(field.value) ?? pickerDate(field.suggested);
      return { type: 'datepicker', action_id: 'value', ...(initial ? { initial_date: initial } : {}) };
    }
    case 'time': {
      const initial = pickerTime(field.value) ?? pickerTime(field.suggested);
      return { type: 'timepicker', action_id: 'value', ...(initial ? { initial_time: initial } : {}) };
    }
    case 'choice':
      return {
        type: 'static_select',
        action_id: 'value',
        options: (field.choices ?? []).map(option),
        ...(chosen ? { initial_option: option(chosen) } : {}),
      };
    case 'checks': {
      const ticked = (field.choices ?? []).filter((choice) => field.values?.includes(choice.value));
      return {
        type: 'checkboxes',
        action_id: 'value',
        options: (field.choices ?? []).map(option),
        // Slack refuses an empty list of initial options.
        ...(ticked.length ? { initial_options: ticked.map(option) } : {}),
      };
    }
    case 'email':
      return { type: 'email_text_input', action_id: 'value', ...initialValue };
    case 'url':
      return { type: 'url_text_input', action_id: 'value', ...initialValue };
    case 'count':
      return { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0', ...initialValue };
    case 'longText':
      return { type: 'plain_text_input', action_id: 'value', multiline: true, ...maxLength, ...initialValue };
    case 'text':
      return { type: 'plain_text_input', action_id: 'value', ...maxLength, ...initialValue };
  }
}

/** The engine's form (registrar, solicitar) as a Slack modal. */
export function formView(form: FormDescription, t: Messages, origin: FormOrigin): View {
  const blockIds = BLOCK_IDS[form.name];
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS[form.name],
    title: plain(form.title.slice(0, 24)),
    submit: plain(t.chat.modalSubmit),
    close: plain(t.chat.modalCancel),
    private_metadata: JSON.stringify(origin),
    blocks: form.fields.map((field) =>
      input(blockIds[field.id] ?? field.id, field.label, element(field, t), !field.required),
    ),
  };
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

/** The unit picker's options, as the engine suggests them. */
export function unitOptions(choices: readonly FormChoice[]) {
  return choices
    .slice(0, MAX_UNIT_OPTIONS)
    .map((choice) => ({ value: choice.value, text: plain(choice.label.slice(0, 75)) }));
}
