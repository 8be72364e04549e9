// Flips Electron's fuses on a packaged Dossier binary: run it on the Electron executable of a
// packaged build (the packaging step of a release), e.g. `npm run fuses -- dist/linux-unpacked/dossier`.
// The settings and why are in fusesConfig.mjs, which the tests check.
import { flipFuses } from '@electron/fuses';
import { existsSync } from 'node:fs';
import { dossierFuses } from './fusesConfig.mjs';

const binary = process.argv[2];
if (!binary || !existsSync(binary)) {
  process.stderr.write('fuses: give the path of the packaged Electron executable, e.g. npm run fuses -- dist/linux-unpacked/dossier\n');
  process.exit(2);
}
await flipFuses(binary, dossierFuses());
process.stdout.write(`fuses: set on ${binary}\n`);
