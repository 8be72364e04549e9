/** Entry point of the `dossier` command. */
import { runCli } from './program';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dossier: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
