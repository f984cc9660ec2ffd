import type { RosterProblem } from '../../commands/core/roster/parse-roster.js';

const spanish = {
  usage:
    'Uso: npm run roster -- import <archivo.csv> [--simular]\nEl archivo es un CSV con la cabecera: codigo,nombre,provincia,tipo,responsable',
  fileMissing: (file: string) => (file ? `No existe el archivo "${file}".` : 'Falta el archivo CSV.'),
  problemsTitle: (file: string, count: number) => `${file}: ${count} problema${count === 1 ? '' : 's'}:`,
  nothingImported: 'No se importó nada. Corrija el archivo y vuelva a ejecutar el comando.',
  dryRun: (rows: number) => `El archivo es válido: ${rows} unidades. Simulación: no se guardó nada.`,
  summary: (rows: number, created: number, updated: number, unchanged: number) =>
    `${rows} unidades en el archivo: ${created} nuevas, ${updated} actualizadas, ${unchanged} sin cambios.`,
  updatedList: (codes: string) => `Actualizadas: ${codes}`,
  notInFile: (count: number, codes: string) =>
    `${count} unidades de la base no están en el archivo y se conservan (pueden tener rendiciones): ${codes}`,
  line: (line: number, message: string) => `línea ${line}: ${message}`,
  header: (found: string) =>
    `la cabecera debe ser exactamente "codigo,nombre,provincia,tipo,responsable" (se encontró "${found}")`,
  columns: (count: number) => `tiene ${count} columnas y deben ser 5; si un nombre lleva comas, póngalo entre comillas`,
  code: (value: string) =>
    `el código "${value}" no es válido: use letras, números, "-" o "_" (hasta 20), por ejemplo PIC-DP`,
  empty: (column: string) => `falta el valor de "${column}"`,
  tooLong: (column: string, max: number) => `"${column}" es demasiado largo (máximo ${max} caracteres)`,
  officer: (value: string) => `"${value}" no es un correo ni un identificador de usuario válido en "responsable"`,
  province: (value: string, suggestion: string | undefined) =>
    `la provincia "${value}" no existe${suggestion ? `; ¿quiso decir "${suggestion}"?` : '.'} Escriba una de las 24 provincias del Ecuador (o las de "provincias" en el archivo de campaña), con o sin tildes.`,
  demoOrMissingCampaign: (databasePath: string, hasDemo: boolean) =>
    `No se importó nada: falta CAMPAIGN_FILE y ${
      hasDemo
        ? `la base ${databasePath} tiene la campaña de demostración (126 unidades ficticias)`
        : `la base ${databasePath} no tiene campaña (sin CAMPAIGN_FILE el bot crearía la de demostración, con 126 unidades ficticias)`
    }. Una nómina real nunca se mezcla con la demostración. Defina CAMPAIGN_FILE con el archivo de su campaña (ejemplo: examples/campana.ejemplo.json) y un DATABASE_PATH nuevo, y vuelva a ejecutar: CAMPAIGN_FILE=campana.json DATABASE_PATH=./data/campana.db npm run roster -- import unidades.csv`,
  duplicate: (code: string, firstLine: number) => `el código ${code} ya aparece en la línea ${firstLine}`,
  csv: (detail: string) => `el CSV no se puede leer: ${detail}`,
  noRows: 'el archivo no tiene unidades debajo de la cabecera',
};

type RosterText = typeof spanish;

const english: RosterText = {
  usage:
    'Usage: npm run roster -- import <file.csv> [--dry-run]\nThe file is a CSV with the header: codigo,nombre,provincia,tipo,responsable',
  fileMissing: (file) => (file ? `The file "${file}" does not exist.` : 'The CSV file is missing.'),
  problemsTitle: (file, count) => `${file}: ${count} problem${count === 1 ? '' : 's'}:`,
  nothingImported: 'Nothing was imported. Fix the file and run the command again.',
  dryRun: (rows) => `The file is valid: ${rows} units. Dry run: nothing was saved.`,
  summary: (rows, created, updated, unchanged) =>
    `${rows} units in the file: ${created} new, ${updated} updated, ${unchanged} unchanged.`,
  updatedList: (codes) => `Updated: ${codes}`,
  notInFile: (count, codes) =>
    `${count} units in the database are not in the file and are kept (they may have sessions): ${codes}`,
  line: (line, message) => `line ${line}: ${message}`,
  header: (found) => `the header must be exactly "codigo,nombre,provincia,tipo,responsable" (found "${found}")`,
  columns: (count) => `has ${count} columns and must have 5; if a name has commas, put it in quotes`,
  code: (value) => `the code "${value}" is not valid: use letters, digits, "-" or "_" (up to 20), e.g. PIC-DP`,
  empty: (column) => `"${column}" has no value`,
  tooLong: (column, max) => `"${column}" is too long (at most ${max} characters)`,
  officer: (value) => `"${value}" is neither an e-mail nor a valid user id in "responsable"`,
  province: (value, suggestion) =>
    `the province "${value}" does not exist${suggestion ? `; did you mean "${suggestion}"?` : '.'} Write one of Ecuador's 24 provinces (or those of "provincias" in the campaign file), with or without accents.`,
  demoOrMissingCampaign: (databasePath, hasDemo) =>
    `Nothing was imported: CAMPAIGN_FILE is not set and ${
      hasDemo
        ? `the database ${databasePath} holds the demo campaign (126 fictitious units)`
        : `the database ${databasePath} has no campaign (without CAMPAIGN_FILE the bot would create the demo, with 126 fictitious units)`
    }. A real roster never lands beside the demo. Set CAMPAIGN_FILE to your campaign's file (example: examples/campana.ejemplo.json) and a new DATABASE_PATH, and run again: CAMPAIGN_FILE=campana.json DATABASE_PATH=./data/campana.db npm run roster -- import unidades.csv`,
  duplicate: (code, firstLine) => `the code ${code} already appears on line ${firstLine}`,
  csv: (detail) => `the CSV cannot be read: ${detail}`,
  noRows: 'the file has no units below the header',
};

export function rosterText(locale: 'es' | 'en'): RosterText {
  return locale === 'en' ? english : spanish;
}

export function describeRosterProblem(text: RosterText, problem: RosterProblem): string {
  const message = (() => {
    switch (problem.problem) {
      case 'header':
        return text.header(problem.found);
      case 'columns':
        return text.columns(problem.count);
      case 'code':
        return text.code(problem.value);
      case 'empty':
        return text.empty(problem.column);
      case 'too_long':
        return text.tooLong(problem.column, problem.max);
      case 'officer':
        return text.officer(problem.value);
      case 'province':
        return text.province(problem.value, problem.suggestion);
      case 'duplicate':
        return text.duplicate(problem.code, problem.firstLine);
      case 'csv':
        return text.csv(problem.detail);
      case 'no_rows':
        return text.noRows;
    }
  })();
  return text.line(problem.line, message);
}
