# The orders stack deployed from declarations that use every kind the stack supports (api/): an own topic with
# a body-filtered subscription, a subscription to another service's topic, rules on the platform bus with and
# without retry policy and dead-letter queue, a stream consumer that publishes, an SNS-direct route and a mock.
# CI plans it so the plan tests in infra/test cover what orders does not declare yet.
provider "aws" {
  region = var.region
}

variable "region" {
  description = "Region to deploy to."
  type        = string
  default     = "eu-west-1"
}

variable "account_id" {
  description = "Account the ARNs are built for."
  type        = string
  default     = "123456789012"
}

variable "artifacts_dir" {
  description = "Folder holding <functionKey>.zip for every function in api/functions.yaml."
  type        = string
}

variable "cognito_user_pool_arn" {
  description = "Existing user pool the REST API trusts (so the API body is known at plan time)."
  type        = string
  default     = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_example"
}

variable "secret_environment" {
  description = "Secret environment variables by service and function key (in a real environment, from Secrets Manager)."
  type        = map(map(map(string)))
  sensitive   = true
  default     = { orders = { onPaymentSucceeded = { PROVIDER_TOKEN = "example-token-from-secrets-manager" } } }
}

module "platform" {
  source = "../../../platform"

  environment = "example"
  account_id  = var.account_id
}

module "orders" {
  source = "../.."

  environment              = "example"
  account_id               = var.account_id
  artifacts_dir            = var.artifacts_dir
  declarations_dir         = "${path.module}/api"
  event_bus_name           = module.platform.event_bus_name
  external_topic_arns      = { payments = "arn:aws:sns:${var.region}:${var.account_id}:harbor-example-payments" }
  cloudwatch_logs_role_arn = module.platform.api_gateway_cloudwatch_logs_role_arn
  cognito_user_pool_arn    = var.cognito_user_pool_arn
  secret_environment       = lookup(var.secret_environment, "orders", {})

  log_retention_in_days          = 7
  api_throttling                 = { burst_limit = 20, rate_limit = 10 }
  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the stack, by source."
  value       = module.orders.dead_letter_queue_names
}
