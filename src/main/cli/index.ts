/** Entry point of the `dossier` command. */
import { runCli } from './program';

// `dossier entities x.dossier | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dossier: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
