// The raw baseline for the ingestion benchmark: plain node:http, HMAC-SHA256 check on the raw bytes,
// one INSERT of the body through mysql2, 200. No framework, no validation beyond the signature.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import mysql from 'mysql2/promise';

const { BASELINE_PORT, BASELINE_DB_URL, APP_SECRET } = process.env;
const pool = mysql.createPool({ uri: BASELINE_DB_URL, connectionLimit: 20 });
await pool.query(
  'CREATE TABLE IF NOT EXISTS baseline_events (id INT AUTO_INCREMENT PRIMARY KEY, raw_body MEDIUMTEXT NOT NULL, received_at DATETIME(3) NOT NULL)',
);

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    const header = String(req.headers['x-hub-signature-256'] ?? '');
    const expected = Buffer.from(`sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`);
    const given = Buffer.from(header);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    try {
      await pool.execute('INSERT INTO baseline_events (raw_body, received_at) VALUES (?, ?)', [body.toString('utf8'), new Date()]);
      res.writeHead(200).end('EVENT_RECEIVED');
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(BASELINE_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
