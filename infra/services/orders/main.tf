# The orders stack: what every service deploys from apps/orders/api (modules/service-stack), plus its REST API
# (api.tf) built from openapi.yaml.
locals {
  service          = "orders"
  declarations_dir = coalesce(var.declarations_dir, "${path.module}/../../../apps/${local.service}/api")
  openapi_path     = "${local.declarations_dir}/openapi.yaml"
  prefix           = module.service.name_prefix
  tags             = module.service.tags

  openapi_exists = fileexists(local.openapi_path)
  # The document as a YAML parser sees it (comments, which may mention placeholders in prose, are gone), as JSON.
  openapi_text = local.openapi_exists ? jsonencode(yamldecode(file(local.openapi_path))) : ""

  # Placeholders the OpenAPI file uses: which functions API Gateway invokes, which topics it publishes to.
  # `$${` is the template escape for a literal `${`, so a placeholder preceded by `$` is not one.
  api_function_keys = distinct(flatten(regexall("(?:^|[^$])\\$\\{lambda_invoke_arns\\.([A-Za-z0-9_]+)\\}", local.openapi_text)))
  api_topic_keys    = distinct(flatten(regexall("(?:^|[^$])\\$\\{(?:topic_arns|sns_publish_role_arns)\\.([A-Za-z0-9_-]+)\\}", local.openapi_text)))

  # Only deployed when every placeholder resolves; the service module names the others (declaration_errors).
  topic_arns   = merge(var.external_topic_arns, module.service.topic_arns)
  has_rest_api = local.openapi_exists && alltrue([for key in local.api_function_keys : contains(keys(module.service.functions), key)]) && alltrue([for key in local.api_topic_keys : contains(keys(local.topic_arns), key)])
}

module "service" {
  source = "../../modules/service-stack"

  service                   = local.service
  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = var.artifacts_dir
  declarations_dir          = local.declarations_dir
  event_bus_name            = var.event_bus_name
  external_topic_arns       = var.external_topic_arns
  secret_environment        = var.secret_environment
  function_memory_overrides = var.function_memory_overrides

  deployed_api_files = ["openapi.yaml"]
  api_references = concat(
    [for key in local.api_function_keys : { from = "openapi.yaml", function = key }],
    [for key in local.api_topic_keys : { from = "openapi.yaml", topic = key }],
  )
  rest_apis = { for api in module.rest_api : local.service => { api_name = api.name, stage_name = api.stage_name } }

  log_retention_in_days          = var.log_retention_in_days
  point_in_time_recovery_enabled = var.point_in_time_recovery_enabled
  deletion_protection_enabled    = var.deletion_protection_enabled
  api_latency_p99_threshold_ms   = var.api_latency_p99_threshold_ms
  alarm_actions                  = var.alarm_actions
}

# Fails the plan, naming each culprit, rather than deploy part of what apps/orders/api declares.
resource "terraform_data" "declarations" {
  input = local.service

  lifecycle {
    precondition {
      condition     = length(module.service.declaration_errors) == 0
      error_message = "apps/${local.service}/api declares references to things it does not declare:\n${join("\n", module.service.declaration_errors)}"
    }
  }
}
