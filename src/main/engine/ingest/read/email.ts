// E-mail: single .eml messages and .mbox archives, parsed by mailparser. HTML bodies are sanitized
// like web pages (remote images dropped), so reading a message never fetches anything.
import { simpleParser } from 'mailparser';
import type { AddressObject, ParsedMail } from 'mailparser';
import { DEFAULT_LIMITS } from '../../limits';
import type { IngestLimits } from '../../limits';
import type { ExtractOutcome, ExtractedDocument, IngestFile } from '../types';
import { cleanText } from './clean';
import { copyBytes, describeError, displayName, formatBytes, languageFromTag, normalizeDate, refuse, shortenTitle, titleFromText } from './common';
import { HtmlTooDeep, sanitizeHtml, textOfTooDeepHtml } from './html';
import type { SanitizedHtml } from './html';
import { detectLanguage } from './language';

/** Where a message came from when it is one part of a larger file. */
interface Part {
  readonly original: Uint8Array;
  readonly originalName: string;
}

export async function readEmail(name: string, bytes: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS): Promise<ExtractedDocument> {
  return parseMessage(displayName(name), bytes, null, limits);
}

/**
 * Reads an mbox archive: one document per message. Each document's original is the message's
 * exact bytes in the archive, its "From " separator line included, so it is itself a valid
 * one-message mbox; the parsed message has mboxrd's ">From " quoting undone.
 */
export async function readMbox(name: string, bytes: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS): Promise<ExtractOutcome> {
  const label = displayName(name);
  const messages = splitMbox(bytes);
  if (messages.length === 0) throw refuse(`${label} has no messages (no "From " lines); check that it is an mbox file`);
  const documents: ExtractedDocument[] = [];
  for (const [index, message] of messages.entries()) {
    documents.push(
      await parseMessage(`${label}#${index + 1}`, message.content, { original: message.original, originalName: `${label}#${index + 1}` }, limits),
    );
  }
  return { type: 'documents', documents };
}

interface MboxMessage {
  /** The bytes as they are in the archive, separator line included. */
  readonly original: Uint8Array;
  /** The message itself: no separator line, quoting undone. */
  readonly content: Uint8Array;
}

/** Splits an mbox at its "From " separator lines. Exported for tests. */
export function splitMbox(bytes: Uint8Array): MboxMessage[] {
  // latin1 maps bytes to characters one to one, so string offsets are byte offsets.
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: number[] = [];
  const separator = /^From [^\r\n]*/gm;
  for (let match = separator.exec(source); match; match = separator.exec(source)) {
    if (isSeparator(source, match.index, match[0])) starts.push(match.index);
  }
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? source.length;
    const whole = source.slice(start, end);
    const firstBreak = whole.indexOf('\n');
    const message = firstBreak < 0 ? '' : whole.slice(firstBreak + 1);
    // The blank line before the next separator belongs to the archive, not to the message.
    const trimmed = starts[index + 1] === undefined ? message : message.replace(/\r?\n$/, '');
    return {
      original: copyBytes(bytes, start, end),
      content: Buffer.from(trimmed.replace(/^>(>*From )/gm, '$1'), 'latin1'),
    };
  });
}

/** A "From " line separates messages at the top, after a blank line, or when it has the postmark form. */
function isSeparator(source: string, index: number, line: string): boolean {
  if (index === 0) return true;
  if (source.endsWith('\n\n', index) || source.endsWith('\n\r\n', index)) return true;
  return /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d/.test(line);
}

async function parseMessage(label: string, bytes: Uint8Array, part: Part | null, limits: IngestLimits): Promise<ExtractedDocument> {
  // mailparser holds a message and all its decoded parts at once: a 121 MB message took 2.7 GB.
  if (bytes.length > limits.maxMessageBytes) {
    throw refuse(
      `${label} is a message of ${formatBytes(bytes.length)}; Dossier reads messages of up to ${formatBytes(limits.maxMessageBytes)} (the limit maxMessageBytes); ` +
        'save its attachments from your mail program and import them, and the message without them',
    );
  }
  let mail: ParsedMail;
  try {
    // Text is made from the HTML part here, from the sanitized DOM, so both agree and nothing remote
    // slips in. Images the HTML shows from the message itself (cid:) become data: URIs, which stay.
    mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
    });
  } catch (error) {
    throw refuse(`${label} could not be read as an e-mail message (${describeError(error)}); check the file`);
  }

  const sanitized = mail.html ? sanitizeBody(mail.html) : null;
  const bodyText = mail.text?.trim() ? mail.text : (sanitized?.text ?? '');
  const subject = mail.subject?.trim() || null;
  const title = shortenTitle(subject ?? titleFromText(bodyText, '(no subject)'));
  const text = cleanText(bodyText, title) || title;
  const sender = mail.from?.value[0];
  const senderAddress = sender?.address?.trim() || null;
  const date = normalizeDate(mail.date ?? null) ?? receivedDate(mail.headers.get('received'));
  const contentLanguage = mail.headers.get('content-language');

  return {
    kind: 'email',
    title,
    text,
    html: sanitized?.html || null,
    author: sender?.name?.trim() || senderAddress,
    source: senderAddress,
    publishedAt: date,
    language: languageFromTag(typeof contentLanguage === 'string' ? contentLanguage : null) ?? detectLanguage(text),
    pageStarts: null,
    meta: {
      from: mail.from?.text ?? null,
      to: addresses(mail.to),
      cc: addresses(mail.cc),
      subject,
      messageId: mail.messageId ?? null,
      date,
    },
    ...(part ?? {}),
    attachments: attachmentsOf(mail),
  };
}

/**
 * A message's HTML body, sanitized; one nested too deeply to read as a page keeps its words as
 * plain text (the message is still worth having), without its formatting.
 */
function sanitizeBody(html: string): SanitizedHtml {
  try {
    return sanitizeHtml(html);
  } catch (error) {
    if (!(error instanceof HtmlTooDeep)) throw error;
    return { html: '', text: textOfTooDeepHtml(html) };
  }
}

/**
 * For a message without a Date header (drafts, some exports): when the last server received it,
 * from the topmost Received header ("from … by …; Fri, 14 May 2021 09:31:02 +0400").
 */
function receivedDate(header: unknown): string | null {
  const topmost: unknown = Array.isArray(header) ? header[0] : header;
  if (typeof topmost !== 'string') return null;
  const semicolon = topmost.lastIndexOf(';');
  return semicolon < 0 ? null : normalizeDate(topmost.slice(semicolon + 1).replace(/\s*\([^)]*\)\s*$/, ''));
}

function addresses(field: AddressObject | AddressObject[] | undefined): string | null {
  if (!field) return null;
  const list = Array.isArray(field) ? field : [field];
  return list.map((entry) => entry.text).join(', ') || null;
}

/** Real attachments; images embedded in the HTML body (cid: parts) are already inside its HTML. */
function attachmentsOf(mail: ParsedMail): IngestFile[] {
  return mail.attachments
    .filter((attachment) => attachment.contentDisposition === 'attachment' || !attachment.related)
    .map((attachment, index) => ({
      name: attachment.filename?.trim() || `attachment-${index + 1}`,
      // A copy: small Buffers share Node's pool, and a view would carry (and expose) the whole pool.
      bytes: new Uint8Array(attachment.content),
    }));
}
