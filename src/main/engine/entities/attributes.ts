/**
 * An entity's `attributes` column: a JSON object. This version reads role, affiliation and notes from
 * it; keys it does not know are kept as they are when it writes the column back.
 */
import { z } from 'zod';
import type { EntityAttributes } from '../../../shared/entities';

/** Text, or null when it is missing, empty or not text. */
const text = z
  .string()
  .refine((value) => value.trim() !== '')
  .nullable()
  .catch(null);
const StoredAttributes = z.object({ role: text, affiliation: text, notes: text });
const StoredObject = z.record(z.string(), z.unknown()).catch({});

/** The column as it is, every key kept; an unreadable value reads as no attributes. */
export function rawAttributes(json: string): Record<string, unknown> {
  try {
    return StoredObject.parse(JSON.parse(json));
  } catch {
    return {};
  }
}

/** What the analyst knows of the entity, from the column. */
export function readAttributes(json: string): EntityAttributes {
  return StoredAttributes.parse(rawAttributes(json));
}
