/** Physical AWS name of a platform resource: `harbor-<env>-<logical name>` (`harbor-dev-orders`). */
export function physicalName(env: string, logicalName: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(env))
    throw new Error(`Invalid environment name "${env}": expected lower-case letters and digits`);
  if (logicalName.length === 0) throw new Error('A logical name is required');
  return `harbor-${env}-${logicalName}`;
}

/** Id of a function across the platform: `<service>.<functionKey>` (`orders.placeOrder`). */
export function functionId(service: string, functionKey: string): string {
  return `${service}.${functionKey}`;
}

/** A service's secret in Secrets Manager: harbor-<env>-<service>-<key>, as Terraform names it. */
export function secretName(env: string, service: string, key: string): string {
  return physicalName(env, `${service}-${key}`);
}

/** A service's EventBridge Scheduler group: harbor-<env>-<service>-<key>, as Terraform names it. */
export function scheduleGroupName(env: string, service: string, key: string): string {
  return physicalName(env, `${service}-${key}`);
}
