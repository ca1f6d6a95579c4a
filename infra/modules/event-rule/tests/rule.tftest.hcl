# The target keeps the retry policy, has a dead-letter queue only this rule may send to, and may invoke the function.
mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name           = "harbor-test-inventory-reserveStock"
  event_bus_name = "harbor-test-events"
  account_id     = "123456789012"
  function_name  = "harbor-test-inventory-reserveStock"
  function_arn   = "arn:aws:lambda:eu-west-1:123456789012:function:harbor-test-inventory-reserveStock"
  event_pattern  = "{\"source\":[\"harbor.orders\"],\"detail-type\":[\"OrderPlaced\"]}"
}

run "target_with_retries_and_dead_letter_queue" {
  command = plan

  assert {
    condition     = aws_cloudwatch_event_rule.this.event_bus_name == "harbor-test-events" && jsondecode(aws_cloudwatch_event_rule.this.event_pattern) == jsondecode(var.event_pattern)
    error_message = "The rule listens on the custom bus with the given pattern."
  }

  assert {
    condition     = aws_cloudwatch_event_target.this.retry_policy[0].maximum_retry_attempts == 185 && aws_cloudwatch_event_target.this.retry_policy[0].maximum_event_age_in_seconds == 86400
    error_message = "EventBridge's own defaults are kept when no retry policy is given."
  }

  assert {
    condition     = length(aws_cloudwatch_event_target.this.dead_letter_config) == 1 && aws_sqs_queue.dead_letter[0].name == "harbor-test-inventory-reserveStock-dlq"
    error_message = "The target has a dead-letter queue named after the rule."
  }

  assert {
    condition     = jsonencode([for c in data.aws_iam_policy_document.dead_letter[0].statement[0].condition : c.values]) == jsonencode([["arn:aws:events:eu-west-1:123456789012:rule/harbor-test-events/harbor-test-inventory-reserveStock"]])
    error_message = "Only this rule may send to the dead-letter queue."
  }

  assert {
    condition     = aws_lambda_permission.this.source_arn == "arn:aws:events:eu-west-1:123456789012:rule/harbor-test-events/harbor-test-inventory-reserveStock"
    error_message = "EventBridge may invoke the function only from this rule."
  }
}

run "without_dead_letter_queue" {
  command = plan

  variables {
    dead_letter_queue = false
    retry_policy      = { maximum_retry_attempts = 3 }
  }

  assert {
    condition     = length(aws_sqs_queue.dead_letter) == 0 && length(aws_cloudwatch_event_target.this.dead_letter_config) == 0
    error_message = "No queue and no dead-letter config when disabled."
  }

  assert {
    condition     = aws_cloudwatch_event_target.this.retry_policy[0].maximum_retry_attempts == 3
    error_message = "The given retry count is used."
  }
}
