// HTML: the article (Readability), its metadata, and the sanitizer and text extraction that DOCX
// and e-mail bodies share. jsdom runs no script and loads no resource (its defaults; never enable
// runScripts or resources here), so reading a page cannot reach the network.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type { DOMPurify, UponSanitizeAttributeHookEvent } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DossierError } from '../../../../shared/errors';
import { DEFAULT_LIMITS } from '../../limits';
import type { ExtractedDocument } from '../types';
import { cleanText } from './clean';
import { decodeEntities, displayName, languageFromTag, normalizeDate, refuse, shortenTitle, titleFromText } from './common';
import { detectLanguage } from './language';
import { decodeText, decodeWithLabel } from './text';

/** Elements that run code, fetch things, submit data or only style the page. */
const FORBIDDEN_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'link', 'meta', 'base', 'noscript', 'template', 'video', 'audio', 'source',
  'track', 'canvas', 'portal',
];
/** Attributes that fetch (srcset, poster, background), ping, or carry CSS that may hold url(). */
const FORBIDDEN_ATTRIBUTES = ['style', 'srcset', 'sizes', 'ping', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'longdesc'];
/** Attributes whose value is a resource the reader would load when showing the HTML. */
const RESOURCE_ATTRIBUTES = new Set(['src', 'data', 'poster', 'background', 'srcset', 'lowsrc', 'dynsrc', 'cite', 'usemap']);

const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'UL',
]);
/** Items of a list or rows of a table read as lines, not as separate paragraphs. */
const LINE_ELEMENTS = new Set(['LI', 'TR']);
const CELL_ELEMENTS = new Set(['TD', 'TH']);

let purifier: DOMPurify | null = null;

/** One DOMPurify bound to one jsdom window for the whole process; DOMPurify needs a real DOM. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', { virtualConsole: new VirtualConsole() });
  const instance = createDOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node: Element, event: UponSanitizeAttributeHookEvent) => {
    const attribute = event.attrName.toLowerCase();
    if (attribute.startsWith('on')) event.keepAttr = false;
    // Embedded data: images stay (they are part of the document); anything else would be fetched.
    if (RESOURCE_ATTRIBUTES.has(attribute) && !/^data:image\//i.test(event.attrValue.trim())) event.keepAttr = false;
    // Only links keep an address, and only as something to read: nothing loads it.
    if (attribute === 'href' && node.nodeName !== 'A') event.keepAttr = false;
  });
  purifier = instance;
  return instance;
}

/** Elements that never hold others, and those whose end tag the parser implies (a new <p> ends the last). */
const VOID_OR_IMPLIED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rt', 'rp',
]);

/**
 * How deep the elements of some HTML nest, estimated from its tags without building a DOM: the DOM
 * libraries (the sanitizer, Readability, the serializer) recurse or slow down on deep trees, and
 * 20,000 nested <div>s ended in "Maximum call stack size exceeded" after half a minute. Comments,
 * scripts and styles are skipped; elements whose end the parser implies are not counted.
 */
