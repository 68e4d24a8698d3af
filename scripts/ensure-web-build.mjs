// `npm start` and `npm test` build the web app once when its build is missing (or older than its sources).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../apps/web');
const built = path.join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(path.join(web, 'index.html'))) {
  console.log('No web app sources; skipping the web build.');
} else if (existsSync(built) && statSync(built).mtimeMs >= newest(path.join(web, 'src'))) {
  // Up to date.
} else {
  console.log('Building the web app (first start only)…');
  execSync('npm run build -w @portico/web', { stdio: 'inherit', cwd: path.resolve(web, '../..') });
}
