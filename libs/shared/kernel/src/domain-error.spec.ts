import { DomainError } from './domain-error';

class SampleNotFound extends DomainError {
  readonly code = 'SAMPLE.NOT_FOUND';
  readonly kind = 'not-found' as const;
}

describe('DomainError', () => {
  it('names itself after the concrete class and keeps its cause', () => {
    const cause = new Error('db');
    const error = new SampleNotFound('sample 1 not found', { sampleId: '1' }, { cause });
    expect(error.name).toBe('SampleNotFound');
    expect(error.code).toBe('SAMPLE.NOT_FOUND');
    expect(error.details).toEqual({ sampleId: '1' });
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });
});
