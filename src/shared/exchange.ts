/**
 * Exchange with other analysts' tools and colleagues: STIX 2.1 and FollowTheMoney exports and
 * imports, analysts' own CSV lists, and merging another case into this one. Schemas for the contract.
 */
import { z } from 'zod';

export const ExchangeFormats = ['stix', 'ftm'] as const;
export type ExchangeFormat = (typeof ExchangeFormats)[number];

/** One exported file's text, what it holds, and what the format could not say. */
export const ExchangeExportSchema = z.object({
  format: z.enum(ExchangeFormats),
  content: z.string(),
  /** Objects (STIX) or entities (FtM) written. */
  objects: z.number().int(),
  /** Things left out, each a sentence for the user ("3 places without coordinates ..."). */
  leftOut: z.array(z.string()),
});
export type ExchangeExport = z.infer<typeof ExchangeExportSchema>;

export const exchangeChannels = {
  /** The whole case as a STIX 2.1 bundle or FollowTheMoney entity lines, ids stable across exports. */
  'exchange.export': { input: z.object({ format: z.enum(ExchangeFormats) }).strict(), output: ExchangeExportSchema },
} as const;