export function htmlNestingDepth(html: string): number {
  const tag = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gi;
  let depth = 0;
  let deepest = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[3]?.toLowerCase();
    if (!name || match[4] === '/' || VOID_OR_IMPLIED.has(name)) continue;
    if (match[2] === '/') depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** Thrown when HTML nests deeper than the limit; the readers turn it into their own message. */
export class HtmlTooDeep extends DossierError {
  constructor(readonly depth: number) {
    super('invalid-input', `its HTML nests elements ${depth} deep, and Dossier reads HTML nested up to ${DEFAULT_LIMITS.maxHtmlDepth} deep`);
  }
}

/** Throws HtmlTooDeep when `html` nests deeper than `maxDepth`. */
export function checkHtmlDepth(html: string, maxDepth = DEFAULT_LIMITS.maxHtmlDepth): void {
  const depth = htmlNestingDepth(html);
  if (depth > maxDepth) throw new HtmlTooDeep(depth);
}

/** The words of some HTML with its tags taken out, for when it is too deep to read as a page. */
export function textOfTooDeepHtml(html: string): string {
  const withoutHidden = html.replace(/<!--[\s\S]*?(?:-->|$)|<(script|style|template|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  return decodeEntities(withoutHidden.replace(/<\/?(?:p|div|br|li|tr|h[1-6]|table|blockquote|pre)\b[^>]*>/gi, '\n\n').replace(/<[^>]*>/g, ' '));
}

/**
 * Sanitizes untrusted HTML for the reader: no scripts, frames, forms, styles, event handlers or
 * remote references. Images whose source was remote are dropped. Returns the sanitized body.
 */
export function sanitizeToBody(html: string): Element {
  const body = getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM: true,
  });
  for (const image of Array.from(body.querySelectorAll('img:not([src])'))) image.remove();
  return body;
}

/** Sanitized HTML and its plain text (paragraphs separated by blank lines). */
export interface SanitizedHtml {
  readonly html: string;
  readonly text: string;
}

/** Throws HtmlTooDeep (before any DOM is built) when the HTML nests deeper than the limit. */
export function sanitizeHtml(html: string): SanitizedHtml {
  checkHtmlDepth(html);
  const body = sanitizeToBody(html);
  return { html: body.innerHTML.trim(), text: htmlToText(body) };
}

/** Plain text of a DOM subtree as a person reads it: blocks become paragraphs, list items lines. */
export function htmlToText(root: Node): string {
  let text = '';
  // Breaks are held until the next text, so nested blocks give one blank line, not several.
  let pendingBreak: 0 | 1 | 2 = 0;
  const emit = (piece: string): void => {
    if (pendingBreak > 0) {
      if (piece.trim() === '') return;
      if (text !== '') text += pendingBreak === 2 ? '\n\n' : '\n';
      pendingBreak = 0;
    }
    text += piece;
  };
  const requestBreak = (level: 1 | 2): void => {
    if (level > pendingBreak) pendingBreak = level;
  };
  const walk = (node: Node, preformatted: boolean): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      emit(preformatted ? data : data.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const name = node.nodeName;
    if (name === 'BR') {
      // Two line breaks in a row are a blank line.
      pendingBreak = pendingBreak === 0 ? 1 : 2;
      return;
    }
    const level = BLOCK_ELEMENTS.has(name) ? 2 : LINE_ELEMENTS.has(name) ? 1 : 0;
    if (level) requestBreak(level);
    if (CELL_ELEMENTS.has(name)) emit(' ');
    if (name === 'IMG') {
      const alt = (node as Element).getAttribute('alt');
      if (alt) emit(alt);
    }
    for (const child of Array.from(node.childNodes)) walk(child, preformatted || name === 'PRE');
    if (level) requestBreak(level);
  };
  walk(root, false);
  // Spaces around line breaks come from the markup's indentation, not from the text.
  return text.replace(/[ \t]*\n[ \t]*/g, '\n');
}

/** Finds the charset an HTML file declares (BOM aside), in its first bytes as the HTML spec does. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return match?.[1] ?? null;
}

function decodeHtml(bytes: Uint8Array, name: string): string {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? null : declaredCharset(bytes);
  return (charset ? decodeWithLabel(bytes, charset, name) : decodeText(bytes, name)).text;
}

/** Reads an .html page: its main article, sanitized, with the page's metadata. */
export function readHtml(name: string, bytes: Uint8Array): ExtractedDocument {
  const source = decodeHtml(bytes, name);
  try {
    checkHtmlDepth(source);
  } catch (error) {
    if (error instanceof HtmlTooDeep) {
      throw refuse(`${displayName(name)} cannot be read: ${error.message} (maxHtmlDepth); save the page as plain text or print it to PDF, and import that`);
    }
    throw error;
  }
  // A page of tens of thousands of elements costs gigabytes as a DOM: its words are kept, not its layout.
  const elements = countElements(source);
  if (elements > DEFAULT_LIMITS.maxHtmlElements) {
    return readHugeHtml(name, source, `The page has ${elements.toLocaleString('en')} elements, more than the ${DEFAULT_LIMITS.maxHtmlElements.toLocaleString('en')} Dossier lays out (maxHtmlElements)`);
  }
  // One tag of thousands of attributes costs the parser and the sanitizer time beyond the linear.
  const tagBytes = longestTag(source);
  if (tagBytes > DEFAULT_LIMITS.maxHtmlTagBytes) {
    return readHugeHtml(name, source, `The page has a tag of ${tagBytes.toLocaleString('en')} characters, more than the ${DEFAULT_LIMITS.maxHtmlTagBytes.toLocaleString('en')} Dossier lays out (maxHtmlTagBytes)`);
  }
  const dom = new JSDOM(source, { virtualConsole: new VirtualConsole() });
  try {
    const { document } = dom.window;
    // Metadata first: Readability rewrites the document it reads.
    const page = pageMetadata(document);
    // Readability takes time beyond the linear on big pages; those are kept whole (sanitized).
    const article = elements > DEFAULT_LIMITS.maxArticleElements ? null : new Readability(document, { charThreshold: 200 }).parse();
    const articleHtml = article?.content ?? document.body?.innerHTML ?? '';
    const sanitized = sanitizeHtml(articleHtml);
    const title = shortenTitle(page.title || article?.title || page.documentTitle || titleFromText(sanitized.text, displayName(name)));
    const text = cleanText(sanitized.text, title);
    if (text === '') throw refuse(`${displayName(name)} has no readable text; check the file`);
    const byline = article?.byline?.replace(/^by\s+/i, '').trim() || null;
    return {
      kind: 'html',
      title,
      text,
      html: sanitized.html,
      author: page.author ?? byline,
      source: page.siteName ?? (article?.siteName || null) ?? page.url,
      publishedAt: page.publishedAt ?? normalizeDate(article?.publishedTime),
      language: page.language ?? languageFromTag(article?.lang) ?? detectLanguage(text),
      pageStarts: null,
      meta: withoutNulls({ url: page.url, description: page.description }),
      attachments: [],
    };
  } finally {
    dom.window.close();
  }
}

/** How many elements the markup opens: a cheap count, before any DOM is built. */
function countElements(html: string): number {
  return html.match(/<[a-zA-Z]/g)?.length ?? 0;
}

/** The length of the longest tag (from "<" to ">") in the markup. */
function longestTag(html: string): number {
  let longest = 0;
  for (let open = html.indexOf('<'); open >= 0; ) {
    const close = html.indexOf('>', open);
    if (close < 0) return Math.max(longest, html.length - open);
    longest = Math.max(longest, close - open + 1);
    open = html.indexOf('<', close);
  }
  return longest;
}

/** A page too big to lay out: its words, its title, and a note (`why`) of why there is no page view. */
function readHugeHtml(name: string, source: string, why: string): ExtractedDocument {
  const title = decodeEntities(/<title\b[^>]*>([^<]{1,500})/i.exec(source)?.[1]?.trim() ?? '');
  const text = cleanText(textOfTooDeepHtml(source), title);
  if (text === '') throw refuse(`${displayName(name)} has no readable text; check the file`);
  return {
    kind: 'html',
    title: shortenTitle(title || titleFromText(text, displayName(name))),
    text,
    html: null,
    author: null,
    source: null,
    publishedAt: null,
    language: detectLanguage(text),
    pageStarts: null,
    meta: { note: `${why}; its text is kept, not its layout.` },
    attachments: [],
  };
}

interface PageMetadata {
  readonly title: string | null;
  readonly documentTitle: string | null;
  readonly author: string | null;
  readonly siteName: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly description: string | null;
}

function pageMetadata(document: Document): PageMetadata {
  const meta = (...selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return null;
  };
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? null;
  const url = (canonical && /^https?:\/\//i.test(canonical) ? canonical : null) ?? meta('meta[property="og:url"]');
  const author = meta('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator"]', 'meta[name="byl"]');
  // The first of these that parses wins: publishers' own metadata, then schema.org, then the
  // <time> in the article's header rather than any <time> on the page (a sidebar has its own).
  const dates = [
    meta(
      'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[property="og:article:published_time"]',
      'meta[itemprop="datePublished"]',
    ),
    linkedDataDate(document),
    meta(
      'meta[name="date" i]', 'meta[name="pubdate" i]', 'meta[name="publish-date" i]', 'meta[name="publication_date" i]',
      'meta[name="dc.date" i]', 'meta[name="dc.date.issued" i]', 'meta[name="dcterms.date" i]', 'meta[name="dcterms.issued" i]',
      'meta[name="dcterms.created" i]', 'meta[name="citation_publication_date" i]', 'meta[name="parsely-pub-date" i]', 'meta[name="sailthru.date" i]',
    ),
    ...['[itemprop="datePublished"][datetime]', 'article header time[datetime]', 'header time[datetime]', 'time[pubdate][datetime]', 'article time[datetime]', 'time[datetime]'].map(
      (selector) => document.querySelector(selector)?.getAttribute('datetime') ?? null,
    ),
  ];
  return {
    title: meta('meta[property="og:title"]', 'meta[name="twitter:title"]'),
    documentTitle: document.title.trim() || null,
    // article:author is often a profile URL, which is not a name.
    author: author && !/^https?:\/\//i.test(author) ? author : null,
    siteName: meta('meta[property="og:site_name"]', 'meta[name="application-name"]'),
    url,
    publishedAt: dates.map((date) => normalizeDate(date)).find((date) => date !== null) ?? null,
    language: languageFromTag(document.documentElement.getAttribute('lang')) ?? languageFromTag(meta('meta[http-equiv="content-language" i]')),
    description: meta('meta[property="og:description"]', 'meta[name="description"]'),
  };
}

/** Article types whose datePublished is the page's date (not that of a video or an image on it). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|WebPage|LiveBlogPosting)$/;
/** JSON-LD blocks bigger than this are not metadata worth parsing. */
const MAX_LINKED_DATA = 1_000_000;

/** schema.org datePublished from the page's JSON-LD (an article's first, else any), or null. */
function linkedDataDate(document: Document): string | null {
  let fallback: string | null = null;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const source = script.textContent ?? '';
    if (source.length > MAX_LINKED_DATA) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue; // broken JSON-LD is common and says nothing
    }
    // Objects may be nested in arrays and in @graph; walk them without recursion on hostile depth.
    const queue: unknown[] = [data];
    for (let visited = 0; queue.length > 0 && visited < 1_000; visited += 1) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        // A bounded copy: spreading a hostile array of a million items would overflow the stack.
        for (const element of (item as unknown[]).slice(0, 1_000)) queue.push(element);
        continue;
      }
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const date = typeof record.datePublished === 'string' ? record.datePublished : null;
      const types = ([] as unknown[]).concat(record['@type'] ?? []).filter((type): type is string => typeof type === 'string');
      if (date && types.some((type) => ARTICLE_TYPE.test(type))) return date;
      fallback ??= date;
      if (record['@graph'] !== undefined) queue.push(record['@graph']);
    }
  }
  return fallback;
}

function withoutNulls(record: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== null));
}
