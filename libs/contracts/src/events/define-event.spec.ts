import * as z from 'zod';
import { defineEvent } from './define-event';

const SampleHappened = defineEvent('SampleHappened', 2, z.object({ id: z.string() }));
const envelope = {
  eventId: '3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e',
  eventType: 'SampleHappened',
  version: 2,
  occurredAt: '2025-03-01T10:00:00.000Z',
  correlationId: 'req-1',
  causationId: 'req-1',
  payload: { id: 'a' },
};

describe('defineEvent', () => {
  it('keeps name, version and payload schema', () => {
    expect(SampleHappened.name).toBe('SampleHappened');
    expect(SampleHappened.version).toBe(2);
    expect(SampleHappened.payloadSchema.parse({ id: 'x' })).toEqual({ id: 'x' });
  });

  it('accepts a complete envelope', () => {
    expect(SampleHappened.envelopeSchema.parse(envelope)).toEqual(envelope);
  });

  it.each([
    ['eventId', { eventId: 'not-a-uuid' }],
    ['eventType', { eventType: 'OtherHappened' }],
    ['version', { version: 1 }],
    ['occurredAt', { occurredAt: 'yesterday' }],
    ['correlationId', { correlationId: '' }],
    ['causationId', { causationId: undefined }],
    ['payload', { payload: { id: 1 } }],
  ])('rejects a bad %s, naming it in the issue path', (field, change) => {
    const result = SampleHappened.envelopeSchema.safeParse({ ...envelope, ...change });
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it.each([
    ['sampleHappened', 1],
    ['SampleHappened', 0],
    ['SampleHappened', 1.5],
  ])('refuses to define %s v%p', (name, version) => {
    expect(() => defineEvent(name, version, z.object({}))).toThrow(name);
  });
});
