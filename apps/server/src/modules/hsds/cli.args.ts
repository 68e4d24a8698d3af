import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { HsdsFile } from './hsds.parse.js';

/** `--network x a b --format json` → { network: 'x', format: 'json', rest: ['a', 'b'] }. */
export function parseArgs(argv: string[]) {
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      flags[k!] = inline ?? argv[++i] ?? '';
    } else rest.push(a);
  }
  return { flags, rest };
}

/**
 * One import unit per argument: a JSON file; a directory, a datapackage.json or a .zip holding the
 * tabular package (every CSV beside the descriptor).
 */
export function readUnit(arg: string): { name: string; files: HsdsFile[] } {
  if (!existsSync(arg)) throw new Error(`${arg}: no such file or directory`);
  const file = (p: string) => ({ name: path.basename(p), content: readFileSync(p, 'utf8') });
  const packageIn = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f === 'datapackage.json' || f.toLowerCase().endsWith('.csv'))
      .sort()
      .map((f) => file(path.join(dir, f)));
  if (statSync(arg).isDirectory()) return { name: arg, files: packageIn(arg) };
  if (path.basename(arg) === 'datapackage.json') return { name: arg, files: packageIn(path.dirname(arg)) };
  if (arg.toLowerCase().endsWith('.zip')) {
    const entries = unzipSync(new Uint8Array(readFileSync(arg)));
    return { name: arg, files: Object.entries(entries).map(([name, bytes]) => ({ name, content: strFromU8(bytes) })) };
  }
  return { name: arg, files: [file(arg)] };
}

/** `[#########           ] 12/40` in place on stderr. */
export function progressBar(label: string) {
  let total = 0;
  const draw = (done: number) => {
    if (!total) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    total: (n: number) => {
      total = n;
      draw(0);
    },
    done: draw,
    end: () => total && process.stderr.write('\n'),
  };
}
