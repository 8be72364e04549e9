import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean';
import { fixture, readOne } from './fixtures';
import { DEFAULT_LIMITS } from '../../limits';
import { sanitizeHtml } from './html';

describe('HTML', () => {
  it('reads the article with the page’s metadata', async () => {
    const document = await readOne(fixture('article.html'));
    expect(document.kind).toBe('html');
    expect(document.title).toBe('Border talks resume after incident near Armudlu');
    expect(document.author).toBe('Jane Reporter');
    expect(document.source).toBe('Caucasus Monitor');
    expect(document.publishedAt).toBe('2021-05-14T05:30:00Z');
    expect(document.language).toBe('en');
    expect(document.meta.url).toBe('https://monitor.example/2021/05/border-talks');
    expect(document.text).toContain('Negotiators from Armenia and Azerbaijan met on Friday');
    expect(document.text).toContain('according to people familiar with the schedule.');
    // Paragraphs are separated by blank lines.
    expect(document.text).toMatch(/Kalbajar district\.\n\nOfficials said/);
  });

  it('keeps a page of tens of thousands of elements as text, and reads a big one whole instead of hunting its article', async () => {
    const page = (body: string) => new TextEncoder().encode(`<!DOCTYPE html><html><head><title>Long &amp; wide</title></head><body>${body}</body></html>`);
    const paragraphs = Array.from({ length: DEFAULT_LIMITS.maxHtmlElements + 10 }, (_, index) => `<p>Paragraph ${index} about Kalbajar.</p>`).join('');
    const huge = await readOne({ name: 'huge.html', bytes: page(paragraphs) });
    expect(huge).toMatchObject({ kind: 'html', title: 'Long & wide', html: null });
    expect(huge.text).toContain(`Paragraph ${DEFAULT_LIMITS.maxHtmlElements + 9} about Kalbajar.`);
    expect(String(huge.meta.note)).toMatch(/more than the 30,000 Dossier lays out \(maxHtmlElements\)/);

    const images = Array.from({ length: DEFAULT_LIMITS.maxArticleElements + 10 }, (_, index) => `<img src="http://tracker.example/${index}.png">`).join('');
    const big = await readOne({ name: 'big.html', bytes: page(`<p>Shelling near Armudlu was reported on Tuesday.</p>${images}`) });
    expect(big.text).toContain('Shelling near Armudlu');
    expect(big.html).not.toContain('tracker.example');
    const attributes = Array.from({ length: 20_000 }, (_, index) => `a${index}="${index}"`).join(' ');
    const wide = await readOne({ name: 'wide.html', bytes: page(`<p ${attributes}>Talks in Brussels ended on Friday.</p>`) });
    expect(wide).toMatchObject({ html: null, text: expect.stringContaining('Talks in Brussels ended on Friday.') as string });
    expect(String(wide.meta.note)).toMatch(/a tag of [\d,]+ characters, more than the 65,536 .*\(maxHtmlTagBytes\)/);
  });

  it('leaves no script, handler, style, frame, form or remote image in the text or the HTML', async () => {
    const { text, html } = await readOne(fixture('article.html'));
    for (const leaked of ['document.cookie', 'injected paragraph', 'steal', 'alert', 'Subscribe', 'background']) {
      expect(text).not.toContain(leaked);
    }
    expect(html).not.toBeNull();
    const markup = html!;
    for (const leaked of ['<script', 'onerror', 'onclick', '<img', 'tracker.example', '<iframe', '<form', '<input', 'style=', '<style', '<link', 'url(']) {
      expect(markup).not.toContain(leaked);
    }
    expect(markup).not.toMatch(/src="https?:/);
    // Links stay, as something to read.
    expect(markup).toContain('<a href="https://monitor.example/earlier">Earlier coverage</a>');
  });

  it('sanitizes tricky markup', () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgo=';
    const { html, text: rawText } = sanitizeHtml(
      [
        `<p>Keep <img src="${pixel}" alt="chart"> embedded images.</p>`,
        '<p><a href="javascript:alert(1)">bad link</a> <a href="https://ok.example/" ping="https://t.example/">good link</a></p>',
        '<picture><source srcset="https://t.example/a.webp"><img src="https://t.example/a.jpg" srcset="https://t.example/b.jpg 2x" alt="remote"></picture>',
        '<svg><image href="https://t.example/s.png"></image></svg>',
        '<video poster="https://t.example/p.jpg" src="https://t.example/v.mp4"></video>',
        '<div style="background:url(https://t.example/bg.png)" background="https://t.example/bg2.png">styled</div>',
        '<table><tr><td>cell one</td><td>cell two</td></tr></table>',
        '<ul><li>first</li><li>second</li></ul>',
        '<object data="https://t.example/o.swf"></object><embed src="https://t.example/e.swf">',
        '<base href="https://t.example/"><meta http-equiv="refresh" content="0;url=https://t.example/">',
        '<p onmouseover="x()" data-track="1">handlers</p>',
      ].join(''),
    );
    expect(html).toContain(`<img src="${pixel}" alt="chart">`);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://ok.example/">good link</a>');
    expect(html).not.toMatch(/t\.example|onmouseover|data-track|<svg|<video|<object|<embed|<base|<meta|style=|srcset|ping=/);
    const text = cleanText(rawText);
    expect(text).toContain('cell one cell two');
    expect(text).toContain('first\nsecond');
    expect(text).toContain('Keep chart embedded images.');
  });

  it('fetches nothing a page refers to', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const page = `<!DOCTYPE html><html><head><title>Local references everywhere</title>
        <link rel="stylesheet" href="${base}/style.css"><script src="${base}/script.js"></script>
        <meta http-equiv="refresh" content="0;url=${base}/refresh"></head>
        <body><article><p>${'A paragraph that is long enough to be an article. '.repeat(10)}</p>
        <img src="${base}/image.png"><iframe src="${base}/frame"></iframe>
        <script>fetch('${base}/inline')</script></article></body></html>`;
      const document = await readOne({ name: 'local.html', bytes: new TextEncoder().encode(page) });
      expect(document.title).toBe('Local references everywhere');
      // A request of our own, made after reading: the server sees it first unless reading asked for something.
      await (await fetch(`${base}/after-reading`)).text();
      expect(requests).toEqual(['/after-reading']);
    } finally {
      server.close();
    }
  });

  it('dates a page by its JSON-LD, its Dublin Core meta, or the time in its article header, not by a stray <time>', async () => {
    const body = `<p>${'Negotiators from Armenia and Azerbaijan met again in a renewed attempt to settle the dispute. '.repeat(6)}</p>`;
    const sidebar = '<aside><h3>Earlier</h3><time datetime="2019-01-05">5 January 2019</time></aside>';
    const page = (head: string, article: string): { name: string; bytes: Uint8Array } => ({
      name: 'page.html',
      bytes: new TextEncoder().encode(`<!DOCTYPE html><html><head><title>Talks</title>${head}</head><body>${sidebar}${article}</body></html>`),
    });
    const linkedData = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'ImageObject', datePublished: '2018-03-01' }, { '@type': 'NewsArticle', headline: 'Talks', datePublished: '2021-06-02' }],
    });
    const fromLinkedData = await readOne(page(`<script type="application/ld+json">${linkedData}</script>`, `<article>${body}</article>`));
    expect(fromLinkedData.publishedAt).toBe('2021-06-02');
    const fromDublinCore = await readOne(page('<meta name="DC.Date" content="2021-06-03">', `<article>${body}</article>`));
    expect(fromDublinCore.publishedAt).toBe('2021-06-03');
    const fromHeader = await readOne(page('', `<article><header><h1>Talks</h1><time datetime="2021-06-04">4 June 2021</time></header>${body}</article>`));
    expect(fromHeader.publishedAt).toBe('2021-06-04');
    // Broken JSON-LD is skipped, not fatal.
    const broken = await readOne(page('<script type="application/ld+json">{"datePublished": </script>', `<article>${body}</article>`));
    expect(broken.publishedAt).toBe('2019-01-05');
  });

  it('honours a declared legacy charset', async () => {
    const page = Buffer.concat([
      Buffer.from('<html lang="ru"><head><meta charset="windows-1251"><title>', 'latin1'),
      Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]),
      Buffer.from('</title></head><body><p>text</p></body></html>', 'latin1'),
    ]);
    const document = await readOne({ name: 'legacy.htm', bytes: new Uint8Array(page) });
    expect(document.title).toBe('Привет');
    expect(document.language).toBe('ru');
  });
});
