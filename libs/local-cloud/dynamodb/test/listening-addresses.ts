import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The local addresses that sockets listening on TCP `port` are bound to, as the kernel reports them: on Linux from
 * /proc/net/tcp and tcp6 (IPv4 as 127.0.0.1, IPv6 as ::ffff:127.0.0.1 or ::), elsewhere from `lsof`. Reading
 * the bind itself proves what another host could reach without sending it a packet.
 */
export function listeningAddresses(port: number): string[] {
  return process.platform === 'linux' ? fromProcNet(port) : fromLsof(port);
}

const LISTEN = '0A';

function fromProcNet(port: number): string[] {
  const addresses: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [hexAddress, hexPort] = local.split(':');
      if (parseInt(hexPort ?? '', 16) === port) addresses.push(decodeAddress(hexAddress ?? ''));
    }
  }
  return addresses;
}

/** /proc/net's addresses are 32-bit words in host order (little-endian here), each written as 8 hex digits. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) => (word.match(/../g) ?? []).reverse().map((byte) => parseInt(byte, 16)));
  if (bytes.length === 4) return bytes.join('.');
  const mappedV4 = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mappedV4) return `::ffff:${bytes.slice(12).join('.')}`;
  if (bytes.every((b) => b === 0)) return '::';
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}

function fromLsof(port: number): string[] {
  const out = execFileSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fn'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.startsWith('n'))
    .map((line) =>
      line
        .slice(1)
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .replace(/^\*$/, '::'),
    );
}
