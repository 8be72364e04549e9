// Runs a TypeScript script of the project's under plain Node: bundles it with the project's own Vite
// (CommonJS like the app's build, packages left external) into node_modules/.cache, then runs it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (relative to the project) and returns the path of the built .js file. */
export async function bundleTypeScript(entry, { format = 'cjs' } = {}) {
  const name = basename(entry, extname(entry));
  // Keyed by the checkout too: worktrees that share one node_modules must not run each other's bundles.
  const checkout = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8);
  const outDir = join(projectRoot, 'node_modules', '.cache', `dossier-${checkout}-${name}`);
  await build({
    root: projectRoot,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(projectRoot, entry),
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        external: format === 'cjs' ? [/^node:/, /^[a-z@][^:]*$/] : undefined,
        output: { format, entryFileNames: format === 'cjs' ? '[name].js' : '[name].mjs' },
      },
    },
  });
  return join(outDir, `${name}.${format === 'cjs' ? 'js' : 'mjs'}`);
}

/** Bundles `entry`, runs it with `args` (and Node options), and returns its exit status. */
export async function runTypeScript(entry, args, nodeOptions = []) {
  const built = await bundleTypeScript(entry);
  const run = spawnSync(process.execPath, [...nodeOptions, built, ...args], { cwd: projectRoot, stdio: 'inherit' });
  return run.status ?? 1;
}
