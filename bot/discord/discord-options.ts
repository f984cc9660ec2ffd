import { REQUESTED_KINDS } from '../../commands/core/approval-kinds.js';
import type { CommandName } from '../../commands/core/i18n/catalogue.js';
import type { Locale } from '../../commands/core/types.js';
import type { Suggestion } from '../../commands/forms/suggestions.js';
import { COMMANDS } from '../../commands/registry.js';

/**
 * How one typed Discord option becomes part of the command text the engine parses:
 * `positional` (in `order`), `option` (`clave=valor`), `flag` (a word when true), `yesNo` (`clave=si|no`).
 */
type Placement =
  | { kind: 'positional'; order: number }
  | { kind: 'option'; key: string }
  | { kind: 'flag'; word: string; order: number }
  | { kind: 'yesNo'; key: string };

export interface OptionSpec {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'user';
  description: Record<Locale, string>;
  placement: Placement;
  required?: boolean;
  choices?: readonly string[];
  suggest?: Suggestion;
  maxLength?: number;
  minValue?: number;
  /** Used only with this value of another option (a reason only goes with `rechazar`). */
  onlyWhen?: { option: string; equals: string };
}

const unit = (order: number): OptionSpec => ({
  name: 'unidad',
  type: 'string',
  description: { es: 'Código de la unidad, por ejemplo PIC-DP', en: 'Unit code, e.g. PIC-DP' },
  placement: { kind: 'positional', order },
  suggest: 'unit',
  maxLength: 40,
});
const link = (order: number, es: string, en: string): OptionSpec => ({
  name: 'enlace',
  type: 'string',
  description: { es, en },
  placement: { kind: 'positional', order },
  maxLength: 500,
});
const page = (order: number): OptionSpec => ({
  name: 'pagina',
  type: 'integer',
  description: { es: 'Número de página de la lista (25 por página)', en: 'Page number of the list (25 per page)' },
  placement: { kind: 'positional', order },
  minValue: 1,
});
const yesNo = (name: string, es: string, en: string): OptionSpec => ({
  name,
  type: 'boolean',
  description: { es, en },
  placement: { kind: 'yesNo', key: name },
});

/**
 * The typed options of each `/rendicion` subcommand. Every subcommand is an engine command (same
 * name) and its options become the text a user would type, so the engine checks both the same way.
 */
