import { JsonText, PAYLOAD_PART_CAP_BYTES, bodyPart, redactJson } from './hop-payload';
import { TraceRecorder } from './trace-recorder';

const invoke = { correlationId: 'c', kind: 'invoke', name: 'orders.placeOrder', durationMs: 1, status: 'ok' } as const;

describe('hop payloads', () => {
  it('keeps each part with the hop it was recorded with, and leaves it out of windows and listeners', () => {
    const recorder = new TraceRecorder();
    const heard: string[] = [];
    recorder.subscribe((_hop, json) => heard.push(json));
    const event = { body: '{"sku":"SKU-1"}', pathParameters: null };
    const hop = recorder.record({ ...invoke, payload: { event: new JsonText(JSON.stringify(event)), result: 42 } });
    expect(recorder.hopById(hop.id)?.payload).toEqual({ event, result: 42 });
    expect(recorder.byCorrelationId('c')[0]?.payload).toEqual({ event, result: 42 });
    expect(JSON.parse(recorder.latestJson(1))[0]).not.toHaveProperty('payload');
    expect(recorder.after(0)[0]).not.toHaveProperty('payload');
    expect(JSON.parse(heard[0] ?? '')).toEqual(expect.objectContaining({ id: hop.id, name: 'orders.placeOrder' }));
    expect(heard[0]).not.toContain('payload');
  });

  it('cuts a part longer than the cap to a preview of the cap, saying how long it was', () => {
    const recorder = new TraceRecorder();
    const big = { data: 'é'.repeat(PAYLOAD_PART_CAP_BYTES) };
    const hop = recorder.record({ ...invoke, payload: { event: big, result: 'small' } });
    const kept = recorder.hopById(hop.id)?.payload;
    expect(kept?.['result']).toBe('small');
    const event = kept?.['event'] as { truncated: boolean; bytes: number; preview: string };
    expect(event.truncated).toBe(true);
    expect(event.bytes).toBe(Buffer.byteLength(JSON.stringify(big)));
    expect(Buffer.byteLength(event.preview)).toBeLessThanOrEqual(PAYLOAD_PART_CAP_BYTES);
    expect(event.preview.startsWith('{"data":"éé')).toBe(true);
    expect(event.preview).not.toContain('\uFFFD');
  });

  it('keeps the trace bounded by bytes however large the payloads are', () => {
    const recorder = new TraceRecorder(50_000, 1024 * 1024);
    for (let i = 0; i < 500; i += 1)
      recorder.record({ ...invoke, correlationId: `c${i}`, payload: { event: 'x'.repeat(100_000) } });
    const kept = recorder.recent(1000).length;
    // Each hop is ~16 KiB once cut: a MiB holds about 60, never the 500 recorded.
    expect(kept).toBeGreaterThan(30);
    expect(kept).toBeLessThan(70);
    expect(recorder.byCorrelationId('c499')).toHaveLength(1);
  });

  it('takes a Buffer body longer than the cap without copying it whole', () => {
    const part = bodyPart(Buffer.alloc(10 * 1024 * 1024, 'a'));
    expect(part).toEqual({ truncated: true, bytes: 10 * 1024 * 1024, preview: 'a'.repeat(PAYLOAD_PART_CAP_BYTES) });
    expect(bodyPart(Buffer.from('{"ok":true}'))).toBe('{"ok":true}');
  });

  it('redacts credentials in headers, multi-value headers, cookies, API keys and authorizer tokens', () => {
    const event = {
      headers: { Authorization: 'Bearer eyJ.abc', 'x-api-key': 'k-1', Cookie: 'a=b', accept: 'application/json' },
      multiValueHeaders: { authorization: ['Bearer eyJ.abc'], 'set-cookie': ['s=1', 's=2'] },
      cookies: ['session=s3cr3t'],
      requestContext: { identity: { apiKey: 'k-1', sourceIp: '127.0.0.1' } },
      authorizationToken: 'Bearer eyJ.abc',
      clientSecret: 'hush',
      body: 'plain',
    };
    const redacted = JSON.parse(redactJson(JSON.stringify(event)));
    expect(JSON.stringify(redacted)).not.toMatch(/eyJ|k-1|a=b|s=1|s3cr3t|hush/);
    expect(redacted.headers).toEqual({
      Authorization: '[redacted]',
      'x-api-key': '[redacted]',
      Cookie: '[redacted]',
      accept: 'application/json',
    });
    expect(redacted.multiValueHeaders['set-cookie']).toBe('[redacted]');
    expect(redacted.requestContext.identity).toEqual({ apiKey: '[redacted]', sourceIp: '127.0.0.1' });
    expect(redacted.body).toBe('plain');
  });

  it('redacts what a recorded part carries before it is kept', () => {
    const recorder = new TraceRecorder();
    const hop = recorder.record({ ...invoke, payload: { request: { headers: { authorization: 'Bearer t' } } } });
    expect(recorder.hopById(hop.id)?.payload).toEqual({ request: { headers: { authorization: '[redacted]' } } });
  });
});

describe('a cut payload part', () => {
  it('still redacts a credential that straddles the cap', () => {
    const recorder = new TraceRecorder();
    const token = `Bearer ${'t'.repeat(2000)}`;
    const headers = { pad: 'p'.repeat(PAYLOAD_PART_CAP_BYTES - 1000), authorization: token, more: 'm'.repeat(50_000) };
    const hop = recorder.record({ ...invoke, payload: { event: new JsonText(JSON.stringify({ headers })) } });
    const event = recorder.hopById(hop.id)?.payload?.['event'] as { truncated: boolean; preview: string };
    expect(event.truncated).toBe(true);
    expect(event.preview).toContain('"authorization":"[redacted]"');
    expect(event.preview).not.toContain('Bearer');
  });
});
