import { alertaCuenta } from './alerta-cuenta.js';
import { createHelpCommand } from './ayuda.js';
import type { CommandDefinition } from './core/types.js';
import { declarar } from './declarar.js';
import { enlaces } from './enlaces.js';
import { estado } from './estado.js';
import { exportar } from './exportar.js';
import { hoja } from './hoja.js';
import { marcar } from './marcar.js';
import { presentacion } from './presentacion.js';
import { recordatorios } from './recordatorios.js';
import { registrar } from './registrar.js';
import { resumen } from './resumen.js';
import { rol } from './rol.js';
import { solicitar } from './solicitar.js';
import { solicitud } from './solicitud.js';
import { solicitudes } from './solicitudes.js';
import { tuit } from './tuit.js';
import { tuitFijo } from './tuit-fijo.js';
import { youtube } from './youtube.js';

const ayuda = createHelpCommand(() => COMMANDS);

/** Every command, in the order `ayuda` lists them. Help, Slack's manifest and Discord read this. */
export const COMMANDS: readonly CommandDefinition[] = [
  ayuda,
  registrar,
  marcar,
  estado,
  solicitar,
  solicitudes,
  solicitud,
  tuit,
  tuitFijo,
  alertaCuenta,
  youtube,
  presentacion,
  declarar,
  enlaces,
  exportar,
  hoja,
  resumen,
  recordatorios,
  rol,
];

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((command) => command.name === name || command.aliases.includes(name));
}

export function findCommandWithAction(actionId: string): CommandDefinition | undefined {
  return COMMANDS.find((command) => command.actions?.[actionId] !== undefined);
}
