#!/usr/bin/env node
// Toponym resolution figures on GeoVirus (accuracy within 161 km, median error, coverage, load time).
//   npm run eval:geo [-- GEOVIRUS_XML]   default ../shared/data/geovirus/GeoVirus.xml; EVAL_GEO_MISSES=N lists N misses;
//   EVAL_GEO_NER=0 skips the end-to-end figures (the entity extractor's location mentions, resolved)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const corpus = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'geovirus', 'GeoVirus.xml'));
if (!existsSync(corpus)) {
  console.error(`eval-geo: no GeoVirus corpus at ${corpus}; pass the path of GeoVirus.xml.`);
  process.exit(2);
}
process.exitCode = await runTypeScript('scripts/eval-geo.ts', [corpus, join(root, 'resources')]);
