# A REST API from an OpenAPI file: a Lambda proxy route behind Cognito, a webhook published straight to SNS
# behind an API key and a usage plan, and a mock health check.
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

variable "cognito_user_pool_arn" {
  description = "User pool whose tokens the API accepts."
  type        = string
  default     = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_example"
}

locals {
  get_item_function_arn = "arn:aws:lambda:${var.region}:${var.account_id}:function:example-get-item"
}

resource "aws_sns_topic" "payments" {
  name = "example-payments"
}

module "rest_api" {
  source = "../.."

  name         = "example-webhooks"
  openapi_path = "${path.module}/openapi.yaml"
  account_id   = var.account_id
  template_variables = {
    cognito_user_pool_arn = var.cognito_user_pool_arn
    lambda_invoke_arns = {
      getItem = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${local.get_item_function_arn}/invocations"
    }
  }
  sns_publish_topic_arns = { payments = "arn:aws:sns:${var.region}:${var.account_id}:example-payments" }
  lambda_function_names  = { getItem = "example-get-item" }

  stage_name             = "v1"
  stage_variables        = { environment = "example" }
  throttling_burst_limit = 20
  throttling_rate_limit  = 10

  usage_plans = {
    partners = {
      quota    = { limit = 10000, period = "DAY" }
      throttle = { burst_limit = 5, rate_limit = 2 }
      api_keys = ["payment-provider"]
    }
  }

  depends_on = [aws_sns_topic.payments]
}

output "invoke_url" {
  description = "Base URL of the stage."
  value       = module.rest_api.invoke_url
}

output "sns_publish_role_arns" {
  description = "Role API Gateway assumes to publish each topic."
  value       = module.rest_api.sns_publish_role_arns
}
