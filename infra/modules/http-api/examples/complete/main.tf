# An HTTP API whose routes need a Cognito-issued JWT, except a public one.
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

resource "aws_cognito_user_pool_client" "example" {
  name         = "example-web"
  user_pool_id = aws_cognito_user_pool.example.id
}

locals {
  functions = {
    for key, name in { listStock = "example-list-stock", getStock = "example-get-stock" } : key => {
      function_name              = name
      invoke_arn                 = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:${name}/invocations"
    }
  }
}

module "http_api" {
  source = "../.."

  name      = "example-stock"
  functions = local.functions
  routes = {
    "GET /stock"       = { function = "listStock", authorization = "NONE" }
    "GET /stock/{sku}" = { function = "getStock", authorization_scopes = [] }
  }
  jwt_authorizer = {
    issuer   = "https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.example.id}"
    audience = [aws_cognito_user_pool_client.example.id]
  }
  cors = { allow_origins = ["https://example.com"] }
}

output "api_endpoint" {
  description = "Base URL of the example API."
  value       = module.http_api.api_endpoint
}
