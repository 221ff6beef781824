// jsdom does not ship the Fetch API; the api client under test needs Headers/Response and friends.
// Hand jsdom the ones from Node so UI tests exercise the real client code. It has no layout either:
// Radix primitives (Switch) measure themselves with ResizeObserver, which never fires without one.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of [
      'fetch',
      'Headers',
      'Request',
      'Response',
      'ReadableStream',
      'TextEncoder',
      'TextDecoder',
      'AbortController',
      'AbortSignal',
      'structuredClone',
    ]) {
      if (typeof globalThis[name] !== 'undefined') this.global[name] = globalThis[name];
    }
    if (typeof this.global.ResizeObserver === 'undefined') {
      this.global.ResizeObserver = class ResizeObserver {
        observe() {
          // no layout in jsdom: sizes never change
        }
        unobserve() {
          // nothing observed
        }
        disconnect() {
          // nothing to release
        }
      };
    }
  }
}

module.exports = JsdomWithFetchEnvironment;
