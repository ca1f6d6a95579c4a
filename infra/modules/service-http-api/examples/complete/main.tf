# A service's http-api.yaml deployed with the resource server and app client its example/admin scope needs, in a
# user pool created in the same apply (its id unknown at plan time, as on a fresh account).
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

resource "aws_cognito_user_pool" "example" {
  name = "example-customers"
}

module "http" {
  source = "../.."

  service       = "example"
  name_prefix   = "harbor-example"
  http_api_path = "${path.module}/http-api.yaml"
  functions = {
    getItem = {
      function_name = "harbor-example-example-getItem"
      invoke_arn    = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:harbor-example-example-getItem/invocations"
    }
  }
  cognito_user_pool_id  = aws_cognito_user_pool.example.id
  has_cognito_user_pool = true
  region                = var.region
  account_id            = var.account_id

  throttling_burst_limit = 20
  throttling_rate_limit  = 10
  log_retention_in_days  = 7
}

output "api_endpoint" {
  description = "Base URL of the example API."
  value       = module.http.api_endpoint
}

output "oauth_scopes" {
  description = "The scopes the app client is granted."
  value       = module.http.oauth_scopes
}
