import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs wxt as `npm run` would; NODE_ENV is dropped so a test runner's "test" cannot turn the build into a development one. */
export function wxt(...args: string[]): void {
  const { NODE_ENV: _dropped, ...env } = process.env;
  execFileSync('npx', ['wxt', ...args], { cwd: ROOT, env, stdio: 'pipe', timeout: 120_000 });
}
