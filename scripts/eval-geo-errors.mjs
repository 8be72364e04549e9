#!/usr/bin/env node
// The GeoVirus misses of `npm run eval:geo`, end to end, grouped by cause with examples.
//   node scripts/eval-geo-errors.mjs [GEOVIRUS_XML]   EXAMPLES=N examples a group (default 8)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const corpus = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'geovirus', 'GeoVirus.xml'));
if (!existsSync(corpus)) {
  console.error(`eval-geo-errors: no GeoVirus corpus at ${corpus}; pass the path of GeoVirus.xml.`);
  process.exit(2);
}
process.exitCode = await runTypeScript('scripts/eval/geoErrors.ts', [corpus, join(root, 'resources')]);
