import { readFileSync } from 'node:fs';
import { auth, sheets } from '@googleapis/sheets';

export interface SheetWriter {
  /** Replaces the sheet's contents with these rows (header first). */
  writeTable(rows: readonly (readonly string[])[]): Promise<void>;
  /** Overwrites only these rows (0 is the header), in one request. */
  writeRows(rows: readonly { index: number; values: readonly string[] }[]): Promise<void>;
}

export type SheetCredentials =
  | { kind: 'service-account'; keyFile: string }
  | { kind: 'owner'; clientId: string; clientSecret: string; refreshToken: string; tokenUrl?: string };

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets'];

function authFor(credentials: SheetCredentials) {
  if (credentials.kind === 'owner') {
    const oauth = new auth.OAuth2({
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      ...(credentials.tokenUrl ? { endpoints: { oauth2TokenUrl: credentials.tokenUrl } } : {}),
    });
    oauth.setCredentials({ refresh_token: credentials.refreshToken });
    return oauth;
  }
  const key = JSON.parse(readFileSync(credentials.keyFile, 'utf8')) as { client_email: string; private_key: string };
  const jwt = new auth.JWT({ email: key.client_email, key: key.private_key, scopes: SCOPES });
  // Signs its own short-lived token: no call to Google's token endpoint (a property, not an option).
  jwt.useJWTAccessWithScope = true;
  return jwt;
}

/** Writes the campaign table to one sheet of a spreadsheet: whole (a clear, then one update) or by rows. */
export function createSheetWriter(settings: {
  spreadsheetId: string;
  sheetName: string;
  rootUrl: string;
  credentials: SheetCredentials;
}): SheetWriter {
  const client = sheets({
    version: 'v4',
    auth: authFor(settings.credentials),
    rootUrl: settings.rootUrl,
    retry: false,
  });
  const sheet = `'${settings.sheetName.replace(/'/g, "''")}'`;
  return {
    async writeTable(rows) {
      await client.spreadsheets.values.clear({ spreadsheetId: settings.spreadsheetId, range: `${sheet}!A:ZZ` });
      await client.spreadsheets.values.update({
        spreadsheetId: settings.spreadsheetId,
        range: `${sheet}!A1`,
        valueInputOption: 'RAW',
        requestBody: { values: rows.map((row) => [...row]) },
      });
    },
    async writeRows(rows) {
      await client.spreadsheets.values.batchUpdate({
        spreadsheetId: settings.spreadsheetId,
        requestBody: {
          valueInputOption: 'RAW',
          data: rows.map((row) => ({ range: `${sheet}!A${row.index + 1}`, values: [[...row.values]] })),
        },
      });
    },
  };
}
