import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/run-process.js';

function sourceFiles(folder: string, recursive = true): string[] {
  return readdirSync(repoPath(folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return recursive ? sourceFiles(path) : [];
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The code of a file without its comments: a comment may name a platform, code may not. */
function codeOf(path: string): string {
  return readFileSync(repoPath(path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
}

const PLATFORM_NAME = /\b(slack|discord)\b/;

describe('a chat platform is one folder', () => {
  // The core: the commands, the database, and the runtime in bot/ outside the platform folders.
  // The message catalogues may say "Slack" to users; the CLIs in bot/cli are per-platform tools.
  const core = [
    ...sourceFiles('commands').filter((path) => !path.includes('/i18n/')),
    ...sourceFiles('db'),
    ...sourceFiles('bot', false),
    ...sourceFiles('bot/platforms').filter((path) => !path.endsWith('registry.ts')),
  ];

  it('scans the core files that used to name each platform', () => {
    for (const path of ['commands/core/types.ts', 'db/schema.ts', 'bot/main.ts', 'bot/health.ts', 'bot/config.ts']) {
      expect(core).toContain(path);
    }
  });

  it('has no core file naming a platform in its code: only the registry lists them', () => {
    const naming = core.filter((path) => PLATFORM_NAME.test(codeOf(path)));
    expect(naming).toEqual([]);
    expect(codeOf('bot/platforms/registry.ts')).toMatch(PLATFORM_NAME);
  });

  it('would catch a core file that names one (the check can fail)', () => {
    expect(PLATFORM_NAME.test("if (config.discord) platforms.push('discord');")).toBe(true);
    expect(PLATFORM_NAME.test(codeOf('bot/slack/index.ts'))).toBe(true);
  });
});

describe('adapters translate and render', () => {
  const adapters = [...sourceFiles('bot/slack'), ...sourceFiles('bot/discord')];
  const readsTheDatabase = /from '[./]*\/db\/queries\//;

  it("has no adapter file reading the database: what a form opens and holds is the engine's", () => {
    expect(adapters.length).toBeGreaterThan(10);
    const reading = adapters.filter((path) => readsTheDatabase.test(codeOf(path)));
    expect(reading).toEqual([]);
  });

  it('would catch an adapter importing a query (the check can fail)', () => {
    expect(readsTheDatabase.test("import { findEventByUnit } from '../../db/queries/events.js';")).toBe(true);
    expect(readsTheDatabase.test(codeOf('bot/button-store.ts'))).toBe(true);
  });
});
