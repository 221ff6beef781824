// A lean HTTP/1.1 keep-alive client for the load generators. The benchmarks run the load generator on the machine
// under test: node's http.request costs ~150–180 µs of CPU per request here, which at 1,000 requests/s takes a
// tenth of a 2-core machine away from the servers being measured; this client costs about half. One request in
// flight per connection (no pipelining), requests queue for a free connection, responses carry Content-Length
// or small chunked bodies (the baseline's); anything else fails the request loudly.
import net from 'node:net';

const HEADER_END = '\r\n\r\n';
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:\s*chunked/i;
const LAST_CHUNK = '0\r\n\r\n';

/** Where the response that starts the buffer ends: -1 not all here yet, null when its length cannot be told. */
function responseEnd(buffer, head, bodyStart) {
  const length = CONTENT_LENGTH.exec(head);
  if (length) {
    const total = bodyStart + Number(length[1]);
    return buffer.length < total ? -1 : total;
  }
  if (!CHUNKED.test(head)) return null;
  // small bodies (no trailers): the last chunk follows the body's first chunk, or is the whole body
  const last = buffer.startsWith(LAST_CHUNK, bodyStart) ? bodyStart : buffer.indexOf(`\r\n${LAST_CHUNK}`, bodyStart);
  if (last < 0) return -1;
  return last === bodyStart ? last + LAST_CHUNK.length : last + 2 + LAST_CHUNK.length;
}

export function rawHttpClient({ host = '127.0.0.1', port, connections = 64 }) {
  const idle = [];
  const queue = [];
  let open = 0;

  function connect() {
    const socket = net.connect(port, host);
    socket.setNoDelay(true);
    open += 1;
    const state = { socket, buffer: '', done: null };
    const fail = (error) => {
      const done = state.done;
      state.done = null;
      if (done) done({ status: 0, error });
    };
    socket.on('data', (chunk) => {
      state.buffer += chunk.toString('latin1');
      const end = state.buffer.indexOf(HEADER_END);
      if (end < 0) return;
      const head = state.buffer.slice(0, end);
      const total = responseEnd(state.buffer, head, end + HEADER_END.length);
      if (total === null) {
        socket.destroy(new Error(`response neither chunked nor with Content-Length: ${head.split('\r\n')[0]}`));
        return;
      }
      if (total < 0) return;
      const status = Number(head.slice(9, 12));
      const closing = /\r\nconnection:\s*close/i.test(head);
      state.buffer = state.buffer.slice(total);
      const done = state.done;
      state.done = null;
      if (closing) socket.end();
      else release(state);
      done?.({ status });
    });
    socket.on('error', fail);
    socket.on('close', () => {
      open -= 1;
      const at = idle.indexOf(state);
      if (at >= 0) idle.splice(at, 1);
      fail(new Error('connection closed'));
      // a request waiting for a connection gets a new one
      if (queue.length && open < connections) queue.shift()(connect());
    });
    return state;
  }

  function release(state) {
    const next = queue.shift();
    if (next) next(state);
    else idle.push(state);
  }

  function acquire() {
    const ready = idle.pop();
    if (ready) return Promise.resolve(ready);
    if (open < connections) return Promise.resolve(connect());
    return new Promise((resolve) => queue.push(resolve));
  }

  return {
    /** POSTs `body` (a string); resolves `{ status }` (0 with `error` when the connection failed). */
    async post(path, headers, body) {
      const payload = Buffer.from(body);
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      const head = `POST ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Length: ${payload.length}\r\n${lines.join('')}\r\n`;
      const state = await acquire();
      return new Promise((resolve) => {
        state.done = resolve;
        state.socket.write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
      });
    },
    close() {
      for (const state of idle.splice(0)) state.socket.end();
    },
  };
}
