data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  known_rule_arn        = "arn:${data.aws_partition.current.partition}:events:${data.aws_region.current.name}:${var.account_id}:rule/${var.event_bus_name}/${var.name}"
  dead_letter_queue_arn = "arn:${data.aws_partition.current.partition}:sqs:${data.aws_region.current.name}:${var.account_id}:${var.name}-dlq"
}

resource "aws_cloudwatch_event_rule" "this" {
  name           = var.name
  description    = var.description
  event_bus_name = var.event_bus_name
  event_pattern  = var.event_pattern
  tags           = var.tags
}

resource "aws_sqs_queue" "dead_letter" {
  count = var.dead_letter_queue ? 1 : 0

  name                      = "${var.name}-dlq"
  message_retention_seconds = var.dead_letter_queue_message_retention_seconds
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

data "aws_iam_policy_document" "dead_letter" {
  count = var.dead_letter_queue ? 1 : 0

  statement {
    sid       = "RuleSendsUndeliverable"
    actions   = ["sqs:SendMessage"]
    resources = [local.dead_letter_queue_arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.known_rule_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letter" {
  count = var.dead_letter_queue ? 1 : 0

  queue_url = aws_sqs_queue.dead_letter[0].id
  policy    = data.aws_iam_policy_document.dead_letter[0].json
}

resource "aws_lambda_permission" "this" {
  statement_id  = "AllowEventBridge-${var.name}"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "events.amazonaws.com"
  source_arn    = local.known_rule_arn
}

resource "aws_cloudwatch_event_target" "this" {
  rule           = aws_cloudwatch_event_rule.this.name
  event_bus_name = var.event_bus_name
  target_id      = "function"
  arn            = var.function_arn

  retry_policy {
    maximum_retry_attempts       = var.retry_policy.maximum_retry_attempts
    maximum_event_age_in_seconds = var.retry_policy.maximum_event_age_in_seconds
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_queue ? [1] : []

    content {
      # Built from the name (known at plan time); depends_on below orders it after the queue and its policy.
      arn = local.dead_letter_queue_arn
    }
  }

  depends_on = [aws_lambda_permission.this, aws_sqs_queue.dead_letter, aws_sqs_queue_policy.dead_letter]
}
