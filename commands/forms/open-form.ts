import { findEventByUnit } from '../../db/queries/events.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { readOptions } from '../core/arguments.js';
import { parseInvocation } from '../core/parse-invocation.js';
import { PLATFORMS } from '../core/parse-values.js';
import type { CommandContext } from '../core/types.js';
import { unitDates } from '../core/unit-time-zone.js';
import { joinDayAfterTomorrow } from '../registrar.js';
import { findCommand } from '../registry.js';
import type { FormDescription, FormField, FormName } from './form-description.js';

const APPROVAL_KINDS = ['video', 'fotos', 'cultural'] as const;
const DEFAULT_TIME = '10:00';

/** `2026-09-15` → `15/09/2026`, as people there write dates. */
const typedDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** The names of each form command's positionals, in the order they are typed. */
const POSITIONALS: Readonly<Record<FormName, readonly string[]>> = {
  registrar: ['unidad', 'fecha', 'hora', 'plataforma'],
  solicitar: ['tipo', 'unidad', 'descripcion', 'enlace'],
};

/**
 * A typed `registrar` or `solicitar` as its values by name, for `openForm`; undefined for any other
 * command, or one that cannot be read (it runs, so the user gets its own error message).
 */
export function readFormCommand(text: string): { name: FormName; given: Map<string, string> } | undefined {
  const invocation = parseInvocation(text);
  if (!invocation.ok) return undefined;
  const command = findCommand(invocation.value.subcommand);
  if (command?.name !== 'registrar' && command?.name !== 'solicitar') return undefined;
  const name: FormName = command.name;
  try {
    const args = name === 'registrar' ? joinDayAfterTomorrow(invocation.value) : invocation.value;
    const given = new Map(readOptions(command, args));
    POSITIONALS[name].forEach((id, index) => {
      const value = args.positionals[index];
      if (value !== undefined) given.set(id, value);
    });
    return { name, given };
  } catch {
    return undefined;
  }
}

/**
 * Whether `registrar` or `solicitar`, given these values by name (positionals and options), opens a
 * form instead of running, and filled with what: without what they need, filled with whatever
 * was given; `registrar` with the unit alone, filled with the unit's registered session so it can
 * be rescheduled. Undefined: run the command.
 */
export function openForm(
  ctx: CommandContext,
  name: FormName,
  given: ReadonlyMap<string, string>,
): FormDescription | undefined {
  return name === 'registrar' ? registrationForm(ctx, given) : requestForm(ctx, given);
}

function registrationForm(ctx: CommandContext, given: ReadonlyMap<string, string>): FormDescription | undefined {
  const values = Object.fromEntries(given) as Record<string, string | undefined>;
  const unidad = values.unidad;
  const trio = [values.fecha, values.hora, values.plataforma];
  const someOfTrio = trio.some((value) => value !== undefined);
  if (unidad !== undefined && trio.every((value) => value !== undefined)) return undefined;
  if (unidad === undefined || someOfTrio) return registrationFields(ctx, values);
  // The unit alone: empty for a new session, filled with the session to reschedule it. A
  // registered session may also change only its options (`registrar PIC-DP sala=...`), which runs.
  if (given.size > 1) return undefined;
  const unit = findUnitByCode(ctx.deps.db, ctx.campaign.id, unidad);
  const event = unit ? findEventByUnit(ctx.deps.db, unit.id) : undefined;
  if (!unit || !event) return registrationFields(ctx, values);
  // The unit's own local time, as its officer types it (Galápagos is an hour behind).
  const dates = unitDates(ctx, unit);
  return registrationFields(ctx, {
    unidad: unit.code,
    fecha: typedDate(dates.toLocalDate(event.startsAt)),
    hora: dates.time(event.startsAt),
    plataforma: event.platform,
    sala: event.room ?? undefined,
    correo: event.questionsEmail ?? undefined,
    enlace: event.joinUrl ?? undefined,
    asistentes: event.expectedAttendance?.toString(),
    incluye: [
      ...(event.showsVideo ? ['video'] : []),
      ...(event.showsPhotos ? ['fotos'] : []),
      ...(event.hasCulturalSegment ? ['cultural'] : []),
    ],
  });
}

function registrationFields(
  ctx: CommandContext,
  given: Partial<
    Record<'unidad' | 'fecha' | 'hora' | 'plataforma' | 'sala' | 'correo' | 'enlace' | 'asistentes', string>
  > & {
    incluye?: readonly string[];
  },
): FormDescription {
  const { t } = ctx;
  const optional = (field: FormField): FormField => ({ ...field, required: false });
  return form('registrar', t.chat.registerFormTitle, [
    { id: 'unidad', kind: 'unit', label: t.register.fields.unit, required: true, value: given.unidad, maxLength: 40 },
    {
      id: 'fecha',
      kind: 'date',
      label: t.chat.fieldDate,
      required: true,
      value: given.fecha,
      suggested: typedDate(ctx.campaign.windowStart),
    },
    { id: 'hora', kind: 'time', label: t.chat.fieldTime, required: true, value: given.hora, suggested: DEFAULT_TIME },
    {
      id: 'plataforma',
      kind: 'choice',
      label: t.register.fields.platform,
      required: true,
      value: given.plataforma,
      choices: PLATFORMS.map((platform) => ({ value: platform, label: t.platforms[platform] })),
    },
    optional({
      id: 'sala',
      kind: 'text',
      label: t.register.fields.room,
      required: false,
      value: given.sala,
      maxLength: 120,
    }),
    optional({
      id: 'correo',
      kind: 'email',
      label: t.register.fields.questionsEmail,
      required: false,
      value: given.correo,
    }),
    optional({
      id: 'enlace',
      kind: 'url',
      label: t.chat.fieldJoinUrl,
      required: false,
      value: given.enlace,
      maxLength: 500,
    }),
    optional({
      id: 'asistentes',
      kind: 'count',
      label: t.register.fields.attendance,
      required: false,
      value: given.asistentes,
    }),
    optional({
      id: 'incluye',
      kind: 'checks',
      label: t.chat.fieldFlags,
      required: false,
      values: given.incluye ?? [],
      choices: [
        { value: 'video', label: t.register.video },
        { value: 'fotos', label: t.register.photos },
        { value: 'cultural', label: t.register.fields.cultural },
      ],
    }),
  ]);
}

function requestForm(ctx: CommandContext, given: ReadonlyMap<string, string>): FormDescription | undefined {
  const [tipo, unidad, descripcion, enlace] = POSITIONALS.solicitar.map((id) => given.get(id));
  if (tipo !== undefined && unidad !== undefined && descripcion !== undefined) return undefined;
  const { t } = ctx;
  return form('solicitar', t.chat.requestFormTitle, [
    {
      id: 'tipo',
      kind: 'choice',
      label: t.chat.fieldKind,
      required: true,
      value: tipo,
      choices: APPROVAL_KINDS.map((kind) => ({ value: kind, label: t.approvals.kinds[kind] })),
    },
    { id: 'unidad', kind: 'unit', label: t.register.fields.unit, required: true, value: unidad, maxLength: 40 },
    {
      id: 'descripcion',
      kind: 'longText',
      label: t.chat.fieldDescription,
      required: true,
      value: descripcion,
      maxLength: 500,
    },
    { id: 'enlace', kind: 'url', label: t.chat.fieldLink, required: false, value: enlace, maxLength: 500 },
  ]);
}

function form(name: FormName, title: string, fields: FormField[]): FormDescription {
  return { name, title, fields };
}
