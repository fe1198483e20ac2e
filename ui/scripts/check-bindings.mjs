// Regenerates the TypeScript bindings of the IPC types into a temporary folder (ts-rs,
// via the crates' export tests) and fails if ui/src/lib/bindings differs from them.
// `--write` updates ui/src/lib/bindings instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const committed = join(root, 'ui/src/lib/bindings');
const fresh = mkdtempSync(join(tmpdir(), 'dossier-bindings-'));
try {
  execFileSync('cargo', ['test', '--workspace', '--locked', '--lib', 'export_bindings'], {
    cwd: root,
    env: { ...process.env, TS_RS_EXPORT_DIR: fresh },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (process.argv.includes('--write')) {
    rmSync(committed, { recursive: true, force: true });
    cpSync(fresh, committed, { recursive: true });
    console.log('bindings written to ui/src/lib/bindings');
  } else {
    const list = (dir) => readdirSync(dir).sort();
    const names = new Set([...list(fresh), ...list(committed)]);
    const stale = [...names].filter((name) => {
      try {
        return readFileSync(join(fresh, name), 'utf8') !== readFileSync(join(committed, name), 'utf8');
      } catch {
        return true;
      }
    });
    if (stale.length) {
      console.error(`ui/src/lib/bindings is out of date (${stale.join(', ')}): run \`npm --prefix ui run bindings\``);
      process.exitCode = 1;
    } else console.log(`bindings up to date (${names.size} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
