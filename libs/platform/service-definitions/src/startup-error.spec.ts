import { StartupError } from './startup-error';

class BadRoute extends StartupError {}

describe('StartupError', () => {
  it('carries the file, line and feature, and names the subclass', () => {
    const error = new BadRoute('unsupported', {
      file: 'apps/orders/api/openapi.yaml',
      line: 12,
      feature: 'x-amazon-apigateway-any-method',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BadRoute');
    expect(error.place).toBe('apps/orders/api/openapi.yaml:12 (x-amazon-apigateway-any-method)');
  });

  it('says only what it knows of the place', () => {
    expect(new StartupError('x', { file: 'a.yaml' }).place).toBe('a.yaml');
    expect(new StartupError('x', { feature: 'ports' }).place).toBe('ports');
    expect(new StartupError('x').place).toBe('');
  });
});
