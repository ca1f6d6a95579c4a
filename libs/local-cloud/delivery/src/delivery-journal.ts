import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeliveryRequest } from './delivery-request';

/** A delivery accepted but not yet settled when the journal was opened: to be attempted again. */
export interface JournaledDelivery {
  readonly id: string;
  readonly request: DeliveryRequest;
}

type Entry = { readonly op: 'accepted'; readonly id: string; readonly request: DeliveryRequest } | { readonly op: 'settled'; readonly id: string };

/**
 * SNS and EventBridge keep a message they accepted until it is delivered or dead-lettered, whatever happens to
 * their hosts. The local cloud keeps that promise across a kill with this append-only file beside DynamoDB Local's:
 * one line when a delivery is accepted, one when it settles. Opening it answers what was accepted and never settled,
 * and rewrites the file with only those.
 */
export class DeliveryJournal {
  // One descriptor for the run: a line reaches the kernel (and so survives a kill of this process) when writeSync
  // returns, without the open and close appendFileSync pays on every delivery.
  private fd: number | undefined;

  private constructor(path: string) {
    this.fd = openSync(path, 'a');
  }

  static open(path: string): { journal: DeliveryJournal; unsettled: JournaledDelivery[] } {
    mkdirSync(dirname(path), { recursive: true });
    const accepted = new Map<string, DeliveryRequest>();
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = '';
    }
    for (const line of text.split('\n')) {
      const entry = parse(line);
      if (entry?.op === 'accepted') accepted.set(entry.id, entry.request);
      else if (entry?.op === 'settled') accepted.delete(entry.id);
    }
    const unsettled = [...accepted].map(([id, request]) => ({ id, request }));
    writeFileSync(path, unsettled.map(({ id, request }) => `${JSON.stringify({ op: 'accepted', id, request })}\n`).join(''));
    return { journal: new DeliveryJournal(path), unsettled };
  }

  accepted(id: string, request: DeliveryRequest): void {
    this.append({ op: 'accepted', id, request });
  }

  settled(id: string): void {
    this.append({ op: 'settled', id });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private append(entry: Entry): void {
    if (this.fd !== undefined) writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }
}

/** One line; a line torn by a kill in the middle of a write is skipped. */
function parse(line: string): Entry | undefined {
  if (line.trim() === '') return undefined;
  try {
    return JSON.parse(line) as Entry;
  } catch {
    return undefined;
  }
}
