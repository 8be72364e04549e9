#!/usr/bin/env node
// Rebuilds resources/ocr: Tesseract's "fast" (integer) language models from Debian's
// tesseract-ocr-LANG packages (Apache-2.0, upstream tessdata_fast), gzipped the way tesseract.js reads
// them, with the licence and a sources.json naming the packages and the files' SHA-256.
//   node scripts/build-ocr-data.mjs [LANG...]   default: eng rus hye aze
// Needs Debian's apt (apt-get download, dpkg-deb); runs as any user, installs nothing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './runTypeScript.mjs';

const languages = process.argv.length > 2 ? process.argv.slice(2) : ['eng', 'rus', 'hye', 'aze'];
const out = join(projectRoot, 'resources', 'ocr');
const work = mkdtempSync(join(tmpdir(), 'dossier-ocr-'));
mkdirSync(out, { recursive: true });

const sources = { built: new Date().toISOString().slice(0, 10), upstream: 'tessdata_fast (Apache-2.0)', languages: {} };
try {
  for (const language of languages) {
    const pkg = `tesseract-ocr-${language}`;
    execFileSync('apt-get', ['download', pkg], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const deb = readdirSync(work).find((name) => name.startsWith(`${pkg}_`) && name.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} gave no .deb`);
    const version = execFileSync('dpkg-deb', ['-f', join(work, deb), 'Version'], { encoding: 'utf8' }).trim();
    const unpacked = join(work, language);
    execFileSync('dpkg-deb', ['-x', join(work, deb), unpacked]);
    const tessdata = join(unpacked, 'usr', 'share', 'tesseract-ocr');
    const model = findFile(tessdata, `${language}.traineddata`);
    const bytes = readFileSync(model);
    // mtime 0 in the header keeps rebuilds byte-identical.
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(join(out, `${language}.traineddata.gz`), gz);
    copyFileSync(join(unpacked, 'usr', 'share', 'doc', pkg, 'copyright'), join(out, `copyright-${pkg}`));
    sources.languages[language] = {
      package: `${pkg} ${version}`,
      traineddataBytes: bytes.length,
      traineddataSha256: createHash('sha256').update(bytes).digest('hex'),
    };
    rmSync(join(work, deb));
    console.log(`${language}: ${pkg} ${version}, ${(bytes.length / 1e6).toFixed(1)} MB -> ${(gz.length / 1e6).toFixed(1)} MB gzipped`);
  }
  copyFileSync('/usr/share/common-licenses/Apache-2.0', join(out, 'LICENSE-Apache-2.0'));
  writeFileSync(join(out, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function findFile(folder, name) {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return join(entry.parentPath, entry.name);
  }
  throw new Error(`${name} not found under ${folder}`);
}
