# A function reading one DynamoDB table, with its async failures sent to a queue.
# Plan it with any zip: terraform plan -var zip_path=path/to/function.zip
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

variable "zip_path" {
  description = "Deployment package containing index.js that exports `handler`."
  type        = string
}

module "lambda_function" {
  source = "../.."

  name                  = "example-read-orders"
  description           = "Reads orders"
  zip_path              = var.zip_path
  memory_size           = 512
  timeout               = 5
  log_retention_in_days = 7
  account_id            = var.account_id
  environment_variables = { ORDERS_TABLE_NAME = "example-orders" }

  policy_statements = [{
    sid       = "ReadOrders"
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = ["arn:aws:dynamodb:${var.region}:${var.account_id}:table/example-orders"]
  }]

  async_failure_destination = { maximum_retry_attempts = 1 }
}

output "function_arn" {
  description = "ARN of the example function."
  value       = module.lambda_function.function_arn
}

output "async_failure_queue_name" {
  description = "Queue receiving failed asynchronous invocations."
  value       = module.lambda_function.async_failure_queue_name
}
