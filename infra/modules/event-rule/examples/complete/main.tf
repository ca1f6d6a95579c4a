# A rule on a custom bus sending OrderPlaced events to a function, with retries and a dead-letter queue.
provider "aws" {
  region = "eu-west-1"
}

variable "account_id" {
  description = "Account the ARNs are built for."
  type        = string
  default     = "123456789012"
}

resource "aws_cloudwatch_event_bus" "example" {
  name = "example-events"
}

module "event_rule" {
  source = "../.."

  name           = "example-reserve-stock"
  event_bus_name = aws_cloudwatch_event_bus.example.name
  account_id     = var.account_id
  function_name  = "example-reserve-stock"
  function_arn   = "arn:aws:lambda:eu-west-1:${var.account_id}:function:example-reserve-stock"
  event_pattern  = jsonencode({ source = ["harbor.orders"], detail-type = ["OrderPlaced"] })
  retry_policy   = { maximum_retry_attempts = 10, maximum_event_age_in_seconds = 3600 }
}

output "dead_letter_queue_name" {
  description = "Queue receiving events that could not be delivered."
  value       = module.event_rule.dead_letter_queue_name
}
