// Test helpers: the files in tests/fixtures as the importer hands them to readFile, and shortcuts
// for reading one document or expecting a refusal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { projectRoot } from '../../../../../tests/support/built';
import { DossierError } from '../../../../shared/errors';
import type { ExtractedDocument, IngestFile, IngestLimits } from '../types';
import { DEFAULT_LIMITS } from '../types';
import { readFile } from './index';

export function fixture(name: string): IngestFile {
  return { name, bytes: new Uint8Array(readFileSync(join(projectRoot, 'tests', 'fixtures', name))) };
}

/** Reads a file that must give exactly one document. */
export async function readOne(file: IngestFile, limits: IngestLimits = DEFAULT_LIMITS): Promise<ExtractedDocument> {
  const outcome = await readFile(file, limits);
  if (outcome.type !== 'documents' || outcome.documents.length !== 1) throw new Error(`expected one document from ${file.name}`);
  return outcome.documents[0]!;
}

/** Reads a file that must be refused with DossierError('invalid-input'); returns the error. */
export async function refusal(file: IngestFile, limits: IngestLimits = DEFAULT_LIMITS, depth = 0): Promise<DossierError> {
  const error: unknown = await readFile(file, limits, depth).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DossierError);
  expect((error as DossierError).code).toBe('invalid-input');
  return error as DossierError;
}
