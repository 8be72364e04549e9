/**
 * Every bound Dossier puts on what it is given, in one place: file sizes and kinds, archives, PDF
 * pages and streams, text per document, e-mail sizes, HTML nesting, search terms. Hostile or merely
 * huge input meets one of these and gets a message that names the limit, the file and what to do,
 * instead of hanging the import or exhausting memory.
 */

/** Bounds that keep hostile or huge input from exhausting the machine while importing. */
export interface IngestLimits {
  /** Largest single file accepted (bytes). Only regular files are read at all. */
  readonly maxFileBytes: number;
  /** Largest image (one page of it) read for text, in pixels; checked from the header, before decoding. */
  readonly maxImagePixels: number;
  /** Most pages of one file (a TIFF, a scanned PDF) read for text by OCR. */
  readonly maxOcrPages: number;
  /** Most files one archive may expand to, counting nested archives. */
  readonly maxArchiveEntries: number;
  /** Most bytes one archive may expand to, counting nested archives. */
  readonly maxArchiveBytes: number;
  /** Highest expansion ratio (uncompressed / compressed) tolerated for an archive entry. */
  readonly maxCompressionRatio: number;
  /** How deep archives may nest inside archives. */
  readonly maxArchiveDepth: number;
  /**
   * Most characters of text one document keeps. A longer text is cut there, and a note at its end
   * says so; bigger files are decoded only as far as needed to fill it.
   */
  readonly maxDocumentCharacters: number;
  /** Most pages of a PDF read; the rest are left out, with a note at the end of the text. pdf.js takes 10-20 ms a page even for an empty one, so a small file declaring 100,000 pages took minutes. */
  readonly maxPdfPages: number;
  /** Most characters of text taken from one PDF page; the rest of the page is left out. */
  readonly maxPdfPageCharacters: number;
  /** Most bytes one PDF stream may expand to (a content stream, a font, an image). */
  readonly maxPdfStreamBytes: number;
  /** Most bytes all of a PDF's streams together may expand to. */
  readonly maxPdfDecodedBytes: number;
  /** How deeply a PDF's graphics states (q … Q) may nest; pdf.js slows beyond the square of the depth. */
  readonly maxPdfGraphicsNesting: number;
  /** Most bytes of XML in a Word document's parts (the text, its notes, headers and footers). */
  readonly maxDocxXmlBytes: number;
  /** Most XML elements in those parts: the Word reader (mammoth) holds about 800 bytes for each. */
  readonly maxDocxXmlElements: number;
  /** Largest single e-mail message parsed (an .eml file, or one message of an mbox). */
  readonly maxMessageBytes: number;
  /** Largest e-mail attachment imported as a document of its own. */
  readonly maxAttachmentBytes: number;
  /** Largest HTML page read (bytes): jsdom and Readability hold a page in memory many times over. */
  readonly maxHtmlBytes: number;
  /** How deep HTML elements may nest (DOCX and e-mail bodies become HTML too). */
  readonly maxHtmlDepth: number;
  /**
   * Most elements of a page that Readability looks through for the article (it takes about a
   * millisecond an element, and more than linear time beyond); a bigger page is kept whole.
   */
  readonly maxArticleElements: number;
  /** Most elements of a page laid out as a DOM at all; a bigger page is kept as plain text. */
  readonly maxHtmlElements: number;
  /** Longest single tag of a page laid out (a tag of tens of thousands of attributes is kept as text). */
  readonly maxHtmlTagBytes: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  // 100 megapixels: an A3 page scanned at 600 dpi is 70; 400 MB of RGBA while it is read.
  maxImagePixels: 100_000_000,
  // At a few seconds a page on one core, a thousand pages is most of an hour already.
  maxOcrPages: 1000,
  maxArchiveEntries: 50_000,
  maxArchiveBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxArchiveDepth: 3,
  maxDocumentCharacters: 20_000_000,
  maxPdfPages: 2_000,
  maxPdfPageCharacters: 1_000_000,
  maxPdfStreamBytes: 128 * 1024 * 1024,
  maxPdfDecodedBytes: 512 * 1024 * 1024,
  maxPdfGraphicsNesting: 1_000,
  maxDocxXmlBytes: 32 * 1024 * 1024,
  // A 500-page report is a few hundred thousand elements; 1.2 million is about 1 GB in the reader.
  maxDocxXmlElements: 1_200_000,
  maxMessageBytes: 64 * 1024 * 1024,
  maxAttachmentBytes: 32 * 1024 * 1024,
  maxHtmlBytes: 8 * 1024 * 1024,
  maxHtmlDepth: 500,
  // A news article's page has one to four thousand elements.
  maxArticleElements: 6_000,
  maxHtmlElements: 30_000,
  maxHtmlTagBytes: 64 * 1024,
};

/** Bounds on extraction (names, places, times, claims) in one document. */
export const EXTRACTION_LIMITS = {
  /**
   * Most characters of one document that extraction reads. A longer document is stored and
   * searched whole; its names are found in this much of it, and its metadata says so. Extraction
   * is linear in a text's length but holds about 130 bytes of working memory per character.
   */
  maxCharacters: 2_000_000,
  /** The tagger reads a long text in pieces of at most this many characters, cut at paragraphs. */
  chunkCharacters: 250_000,
} as const;

/** Bounds on one search, so that a pasted list of words cannot keep the case busy for minutes. */
export const SEARCH_LIMITS = {
  /** Most characters in a search. */
  maxQueryCharacters: 10_000,
  /** Most terms (words, phrases, NEAR groups) in a search. */
  maxTerms: 64,
  /** Most prefix terms (word*) in a search: each one expands to every word it begins. */
  maxPrefixTerms: 8,
} as const;
