# The HTTP API of http-api.yaml, with the Cognito resource servers and app client its scopes need
# (modules/service-http-api); its declaration errors fail the plan in checks.tf.
module "http" {
  source = "../../modules/service-http-api"

  service               = local.service
  name_prefix           = local.prefix
  http_api_path         = local.http_api_path
  functions             = { for key, function in module.service.functions : key => { function_name = function.function_name, invoke_arn = function.invoke_arn } }
  cognito_user_pool_id  = var.cognito_user_pool_id
  has_cognito_user_pool = local.has_cognito_user_pool
  region                = local.region
  account_id            = var.account_id

  throttling_burst_limit = var.api_throttling.burst_limit
  throttling_rate_limit  = var.api_throttling.rate_limit
  log_retention_in_days  = var.log_retention_in_days
  tags                   = local.tags
}
