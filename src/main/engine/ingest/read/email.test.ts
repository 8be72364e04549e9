import { describe, expect, it } from 'vitest';
import { fixture, readOne } from './fixtures';
import { readFile } from './index';

describe('e-mail', () => {
  it('reads a message: headers, text body, sanitized HTML and attachments', async () => {
    const document = await readOne(fixture('message.eml'));
    expect(document.kind).toBe('email');
    expect(document.title).toBe('Notes from the border visit');
    expect(document.author).toBe('Jane Reporter');
    expect(document.source).toBe('jane@monitor.example');
    expect(document.publishedAt).toBe('2021-05-14T05:30:00Z');
    expect(document.meta).toEqual({
      from: '"Jane Reporter" <jane@monitor.example>',
      to: '"Desk" <desk@monitor.example>, "Analyst" <analyst@agency.example>',
      cc: '"Editor" <editor@monitor.example>',
      subject: 'Notes from the border visit',
      messageId: '<visit-0514@monitor.example>',
      date: '2021-05-14T05:30:00Z',
    });
    expect(document.text).toBe('We reached Armudlu on Thursday. The positions are as described by Pashinián.\n\nPhotos follow in a separate message.');
    expect(document.html).toBe('<p>We reached <b>Armudlu</b> on Thursday.</p>');
    expect(document.attachments).toHaveLength(1);
    const [attachment] = document.attachments;
    expect(attachment!.name).toBe('positions.txt');
    expect(new TextDecoder().decode(attachment!.bytes)).toBe('Grid references of the new positions near Armudlu.\n');
  });

  it('uses the sanitized HTML body when a message has no text part', async () => {
    const message = [
      'From: desk@monitor.example',
      'Subject: HTML only',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Only <i>HTML</i> here.</p><img src="http://tracker.example/open.gif"><p>Second paragraph.</p>',
    ].join('\r\n');
    const document = await readOne({ name: 'html-only.eml', bytes: new TextEncoder().encode(message) });
    expect(document.text).toBe('Only HTML here.\n\nSecond paragraph.');
    expect(document.html).not.toContain('tracker.example');
    expect(document.author).toBe('desk@monitor.example');
  });

  it('dates a message without a Date header by its topmost Received header', async () => {
    const message = [
      'Received: from mx.monitor.example by mail.agency.example; Fri, 14 May 2021 09:31:02 +0400 (GST)',
      'Received: from laptop by mx.monitor.example; Fri, 14 May 2021 09:30:40 +0400',
      'From: desk@monitor.example',
      'Subject: No date',
      '',
      'Filed from the road.',
    ].join('\r\n');
    const document = await readOne({ name: 'no-date.eml', bytes: new TextEncoder().encode(message) });
    expect(document.publishedAt).toBe('2021-05-14T05:31:02Z');
  });

  it('keeps images the message itself carries (cid:) and drops the remote ones', async () => {
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const message = [
      'From: desk@monitor.example',
      'Subject: Inline image',
      'Content-Type: multipart/related; boundary="b"',
      '',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Map:</p><img src="cid:map@x" alt="map"><img src="https://tracker.example/t.gif">',
      '--b',
      'Content-Type: image/png',
      'Content-ID: <map@x>',
      'Content-Transfer-Encoding: base64',
      '',
      pixel.toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    const document = await readOne({ name: 'inline.eml', bytes: new TextEncoder().encode(message) });
    expect(document.html).toBe(`<p>Map:</p><img src="data:image/png;base64,${pixel.toString('base64')}" alt="map">`);
    expect(document.attachments).toEqual([]);
  });

  it('splits an mbox into messages, each with its own original bytes', async () => {
    const file = fixture('archive.mbox');
    const outcome = await readFile(file);
    if (outcome.type !== 'documents') throw new Error('expected documents');
    expect(outcome.documents.map((document) => document.title)).toEqual(['First dispatch', 'Re: First dispatch']);
    expect(outcome.documents.map((document) => document.originalName)).toEqual(['archive.mbox#1', 'archive.mbox#2']);
    const [first, second] = outcome.documents;
    // The ">From" quoting is undone in the message, and kept in the original bytes.
    expect(first!.text).toBe('The first dispatch from the border.\nFrom the hilltop we could see the new positions.');
    const originals = outcome.documents.map((document) => Buffer.from(document.original!));
    expect(originals[0]!.toString().startsWith('From jane@monitor.example')).toBe(true);
    expect(originals[0]!.toString()).toContain('>From the hilltop');
    expect(Buffer.concat(originals).equals(Buffer.from(file.bytes))).toBe(true);
    expect(second!.author).toBe('Desk');
    expect(second!.publishedAt).toBe('2021-05-15T06:00:00Z');
  });

  it('recognises mbox and e-mail by content whatever the file is called', async () => {
    const mbox = await readFile({ name: 'export.txt', bytes: fixture('archive.mbox').bytes });
    expect(mbox.type === 'documents' && mbox.documents.length).toBe(2);
    expect((await readOne({ name: 'message', bytes: fixture('message.eml').bytes })).kind).toBe('email');
  });
});
