# Subscriptions keep their filter policy and scope, and each gets a dead-letter queue SNS may send to.
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
  name       = "harbor-test-order-status"
  account_id = "123456789012"
  subscriptions = {
    byAttribute = {
      function_name = "fn-a"
      function_arn  = "arn:aws:lambda:eu-west-1:123456789012:function:fn-a"
      filter_policy = "{\"eventType\":[\"OrderPaid\"]}"
    }
    byBody = {
      function_name       = "fn-b"
      function_arn        = "arn:aws:lambda:eu-west-1:123456789012:function:fn-b"
      filter_policy       = "{\"status\":[\"PAID\"]}"
      filter_policy_scope = "MessageBody"
      dead_letter_queue   = false
    }
    everything = {
      function_name          = "fn-c"
      function_arn           = "arn:aws:lambda:eu-west-1:123456789012:function:fn-c"
      dead_letter_queue_name = "harbor-test-orders-everything-dlq"
    }
  }
}

run "filters_and_dead_letter_queues" {
  command = plan

  assert {
    condition     = aws_sns_topic_subscription.this["byBody"].filter_policy_scope == "MessageBody" && aws_sns_topic_subscription.this["byAttribute"].filter_policy_scope == "MessageAttributes"
    error_message = "The filter policy scope is passed through."
  }

  assert {
    condition     = aws_sns_topic_subscription.this["everything"].filter_policy == null
    error_message = "A subscription without a policy receives everything."
  }

  assert {
    condition     = keys(aws_sqs_queue.dead_letter) == ["byAttribute", "everything"] && aws_sqs_queue.dead_letter["byAttribute"].name == "harbor-test-order-status-byAttribute-dlq"
    error_message = "One dead-letter queue per subscription that wants one, named after topic and subscription."
  }

  assert {
    condition     = aws_sqs_queue.dead_letter["everything"].name == "harbor-test-orders-everything-dlq" && jsondecode(aws_sns_topic_subscription.this["everything"].redrive_policy).deadLetterTargetArn == "arn:aws:sqs:eu-west-1:123456789012:harbor-test-orders-everything-dlq"
    error_message = "A subscription may name its dead-letter queue; the redrive policy points at it."
  }

  assert {
    condition     = aws_sns_topic_subscription.this["byBody"].redrive_policy == null
    error_message = "No redrive policy without a dead-letter queue."
  }

  assert {
    condition     = jsonencode([for c in data.aws_iam_policy_document.dead_letter["byAttribute"].statement[0].condition : c.values]) == jsonencode([["arn:aws:sns:eu-west-1:123456789012:harbor-test-order-status"]])
    error_message = "Only this topic may send to its dead-letter queues."
  }

  assert {
    condition     = aws_lambda_permission.sns["byAttribute"].principal == "sns.amazonaws.com" && aws_lambda_permission.sns["byAttribute"].source_arn == "arn:aws:sns:eu-west-1:123456789012:harbor-test-order-status"
    error_message = "SNS may invoke the function only from this topic."
  }
}

run "subscribes_to_an_existing_topic" {
  command = plan

  variables {
    name          = null
    create_topic  = false
    topic_arn     = "arn:aws:sns:eu-west-1:123456789012:harbor-test-payments"
    subscriptions = { onPaid = { function_name = "fn-a", function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:fn-a" } }
  }

  assert {
    condition     = length(aws_sns_topic.this) == 0 && aws_sns_topic_subscription.this["onPaid"].topic_arn == "arn:aws:sns:eu-west-1:123456789012:harbor-test-payments"
    error_message = "An existing topic is subscribed to, not created."
  }

  assert {
    condition     = aws_sqs_queue.dead_letter["onPaid"].name == "harbor-test-payments-onPaid-dlq"
    error_message = "The dead-letter queue is named after the existing topic."
  }
}

run "refuses_raw_delivery_to_lambda" {
  command = plan

  variables {
    subscriptions = { raw = { function_name = "fn-a", function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:fn-a", raw_message_delivery = true } }
  }

  expect_failures = [var.subscriptions]
}