export const DISCORD_OPTIONS: Readonly<Record<CommandName, readonly OptionSpec[]>> = {
  ayuda: [
    {
      name: 'comando',
      type: 'string',
      description: { es: 'Un comando para ver su detalle', en: 'A command to see in detail' },
      placement: { kind: 'positional', order: 0 },
      choices: COMMANDS.filter((command) => command.name !== 'ayuda').map((command) => command.name),
    },
  ],
  registrar: [
    unit(0),
    {
      name: 'fecha',
      type: 'string',
      description: { es: 'Fecha: 15/09/2026 o 2026-09-15', en: 'Date: 15/09/2026 or 2026-09-15' },
      placement: { kind: 'positional', order: 1 },
      maxLength: 20,
    },
    {
      name: 'hora',
      type: 'string',
      description: { es: 'Hora de 24 horas: 10:00 o 10h00', en: '24-hour time: 10:00 or 10h00' },
      placement: { kind: 'positional', order: 2 },
      maxLength: 10,
    },
    {
      name: 'plataforma',
      type: 'string',
      description: { es: 'Dónde se transmite la sesión', en: 'Where the session is streamed' },
      placement: { kind: 'positional', order: 3 },
      choices: ['zoom', 'teams', 'meet', 'youtube', 'webex', 'facebook'],
    },
    {
      name: 'sala',
      type: 'string',
      description: { es: 'Lugar de la sesión', en: 'Where the session takes place' },
      placement: { kind: 'option', key: 'sala' },
      maxLength: 120,
    },
    {
      name: 'correo',
      type: 'string',
      description: { es: 'Correo para preguntas posteriores', en: 'E-mail for questions afterwards' },
      placement: { kind: 'option', key: 'correo' },
      maxLength: 200,
    },
    {
      name: 'enlace',
      type: 'string',
      description: {
        es: 'Enlace público para unirse o ver la sesión (https)',
        en: 'Public link to join or watch the session (https)',
      },
      placement: { kind: 'option', key: 'enlace' },
      maxLength: 500,
    },
    {
      name: 'asistentes',
      type: 'integer',
      description: { es: 'Público esperado', en: 'Expected attendance' },
      placement: { kind: 'option', key: 'asistentes' },
      minValue: 0,
    },
    yesNo('video', 'La sesión mostrará un video', 'The session will show a video'),
    yesNo('fotos', 'La sesión mostrará fotos', 'The session will show photos'),
    yesNo('cultural', 'La sesión tendrá un segmento cultural', 'The session will have a cultural segment'),
    yesNo('forzar', 'Solo administradores: fuera del periodo', 'Admins only: outside the window'),
  ],
  marcar: [
    { ...unit(0), required: true },
    {
      name: 'paso',
      type: 'string',
      description: { es: 'El paso del checklist', en: 'The checklist step' },
      placement: { kind: 'positional', order: 1 },
      suggest: 'step',
      required: true,
      maxLength: 40,
    },
    {
      name: 'desmarcar',
      type: 'boolean',
      description: { es: 'Desmarcar el paso', en: 'Untick the step' },
      placement: { kind: 'flag', word: 'no', order: 2 },
    },
  ],
  estado: [
    {
      name: 'alcance',
      type: 'string',
      description: { es: 'Una unidad, una provincia o "todo"', en: 'A unit, a province or "todo" (all)' },
      placement: { kind: 'positional', order: 0 },
      suggest: 'scope',
      maxLength: 60,
    },
    page(1),
  ],
  resumen: [
    {
      name: 'grafico',
      type: 'boolean',
      description: { es: 'Agregar el gráfico de avance', en: 'Add the progress chart' },
      placement: { kind: 'flag', word: 'grafico', order: 0 },
    },
    {
      name: 'dia',
      type: 'string',
      description: { es: 'Solo las sesiones de ese día, por páginas', en: "Only that day's sessions, by pages" },
      placement: { kind: 'positional', order: 1 },
      choices: ['hoy', 'manana'],
    },
    page(2),
  ],
  solicitar: [
    {
      name: 'tipo',
      type: 'string',
      description: { es: 'Qué necesita aprobación', en: 'What needs approval' },
      placement: { kind: 'positional', order: 0 },
      choices: [...REQUESTED_KINDS],
    },
    unit(1),
    {
      name: 'descripcion',
      type: 'string',
      description: { es: 'Qué es, cuánto dura', en: 'What it is, how long' },
      placement: { kind: 'positional', order: 2 },
      maxLength: 500,
    },
    link(3, 'Enlace al material (opcional)', 'Link to the material (optional)'),
  ],
  solicitudes: [
    {
      name: 'filtro',
      type: 'string',
      description: { es: '"pendientes", "todas" o una unidad', en: '"pendientes", "todas" or a unit' },
      placement: { kind: 'positional', order: 0 },
      suggest: 'requestsFilter',
      maxLength: 40,
    },
    page(1),
  ],
  solicitud: [
    {
      name: 'numero',
      type: 'integer',
      description: { es: 'Número de la solicitud', en: 'Request number' },
      placement: { kind: 'positional', order: 1 },
      required: true,
      minValue: 1,
    },
    {
      name: 'accion',
      type: 'string',
      description: { es: 'Sin acción, la muestra', en: 'Without an action, shows it' },
      placement: { kind: 'positional', order: 0 },
      choices: ['aprobar', 'rechazar', 'retirar'],
    },
    {
      name: 'motivo',
      type: 'string',
      description: { es: 'Motivo del rechazo', en: 'Reason for rejecting' },
      placement: { kind: 'positional', order: 2 },
      onlyWhen: { option: 'accion', equals: 'rechazar' },
      maxLength: 500,
    },
  ],
  tuit: [
    { ...unit(0), required: true },
    {
      name: 'texto',
      type: 'string',
      description: { es: 'El texto del tuit', en: 'The tweet text' },
      placement: { kind: 'positional', order: 1 },
      required: true,
      maxLength: 1000,
    },
  ],
  'tuit-fijo': [],
  'alerta-cuenta': [
    {
      name: 'que-vio',
      type: 'string',
      description: { es: 'Qué vio en la cuenta', en: 'What you saw on the account' },
      placement: { kind: 'positional', order: 1 },
      maxLength: 500,
    },
    {
      name: 'resolver',
      type: 'boolean',
      description: { es: 'Solo administradores: cerrar la alerta', en: 'Admins only: close the alert' },
      placement: { kind: 'flag', word: 'resolver', order: 0 },
    },
  ],
  youtube: [
    { ...unit(0), required: true },
    { ...link(1, 'Enlace del video de YouTube', 'YouTube video link'), required: true },
    yesNo('forzar', 'Solo administradores: video de otra unidad', 'Admins only: video of another unit'),
  ],
  presentacion: [
    { ...unit(0), required: true },
    { ...link(1, 'Dirección de la página institucional', 'Address of the institutional page'), required: true },
  ],
  declarar: [
    { ...unit(0), required: true },
    {
      name: 'paso',
      type: 'string',
      description: { es: 'youtube o presentacion', en: 'youtube or presentacion' },
      placement: { kind: 'positional', order: 1 },
      choices: ['youtube', 'presentacion'],
      required: true,
    },
    {
      name: 'retirar',
      type: 'boolean',
      description: { es: 'Retirar la declaración', en: 'Withdraw the declaration' },
      placement: { kind: 'flag', word: 'no', order: 2 },
    },
  ],
  enlaces: [
    {
      name: 'provincia',
      type: 'string',
      description: { es: 'Solo una provincia', en: 'Only one province' },
      placement: { kind: 'positional', order: 0 },
      suggest: 'province',
      maxLength: 60,
    },
    page(1),
  ],
  hoja: [],
  exportar: [],
  recordatorios: [
    {
      name: 'activar',
      type: 'string',
      description: { es: 'Sin valor, muestra su estado', en: 'Without a value, shows your setting' },
      placement: { kind: 'positional', order: 0 },
      choices: ['on', 'off'],
    },
  ],
  rol: [
    {
      name: 'usuario',
      type: 'user',
      description: { es: 'La persona', en: 'The person' },
      placement: { kind: 'positional', order: 0 },
    },
    {
      name: 'rol',
      type: 'string',
      description: {
        es: 'direccion, comunicacion, admin u oficial:UNIDAD',
        en: 'direccion, comunicacion, admin or oficial:UNIT',
      },
      placement: { kind: 'positional', order: 1 },
      suggest: 'role',
      maxLength: 60,
    },
    {
      name: 'quitar',
      type: 'boolean',
      description: { es: 'Retirar el rol', en: 'Remove the role' },
      placement: { kind: 'flag', word: 'quitar', order: 2 },
    },
  ],
};
