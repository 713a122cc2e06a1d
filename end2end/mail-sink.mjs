// The test mail server: a real SMTP server (nodemailer's smtp-server) that accepts every
// message on 127.0.0.1 and writes it, decoded by mailparser, as one JSON file per message
// ({ from, to, subject, text, html, raw }) into a directory that tests read.
//
//   node end2end/mail-sink.mjs <directory> [port]
//
// Prints "mail-sink ready <port>" once it listens (port 0 picks a free one). Stops on SIGTERM.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const [dir, portArg = '0'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node end2end/mail-sink.mjs <directory> [port]');
  process.exit(2);
}
await mkdir(dir, { recursive: true });
let sequence = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  banner: 'derma-consent test mail sink',
  // No reverse DNS for 127.0.0.1: on an offline machine it only delays the greeting.
  disableReverseLookup: true,
  logger: false,
  size: 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      try {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: parsed.html || '',
          headers: Object.fromEntries([...parsed.headers].map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
          raw: raw.toString('utf8'),
        };
        sequence += 1;
        const name = `${String(Date.now()).padStart(15, '0')}-${String(sequence).padStart(6, '0')}.json`;
        // Written then renamed, so a reader never sees half a file.
        await writeFile(path.join(dir, `.${name}`), JSON.stringify(mail, null, 2));
        await rename(path.join(dir, `.${name}`), path.join(dir, name));
        callback();
      } catch (error) {
        callback(error);
      }
    });
  },
});

server.on('error', (error) => console.error(`mail-sink: ${error.message}`));
server.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`mail-sink ready ${server.server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
