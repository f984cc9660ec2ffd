import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/queries/audit.js';
import { listRoleAssignments } from '../../db/queries/roles.js';
import { createTestBot, type TestBot } from '../../testing/test-bot.js';

let bot: TestBot;
afterEach(() => bot.close());

describe('rol', () => {
  it('gives the Directorate role, which then lets the user register any unit', () => {
    bot = createTestBot();
    expect(bot.send('registrar GUA-DP 15/09/2026 10:00 zoom', { as: 'U100' }).tone).toBe('error');
    const reply = bot.send('rol <@U100|ana> direccion');
    expect(reply.rendered).toContain('U100 ahora tiene el rol Dirección.');
    expect(listRoleAssignments(bot.db)).toMatchObject([{ userId: 'U100', role: 'directorate', grantedBy: 'admin-1' }]);
    expect(listAuditEntries(bot.db, { entity: 'user' })[0]).toMatchObject({ action: 'role.granted', entityId: 'U100' });
    expect(bot.send('registrar GUA-DP 15/09/2026 10:00 zoom', { as: 'U100' }).tone).toBe('success');
  });

  it('makes a user the officer of one unit with oficial:UNIDAD', () => {
    bot = createTestBot();
    bot.send('rol U200 oficial:man-dp');
    expect(listRoleAssignments(bot.db)).toMatchObject([{ userId: 'U200', role: 'officer', scope: 'MAN-DP' }]);
    expect(bot.send('registrar MAN-DP 15/09/2026 10:00 zoom', { as: 'U200' }).tone).toBe('success');
    expect(bot.send('registrar GUA-DP 15/09/2026 10:00 zoom', { as: 'U200' }).rendered).toContain(
      'Usted no es responsable de GUA-DP',
    );
  });

  it('removes a role with quitar and audits it', () => {
    bot = createTestBot();
    bot.send('rol U100 comunicacion');
    const reply = bot.send('rol U100 comunicacion quitar');
    expect(reply.rendered).toContain('U100 ya no tiene el rol Comunicación.');
    expect(listRoleAssignments(bot.db)).toEqual([]);
    expect(listAuditEntries(bot.db, { entity: 'user' })[0]).toMatchObject({ action: 'role.revoked' });
  });

  it('changes nothing when the role is given twice', () => {
    bot = createTestBot();
    bot.send('rol U100 direccion');
    const audits = bot.auditCount();
    expect(bot.send('rol U100 direccion').rendered).toContain('U100 ya tenía el rol Dirección; no se cambió nada.');
    expect(bot.auditCount()).toBe(audits);
  });

  it('refuses to remove an admin that BOT_ADMINS makes admin', () => {
    bot = createTestBot();
    expect(bot.send('rol admin-1 admin quitar').rendered).toContain(
      'es administrador por la configuración del bot (BOT_ADMINS)',
    );
  });

  it("shows one user's roles, including those from the roster", () => {
    bot = createTestBot();
    bot.send('rol oficial-pic comunicacion');
    const reply = bot.send('rol oficial-pic');
    expect(reply.title).toBe('Roles de oficial-pic');
    expect(reply.rendered).toContain('Comunicación (admin-1, mar 1 sep, 09:00)');
    expect(reply.rendered).toContain('oficial de PIC-DP, PIC-H1 (por la nómina de unidades)');
  });

  it('lists every role, the BOT_ADMINS ones first', () => {
    bot = createTestBot();
    bot.send('rol U100 direccion');
    const reply = bot.send('rol');
    expect(reply.rendered).toContain(
      '• admin-1 — administrador (BOT_ADMINS)\n  • U100 — Dirección (asignado por admin-1)',
    );
  });

  it('refuses an unknown role and suggests the valid ones', () => {
    bot = createTestBot();
    const reply = bot.send('rol U100 jefe');
    expect(reply.rendered).toContain(
      'No conozco el rol `jefe`. Escriba `direccion`, `comunicacion`, `admin` o `oficial:GUA-DP`.',
    );
    expect(listRoleAssignments(bot.db)).toEqual([]);
  });

  it('refuses an officer unit that does not exist', () => {
    bot = createTestBot();
    expect(bot.send('rol U100 oficial:XYZ').rendered).toContain('No encuentro la unidad `XYZ`');
    expect(listRoleAssignments(bot.db)).toEqual([]);
  });

  it('refuses anyone but an admin, even the Directorate', () => {
    bot = createTestBot();
    bot.send('rol U100 direccion');
    const reply = bot.send('rol U300 admin', { as: 'U100' });
    expect(reply.rendered).toContain('Solo un administrador puede usar `rol`');
    expect(listRoleAssignments(bot.db)).toHaveLength(1);
  });
});
