// npm run dev: the server in watch mode. TypeScript recompiles server/src into server/dist on every
// change, and Node restarts the server when dist changes; the client's dev server (npm run dev -w
// @scr/client) proxies /graphql, /api and /health to it. Run from the repository root, so that
// DATA_DIR and CLIENT_DIR mean what they mean for npm start.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const project = fileURLToPath(new URL('../tsconfig.build.json', import.meta.url));
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

const children = [];
const compiler = spawn(process.execPath, [tsc, '-p', project, '--watch', '--preserveWatchOutput'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(compiler);

// The server starts after the first compilation, so that it does not restart at once.
let server;
compiler.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!server && /Found \d+ errors?\./.test(String(chunk))) {
    server = spawn(
      process.execPath,
      ['--watch-path', fileURLToPath(new URL('../dist', import.meta.url)), main],
      {
        stdio: 'inherit',
      },
    );
    children.push(server);
    server.on('exit', (code) => stop(code ?? 0));
  }
});
compiler.on('exit', (code) => stop(code ?? 1));

function stop(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
