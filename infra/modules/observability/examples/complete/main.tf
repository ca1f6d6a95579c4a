# Alarms and a dashboard for one service: a REST API, two functions and a dead-letter queue.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_sns_topic" "on_call" {
  name = "example-on-call"
}

module "observability" {
  source = "../.."

  name               = "example-orders"
  functions          = { placeOrder = "example-orders-placeOrder", getOrder = "example-orders-getOrder" }
  dead_letter_queues = { relay = "example-orders-relay-dlq" }
  rest_apis          = { orders = { api_name = "example-orders", stage_name = "v1" } }
  alarm_actions      = [aws_sns_topic.on_call.arn]
}

output "alarm_names" {
  description = "Alarms by kind."
  value       = module.observability.alarm_names
}
