# A topic with two Lambda subscriptions: one filtering on a message attribute, one on the message body.
# The subscribed functions are referenced by name (deploy them with the lambda-function module).
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

locals {
  function_arn_prefix = "arn:aws:lambda:${var.region}:${var.account_id}:function"
}

module "sns_topic" {
  source = "../.."

  name       = "example-order-status"
  account_id = var.account_id

  subscriptions = {
    notifyCustomer = {
      function_name = "example-notify-customer"
      function_arn  = "${local.function_arn_prefix}:example-notify-customer"
      filter_policy = jsonencode({ eventType = ["OrderStatusChanged"] })
    }
    auditLargeOrders = {
      function_name       = "example-audit"
      function_arn        = "${local.function_arn_prefix}:example-audit"
      filter_policy_scope = "MessageBody"
      filter_policy       = jsonencode({ payload = { total = { amountMinor = [{ numeric = [">=", 100000] }] } } })
    }
  }
}

output "topic_arn" {
  description = "ARN of the example topic."
  value       = module.sns_topic.topic_arn
}

output "dead_letter_queue_names" {
  description = "One dead-letter queue per subscription."
  value       = module.sns_topic.dead_letter_queue_names
}
