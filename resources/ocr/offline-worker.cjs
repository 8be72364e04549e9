'use strict';
// The worker thread Dossier runs tesseract.js in: the package's own Node worker script, started
// only after every way out to the network is closed in this thread. Language data and the
// WebAssembly core are read from disk (resources/ocr, node_modules/tesseract.js-core); a request
// for anything else is a bug, and it fails loudly here instead of quietly leaving the machine.
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');

function refuse(what) {
  throw new Error(`Dossier's OCR worker tried to reach the network (${what}); OCR must run offline from resources/ocr.`);
}
globalThis.fetch = (input) => Promise.reject(new Error(`Dossier's OCR worker tried to fetch ${String(input)}; OCR must run offline from resources/ocr.`));
net.Socket.prototype.connect = function connect() {
  refuse('a socket');
};
net.connect = net.createConnection = () => refuse('a socket');
tls.connect = () => refuse('a TLS socket');
dns.lookup = () => refuse('a DNS lookup');

// Tesseract and Leptonica print diagnostics ("Estimating resolution as 300", "Error in pixReadMem")
// on the console; failures also come back as errors, and the rest would only clutter the CLI's
// output, so those lines are dropped.
const DIAGNOSTIC = /^(libpng (error|warning)|Image file \S+ cannot be read|Estimating resolution as|Warning: Invalid resolution|Detected \d+ diacritics|Error in pix|Error in fopenReadFromMemory|Image too (small|large) to scale|Line cannot be recognized|Empty page)/;
for (const method of ['log', 'warn', 'error', 'info']) {
  const original = console[method].bind(console);
  console[method] = (...args) => {
    if (typeof args[0] === 'string' && DIAGNOSTIC.test(args[0])) return;
    original(...args);
  };
}

require('tesseract.js/src/worker-script/node/index.js');
