import type { Tree } from '@nx/devkit';
import { ServiceGeneratorError } from './service-generator.error';

// Additive edits of the files every service is listed in. Each refuses, naming the file, when the file no longer
// looks as expected, rather than guess.

function edit(tree: Tree, path: string, change: (text: string) => string): void {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new ServiceGeneratorError(`${path} is missing`);
  tree.write(path, change(text));
}

/** libs/contracts barrel: the service's HTTP payload schemas. */
export function exportFromContracts(
  tree: Tree,
  service: { name: string; className: string; constantName: string },
): void {
  edit(
    tree,
    'libs/contracts/src/index.ts',
    (text) =>
      `${text.trimEnd()}\n\n// ${service.name} HTTP payloads\nexport { ${service.className}ItemIdParams, ${service.constantName}_ITEM_ID_PATTERN } from './${service.name}/http/item-id.params';\n`,
  );
}

/** eslint.config.mjs `services`: the scopes module boundaries keep apart. */
export function addServiceToEslint(tree: Tree, name: string): void {
  edit(tree, 'eslint.config.mjs', (text) => {
    const list = /const services = \[([^\]]*)\];/.exec(text);
    if (!list)
      throw new ServiceGeneratorError('eslint.config.mjs has no `const services = [...]` list to add the service to');
    const services = [...list[1].matchAll(/'([^']+)'/g)].map((match) => match[1]);
    return text.replace(list[0], `const services = [${[...services, name].map((s) => `'${s}'`).join(', ')}];`);
  });
}

/** infra/system/main.tf: the stack, in every environment, trusting the user pool the orders stack holds. */
export function addServiceToSystem(tree: Tree, name: string): void {
  const path = 'infra/system/main.tf';
  const block = `
module "${name.replace(/-/g, '_')}" {
  source = "../services/${name}"

  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = "\${var.artifacts_dir}/${name}"
  event_bus_name            = module.platform.event_bus_name
  cloudwatch_logs_role_arn  = module.platform.api_gateway_cloudwatch_logs_role_arn
  secret_environment        = lookup(var.secret_environment, "${name}", {})
  function_memory_overrides = lookup(var.function_memory_overrides, "${name}", {})
  # One user pool per environment: the one orders trusts (var.cognito_user_pool_arn, or the one orders creates).
  cognito_user_pool_id = module.orders.cognito_user_pool_id
  # Orders always has one (passed or created): decided here so the plan never waits on the created pool's id.
  cognito_user_pool_exists = true

  log_retention_in_days        = var.log_retention_in_days
  api_throttling               = var.api_throttling
  api_logging_level            = var.rest_api_logging_level
  api_latency_p99_threshold_ms = var.api_latency_p99_threshold_ms

  point_in_time_recovery_enabled = var.data_protection_enabled
  deletion_protection_enabled    = var.data_protection_enabled
  alarm_actions                  = local.alarm_actions
}
`;
  edit(tree, path, (text) => {
    if (!/module "platform"/.test(text) || !/module "orders"/.test(text)) {
      throw new ServiceGeneratorError(
        `${path} has no platform or orders module: the new stack needs their bus, logs role and user pool`,
      );
    }
    return `${text.trimEnd()}\n${block}`;
  });
}
