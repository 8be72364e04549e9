/** Small schemas every domain's contract uses. */
import { z } from 'zod';

/** A row id: a positive whole number. */
export const id = z.number().int().positive();
/** The input of a channel that takes nothing. */
export const emptyInput = z.object({}).strict();
export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');
