import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layers point one way (STYLE.md, Layering): platforms live in bot/, commands/ are
 * platform-independent, db/ sits below both, and the bench and the tests share what they both
 * need through testing/ instead of importing each other. This reads every import of every source
 * file and names each one that points the wrong way.
 */

const SOURCE_FOLDERS = ['bot', 'commands', 'db', 'integrations', 'test', 'testing', 'bench', 'scripts'];
const SOURCE_FILE = /\.(ts|mts|mjs)$/;
/** Its planted examples below are strings that read like imports. */
const THIS_FILE = 'test/layering.test.ts';
const PRODUCTION = ['bot/', 'commands/', 'db/', 'integrations/'];

interface SourceFile {
  path: string;
  text: string;
}

interface Rule {
  /** Files under these folders... */
  from: string[];
  /** ...never import files under these folders or these packages (a trailing `/` is a scope). */
  never: string[];
  why: string;
}

const RULES: Rule[] = [
  {
    from: ['commands/'],
    never: ['bot/', 'integrations/', '@slack/', 'discord.js'],
    why: 'commands are platform-independent',
  },
  { from: ['db/'], never: ['commands/', 'bot/', 'integrations/'], why: 'the database layer is below the commands' },
  { from: ['test/'], never: ['bench/'], why: 'what tests and bench share lives in testing/' },
  { from: ['bench/'], never: ['test/'], why: 'what tests and bench share lives in testing/' },
  { from: ['testing/'], never: ['test/', 'bench/'], why: 'testing/ sits below both the tests and the bench' },
  { from: PRODUCTION, never: ['test/', 'testing/', 'bench/'], why: 'the bot never ships test code' },
];

/** Adapters translate and render; the engine decides, and reads the database. */
const ADAPTER_RULE: Rule = {
  from: ['bot/slack/', 'bot/discord/'],
  never: ['db/queries/'],
  why: 'an adapter never reads the database',
};

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** Each module a file imports: a repository path for a relative import, else the package name. */
function importsOf(file: SourceFile): string[] {
  const found: string[] = [];
  for (const match of file.text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1] ?? '';
    found.push(specifier.startsWith('.') ? normalize(join(dirname(file.path), specifier)) : specifier);
  }
  return found;
}

function matches(target: string, pattern: string): boolean {
  if (pattern.endsWith('/')) return target.startsWith(pattern);
  return target === pattern || target.startsWith(`${pattern}/`);
}

function wrongDirectionImports(files: SourceFile[], rules: Rule[]): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    for (const rule of rules) {
      if (!rule.from.some((folder) => file.path.startsWith(folder))) continue;
      for (const target of importsOf(file)) {
        if (rule.never.some((pattern) => matches(target, pattern))) {
          wrong.push(`${file.path} imports ${target} (${rule.why})`);
        }
      }
    }
  }
  return wrong;
}

function readSources(): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      if (path === THIS_FILE) continue;
      files.push({ path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

describe('layering', () => {
  const sources = readSources();

  it('reads every source folder and its imports (an empty scan would pass anything)', () => {
    for (const folder of SOURCE_FOLDERS) {
      expect(
        sources.some((file) => file.path.startsWith(`${folder}/`)),
        folder,
      ).toBe(true);
    }
    expect(sources.flatMap(importsOf).length).toBeGreaterThan(1000);
  });

  it('has no import pointing the wrong way between layers', () => {
    expect(wrongDirectionImports(sources, RULES)).toEqual([]);
  });

  it('has no Slack or Discord adapter file reading db/queries', () => {
    expect(wrongDirectionImports(sources, [ADAPTER_RULE])).toEqual([]);
  });

  it('names a wrong-direction import in any form an import statement takes', () => {
    const planted: SourceFile[] = [
      { path: 'db/queries/example.ts', text: "import type {\n  ReplyButton,\n} from '../../commands/core/types.js';" },
      { path: 'commands/example.ts', text: "import { App } from '@slack/bolt';\nexport * from 'discord.js';" },
      { path: 'commands/lazy.ts', text: "const slack = await import('../bot/slack/slack-adapter.js');" },
      { path: 'bench/example.ts', text: "import { startFakeSlack } from '../test/helpers/fake-slack.js';" },
      { path: 'test/example.test.ts', text: "import { runTorture } from '../bench/torture.js';" },
      { path: 'bot/slack/example.ts', text: "import { findButton } from '../../db/queries/chat-buttons.js';" },
      {
        path: 'commands/fine.ts',
        text: "import { normalizeWord } from './core/text.js';\nimport { eq } from 'drizzle-orm';",
      },
    ];
    expect(wrongDirectionImports(planted, [...RULES, ADAPTER_RULE])).toEqual([
      'db/queries/example.ts imports commands/core/types.js (the database layer is below the commands)',
      'commands/example.ts imports @slack/bolt (commands are platform-independent)',
      'commands/example.ts imports discord.js (commands are platform-independent)',
      'commands/lazy.ts imports bot/slack/slack-adapter.js (commands are platform-independent)',
      'bench/example.ts imports test/helpers/fake-slack.js (what tests and bench share lives in testing/)',
      'test/example.test.ts imports bench/torture.js (what tests and bench share lives in testing/)',
      'bot/slack/example.ts imports db/queries/chat-buttons.js (an adapter never reads the database)',
    ]);
  });
});
