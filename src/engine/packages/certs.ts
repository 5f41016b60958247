/**
 * Self-signed certificates as package scriptlets make them (dovecot's mkcert.sh at install).
 * The PEM bodies are base64 of a small text record, so other parts of the lab (openssl x509,
 * s_client, dovecot) can read the subject, dates and key size back.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i) & 0xff;
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) & 0xff : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < text.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < text.length ? B64[n & 63]! : '=');
  }
  return out;
}

export function unbase64(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  let out = '';
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => B64.indexOf(clean[i + k] ?? 'A'));
    const v = (n[0]! << 18) | (n[1]! << 12) | (Math.max(0, n[2]!) << 6) | Math.max(0, n[3]!);
    out += String.fromCharCode((v >> 16) & 0xff);
    if (i + 2 < clean.length) out += String.fromCharCode((v >> 8) & 0xff);
    if (i + 3 < clean.length) out += String.fromCharCode(v & 0xff);
  }
  return out;
}

function pem(label: string, body: string): string {
  const b = base64(body);
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 64) lines.push(b.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The subject (`/OU=IMAP server/CN=...`) of an openssl req config with prompt = no. */
export function subjectFromConfig(cnf: string): string {
  const order = ['C', 'ST', 'L', 'O', 'OU', 'CN', 'emailAddress'];
  const vals: [string, string][] = [];
  let section = '';
  for (const raw of cnf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const sec = /^\[\s*(\S+)\s*\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      continue;
    }
    if (section !== 'req_dn') continue;
    const m = /^([A-Za-z]+)\s*=\s*(.*)$/.exec(line);
    if (m && order.includes(m[1]!)) vals.push([m[1]!, m[2]!]);
  }
  return vals.map(([k, v]) => `/${k}=${v}`).join('');
}

export interface CertPair {
  cert: string;
  key: string;
  subject: string;
}

/** A self-signed certificate and its RSA key, valid 365 days from `nowSeconds`. */
export function selfSignedPair(cnf: string, bits: number, random: () => number, nowSeconds: number): CertPair {
  const subject = subjectFromConfig(cnf);
  let serial = '';
  let keyBytes = '';
  for (let i = 0; i < 8; i++) serial += (random() & 0xff).toString(16).padStart(2, '0');
  for (let i = 0; i < bits / 8; i++) keyBytes += String.fromCharCode(random() & 0xff);
  const record = [
    'mail-lab-x509',
    `serial=${serial}`,
    `subject=${subject}`,
    `issuer=${subject}`,
    `notBefore=${nowSeconds}`,
    `notAfter=${nowSeconds + 365 * 86400}`,
    `bits=${bits}`,
    `key=${serial}`,
  ].join('\n');
  return {
    subject,
    cert: pem('CERTIFICATE', record + '\n' + keyBytes.slice(0, 48)),
    key: pem('RSA PRIVATE KEY', `mail-lab-rsa\nbits=${bits}\nkey=${serial}\n` + keyBytes),
  };
}
