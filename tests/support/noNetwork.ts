/**
 * Makes any request to a non-local address fail the test that makes it, in this thread: fetch and
 * socket connections. The OCR worker thread closes its own network (resources/ocr/offline-worker.cjs).
 */
import net from 'node:net';
import { afterAll, beforeAll } from 'vitest';

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

export function forbidNetwork(): void {
  const originalFetch = globalThis.fetch;
  // Called back with its socket as `this` (Reflect.apply below), as Node calls it.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originalConnect = net.Socket.prototype.connect;
  beforeAll(() => {
    globalThis.fetch = (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.protocol === 'file:' || LOCAL.test(url.hostname)) return originalFetch(input);
      throw new Error(`A test tried to reach the network: ${url.href}`);
    };
    net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
      const options = args[0];
      // connect(options) or connect(port, host); a Unix socket (options.path) is local.
      const target = typeof options === 'object' && options !== null ? (options as { host?: string; path?: string }) : { host: args[1] as string | undefined, path: undefined };
      const host = target.path ? 'localhost' : target.host;
      if (typeof host === 'string' && !LOCAL.test(host)) throw new Error(`A test tried to reach the network: ${host}`);
      return Reflect.apply(originalConnect, this, args) as net.Socket;
    };
  });
  afterAll(() => {
    globalThis.fetch = originalFetch;
    net.Socket.prototype.connect = originalConnect;
  });
}
