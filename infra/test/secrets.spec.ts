import { eachPlanCase } from './support/plan-cases';

// Every secret a service declares (functions.yaml `secrets`) is created in Secrets Manager by its stack, named as
// the local cloud names it, and without a value: the value is put by an operator, so it is in no file, plan or state.
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/create_secret.html
describe.each(eachPlanCase())('secrets planned in %s', (id, { plan, naming, services, protectedData }) => {
  const declared = services.flatMap((service) =>
    Object.entries(service.secrets).map(([key, secret]) => ({
      name: naming.physical(`${service.name}-${key}`),
      secret,
    })),
  );

  it('creates exactly the declared secrets, with their descriptions', () => {
    if (id.startsWith('envs-'))
      expect(declared.map(({ name }) => name)).toContain(naming.physical('orders-payment-webhook'));
    const planned = plan
      .ofType('aws_secretsmanager_secret')
      .map((resource) => ({ name: resource.values.name, description: resource.values.description }));
    expect(planned.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      declared
        .map(({ name, secret }) => ({ name, description: secret.description }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('puts no value in any of them', () => {
    expect(plan.ofType('aws_secretsmanager_secret_version')).toEqual([]);
  });

  // A deleted secret keeps its name for the recovery window (default 30 days) and a secret of that name cannot be
  // created until it ends (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html):
  // dev is destroyed and applied again, so its secrets are deleted at once; protected environments keep 30 days.
  it(`deletes them ${protectedData ? 'after the 30-day recovery window' : 'without a recovery window, so a destroyed environment applies again'}`, () => {
    const windows = plan.ofType('aws_secretsmanager_secret').map((resource) => resource.values.recovery_window_in_days);
    expect(windows).toEqual(declared.map(() => (protectedData ? 30 : 0)));
  });
});
