// Word .docx: checked as a zip within limits first (a DOCX can be a zip bomb), then converted by
// mammoth to HTML, which is sanitized like any web page; metadata from docProps/core.xml.
import mammoth from 'mammoth';
import type { ExtractedDocument, IngestLimits } from '../types';
import { cleanText } from './clean';
import { decodeEntities, describeError, displayName, formatBytes, languageFromTag, normalizeDate, refuse, shortenTitle, titleFromText } from './common';
import { isDocxPaths } from './detect';
import { HtmlTooDeep, sanitizeHtml } from './html';
import type { SanitizedHtml } from './html';
import { detectLanguage } from './language';
import { unzipWithinLimits } from './zip';

/** Whether a zip's entry paths are those of a Word document. */
export async function readDocx(name: string, bytes: Uint8Array, limits: IngestLimits): Promise<ExtractedDocument> {
  const label = displayName(name);
  const entries = unzipWithinLimits(name, bytes, limits, 'Word document');
  if (!isDocxPaths(entries.map((entry) => entry.path))) {
    throw refuse(`${label} is not a Word document (it has no word/document.xml); check the file`);
  }
  const damaged = entries.find((entry) => entry.damaged);
  if (damaged) throw refuse(`${label} is damaged (${damaged.path} fails its CRC-32 checksum); get a sound copy, or open it in Word and save it again`);
  // The parts mammoth parses: their size and nesting bound its time and its stack.
  const wordXml = entries.filter((entry) => /^word\/[^/]+\.xml$/i.test(entry.path));
  const xmlBytes = wordXml.reduce((sum, entry) => sum + entry.bytes.length, 0);
  if (xmlBytes > limits.maxDocxXmlBytes) {
    throw refuse(
      `${label} holds ${formatBytes(xmlBytes)} of Word XML; Dossier reads Word documents with up to ${formatBytes(limits.maxDocxXmlBytes)} (maxDocxXmlBytes); ` +
        'split it, or save it as PDF or plain text, and import that',
    );
  }
  let elements = 0;
  for (const entry of wordXml) {
    const shape = xmlShape(entry.bytes);
    const depth = shape.depth;
    elements += shape.elements;
    if (elements > limits.maxDocxXmlElements) {
      throw refuse(
        `${label} holds more than ${limits.maxDocxXmlElements.toLocaleString('en')} XML elements (${entry.path}); Dossier reads Word documents with up to that many (maxDocxXmlElements: ` +
          'the Word reader holds each in memory); split it, or save it as PDF or plain text, and import that',
      );
    }
    if (depth > limits.maxHtmlDepth) {
      throw refuse(
        `${label} nests its XML ${depth} deep (${entry.path}); Dossier reads Word documents nested up to ${limits.maxHtmlDepth} deep (maxHtmlDepth); ` +
          'open it in Word, save it as PDF or plain text, and import that',
      );
    }
  }
  const coreXml = entries.find((entry) => entry.path === 'docProps/core.xml');
  const core = coreXml ? coreProperties(new TextDecoder('utf-8').decode(coreXml.bytes)) : {};

  let converted: { value: string };
  try {
    // mammoth's default already refuses external files; saying so keeps it that way if it changes.
    converted = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { externalFileAccess: false });
  } catch (error) {
    if (error instanceof RangeError) {
      throw refuse(`${label} nests its parts too deeply for Dossier's Word reader (${describeError(error)}); open it in Word, save it as PDF or plain text, and import that`);
    }
    throw refuse(`${label} could not be read as a Word document (${describeError(error)}); open and save it again in Word, then import it`);
  }
  let sanitized: SanitizedHtml;
  try {
    sanitized = sanitizeHtml(converted.value);
  } catch (error) {
    if (error instanceof HtmlTooDeep) throw refuse(`${label} cannot be read: ${error.message} (maxHtmlDepth); open it in Word, save it as PDF, and import that`);
    throw error;
  }
  const title = shortenTitle(core.title ?? titleFromText(sanitized.text, label));
  const text = cleanText(sanitized.text, title);
  if (text === '') throw refuse(`${label} has no text; nothing to import`);
  return {
    kind: 'docx',
    title,
    text,
    html: sanitized.html,
    author: core.creator ?? null,
    source: null,
    publishedAt: normalizeDate(core.created),
    language: languageFromTag(core.language) ?? detectLanguage(text),
    pageStarts: null,
    // The title has its own field; the rest of the core properties are kept as they are.
    meta: Object.fromEntries(Object.entries(core).filter(([key, value]) => key !== 'title' && value !== undefined)),
    attachments: [],
  };
}

/** How deep an XML part nests its elements, and how many it has, read without parsing it. */
export function xmlShape(bytes: Uint8Array): { depth: number; elements: number } {
  // latin1 keeps one character per byte; tag names and "<", "/", ">" are ASCII in UTF-8 too.
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const tag = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[?!][^>]*>|<(\/?)[^\s/>]+(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (match[1] === undefined) continue;
    if (match[1] !== '/') elements += 1;
    if (match[2] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return { depth: deepest, elements };
}

interface CoreProperties {
  title?: string;
  creator?: string;
  created?: string;
  modified?: string;
  subject?: string;
  description?: string;
  keywords?: string;
  lastModifiedBy?: string;
  language?: string;
}

/** The Dublin Core fields of docProps/core.xml; a flat file, so a regex per field is enough. */
function coreProperties(xml: string): CoreProperties {
  const field = (tag: string): string | undefined => {
    const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
    const value = match?.[1] ? decodeEntities(match[1]).trim() : '';
    return value === '' ? undefined : value;
  };
  return {
    title: field('dc:title'),
    creator: field('dc:creator'),
    created: field('dcterms:created'),
    modified: field('dcterms:modified'),
    subject: field('dc:subject'),
    description: field('dc:description'),
    keywords: field('cp:keywords'),
    lastModifiedBy: field('cp:lastModifiedBy'),
    language: field('dc:language'),
  };
}
