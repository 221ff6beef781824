// Baseline for the webhook → socket latency benchmark: the least a server can do for the same path —
// plain node:http + socket.io, HMAC-SHA256 check of the raw body, JSON parse, emit `message.created`
// with the mid to every connected socket, 200. No database, no framework. Port: BASELINE_PORT.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';

const secret = process.env.APP_SECRET ?? '';
const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
    const got = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      res.writeHead(401).end();
      return;
    }
    const body = JSON.parse(raw.toString('utf8'));
    res.writeHead(200).end('EVENT_RECEIVED');
    for (const entry of body.entry ?? []) {
      for (const m of entry.messaging ?? []) {
        if (m.message?.mid) io.emit('message.created', { conversationId: String(m.sender?.id), message: { mid: m.message.mid, text: m.message.text } });
      }
    }
  });
});
const io = new Server(server);
server.listen(Number(process.env.BASELINE_PORT ?? 0), '127.0.0.1');
