// Compiles the bot's TypeScript to JavaScript in dist/, one file per source file, copies the files
// the code reads next to itself (migrations, the demo roster, the dictionary worker) and writes the
// Spanish dictionary's packed word list. Running the compiled code spares the bot the TypeScript
// loader (about 37 MB and a thread) and the dictionary's expansion (about a second and 15 MB): see
// docs/benchmarks.md. esbuild transpiles without checking types; `npm run typecheck` checks them.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const SOURCE_FOLDERS = ['bot', 'commands', 'db', 'integrations'];
// `--out <folder>` builds elsewhere (the tests do); the folder is emptied first.
const OUT = parseArgs({ options: { out: { type: 'string', default: 'dist' } } }).values.out;
const PACKED_DICTIONARY = join(OUT, 'commands/core/policy/dictionary-es.packed');

const files = SOURCE_FOLDERS.flatMap((folder) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name)),
);
const isDeclaration = (file) => /\.d\.m?ts$/.test(file);
const isTypeScript = (file) => file.endsWith('.ts') && !isDeclaration(file);

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: files.filter(isTypeScript),
  outdir: OUT,
  outbase: '.',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of files.filter((file) => !isTypeScript(file) && !isDeclaration(file))) {
  cpSync(file, join(OUT, file));
}
cpSync(await packedDictionary(), PACKED_DICTIONARY);

/**
 * The packed list, made once per version of dictionary-es and nspell and kept in node_modules/.cache
 * (about 12 MB), so a build takes a fraction of a second after the first.
 */
async function packedDictionary() {
  const version = (entry) => JSON.parse(readFileSync(join(packageRoot(entry), 'package.json'), 'utf8')).version;
  const key = `dictionary-es-${version('dictionary-es')}-nspell-${version('nspell')}`;
  const cached = join('node_modules', '.cache', 'rendicion-bot', `${key}.packed`);
  if (!existsSync(cached)) {
    const { expandDictionary, writePackedFile } = await import('../commands/core/policy/expand-dictionary.mjs');
    mkdirSync(dirname(cached), { recursive: true });
    writePackedFile(`${cached}.tmp`, expandDictionary());
    renameSync(`${cached}.tmp`, cached);
  }
  return cached;
}

function packageRoot(name) {
  let folder = dirname(fileURLToPath(import.meta.resolve(name)));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return folder;
}
