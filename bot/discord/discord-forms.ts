import {
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import type { Messages } from '../../commands/core/i18n/catalogue.js';
import { quoteValue } from '../../commands/core/parse-invocation.js';
import type { ReplyButton } from '../../commands/core/types.js';
import { type FormDescription, type FormName, fieldOf } from '../../commands/forms/form-description.js';

// Discord's modal limits: a title of 45 characters, 5 text inputs, labels of 45 characters,
// placeholders of 100, values of 4000.
const MAX_TITLE = 45;
const MAX_LABEL = 45;
const MAX_PLACEHOLDER = 100;

/** Prefix of a form modal's custom id: `rf:registrar` or `rf:registrar:<stored extra options>`. */
const FORM_PREFIX = 'rf:';
/** Prefix of the modal a button opens to ask for text: `ri:<stored button id>`. */
const INPUT_PREFIX = 'ri:';
export const INPUT_FIELD = 'texto';

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function textInput(
  id: string,
  label: string,
  options: { placeholder?: string; value?: string; required?: boolean; long?: boolean; maxLength?: number },
): { type: ComponentType.ActionRow; components: APITextInputComponent[] } {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.TextInput,
        custom_id: id,
        label: cut(label, MAX_LABEL),
        style: options.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: options.required ?? true,
        ...(options.maxLength ? { max_length: options.maxLength } : {}),
        ...(options.placeholder ? { placeholder: cut(options.placeholder, MAX_PLACEHOLDER) } : {}),
        ...(options.value ? { value: options.value } : {}),
      },
    ],
  };
}

export interface FormValues {
  unidad?: string;
  fecha?: string;
  hora?: string;
  plataforma?: string;
  sala?: string;
  tipo?: string;
  descripcion?: string;
  enlace?: string;
}

/**
 * The engine's fields each modal shows (`hora` shares the date's input): Discord allows five text
 * inputs, so the others (e-mail, attendance, flags) travel with the form as typed options.
 */
export const FORM_FIELDS: Readonly<Record<FormName, readonly string[]>> = {
  registrar: ['unidad', 'fecha', 'hora', 'plataforma', 'sala', 'enlace'],
  solicitar: ['tipo', 'unidad', 'descripcion', 'enlace'],
};

/**
 * The engine's form (`registrar`, `solicitar`) as a modal of text inputs, filled as it says.
 * `extraRef` keeps the other options (e-mail, flags) for the submit.
 */
export function formModal(
  form: FormDescription,
  t: Messages,
  extraRef?: number,
): APIModalInteractionResponseCallbackData {
  const customId = `${FORM_PREFIX}${form.name}${extraRef ? `:${extraRef}` : ''}`;
  const value = (id: string) => fieldOf(form, id)?.value;
  const unit = textInput('unidad', t.chat.fieldUnit, { value: value('unidad'), maxLength: 40 });
  if (form.name === 'registrar') {
    return {
      custom_id: customId,
      title: cut(form.title, MAX_TITLE),
      components: [
        unit,
        // Date and time share a field: Discord allows five, and the join link needs one.
        textInput('fecha', t.chat.fieldDateTime, {
          placeholder: t.chat.dateTimePlaceholder,
          value: [value('fecha'), value('hora')].filter(Boolean).join(' ') || undefined,
          maxLength: 40,
        }),
        textInput('plataforma', t.chat.fieldPlatform, {
          placeholder: t.chat.platformPlaceholder,
          value: value('plataforma'),
          maxLength: 20,
        }),
        textInput('sala', t.chat.fieldRoom, { value: value('sala'), required: false, maxLength: 120 }),
        textInput('enlace', t.chat.fieldJoinUrl, { value: value('enlace'), required: false, maxLength: 500 }),
      ],
    };
  }
  return {
    custom_id: customId,
    title: cut(form.title, MAX_TITLE),
    components: [
      textInput('tipo', t.chat.fieldKind, { placeholder: t.chat.kindPlaceholder, value: value('tipo'), maxLength: 20 }),
      unit,
      textInput('descripcion', t.chat.fieldDescription, { value: value('descripcion'), long: true, maxLength: 500 }),
      textInput('enlace', t.chat.fieldLink, { value: value('enlace'), required: false, maxLength: 500 }),
    ],
  };
}

/** Reads a form modal's custom id back: which form, and the stored extra options if any. */
export function parseFormId(customId: string): { form: FormName; extraRef?: number } | undefined {
  const match = /^rf:(registrar|solicitar)(?::(\d{1,15}))?$/.exec(customId);
  if (!match?.[1]) return undefined;
  return { form: match[1] as FormName, extraRef: match[2] ? Number(match[2]) : undefined };
}

/** The submitted form as the command a user could type, so the engine checks it like any other. */
export function commandFromForm(form: FormName, values: FormValues, extraOptions = ''): string {
  const word = (value: string | undefined) => (value?.trim() ? quoteValue(value) : '');
  // The date-and-time field is read as the user would type it after the unit: `15/09/2026 10:00`,
  // `pasado mañana 10h`. Each word is quoted on its own, so no quote typed there joins two.
  const words = (value: string | undefined) => (value?.trim() ? value.trim().split(/\s+/).map(quoteValue) : []);
  const parts =
    form === 'registrar'
      ? [
          'registrar',
          word(values.unidad),
          ...words(values.fecha),
          word(values.hora),
          word(values.plataforma),
          values.sala?.trim() ? `sala=${quoteValue(values.sala)}` : '',
          values.enlace?.trim() ? `enlace=${quoteValue(values.enlace.trim())}` : '',
        ]
      : [
          'solicitar',
          word(values.tipo),
          word(values.unidad),
          quoteValue(values.descripcion ?? ''),
          word(values.enlace),
        ];
  return [...parts, extraOptions].filter(Boolean).join(' ');
}

/** The modal a button with `input` opens (the reason for a rejection, for instance). */
export function inputModal(
  button: Pick<ReplyButton, 'input'>,
  buttonRef: number,
  t: Messages,
): APIModalInteractionResponseCallbackData {
  const label = button.input?.label ?? t.chat.modalSubmit;
  return {
    custom_id: `${INPUT_PREFIX}${buttonRef}`,
    title: cut(label, MAX_TITLE),
    components: [textInput(INPUT_FIELD, label, { placeholder: button.input?.placeholder, long: true, maxLength: 500 })],
  };
}

export function parseInputModalId(customId: string): number | undefined {
  const match = /^ri:(\d{1,15})$/.exec(customId);
  return match?.[1] ? Number(match[1]) : undefined;
}
