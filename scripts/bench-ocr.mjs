#!/usr/bin/env node
// Prints OCR speed (pages per second on a 300 dpi A4 page, one OCR thread) and character error
// rate against known text: the demo's EU mission report rendered to 300 dpi images and read back
// as a scanned PDF, and a page of the demo's Russian text drawn at 300 dpi. Figures only.
//   npm run bench:ocr [-- PDF [RUSSIAN_TXT]]   pin to one core with: taskset -c 0 npm run bench:ocr
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const pdf = resolve(process.argv[2] ?? join(root, 'resources', 'demo', 'eu-monitoring-mission-report-2025-03-07.pdf'));
const russian = resolve(process.argv[3] ?? join(root, 'resources', 'demo', 'russian-mfa-comment-2025-03-06.txt'));
process.exitCode = await runTypeScript('scripts/bench/ocr.ts', [pdf, russian, join(root, 'resources', 'fonts')]);
