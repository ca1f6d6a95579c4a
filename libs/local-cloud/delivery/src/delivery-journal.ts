import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  private constructor(private readonly path: string) {}

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
    appendFileSync(this.path, `${JSON.stringify({ op: 'accepted', id, request })}\n`);
  }

  settled(id: string): void {
    appendFileSync(this.path, `${JSON.stringify({ op: 'settled', id })}\n`);
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
