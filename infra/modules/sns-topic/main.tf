data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  topic_name        = var.create_topic ? var.name : element(split(":", var.topic_arn), 5)
  sqs_arn_prefix    = "arn:${data.aws_partition.current.partition}:sqs:${data.aws_region.current.name}:${var.account_id}"
  known_topic_arn   = var.create_topic ? "arn:${data.aws_partition.current.partition}:sns:${data.aws_region.current.name}:${var.account_id}:${var.name}" : var.topic_arn
  dead_letter_names = { for key, s in var.subscriptions : key => coalesce(s.dead_letter_queue_name, "${local.topic_name}-${key}-dlq") if s.dead_letter_queue }
}

resource "aws_sns_topic" "this" {
  count = var.create_topic ? 1 : 0

  name              = var.name
  kms_master_key_id = var.kms_master_key_id
  tracing_config    = "Active"
  tags              = var.tags
}

resource "aws_sqs_queue" "dead_letter" {
  for_each = local.dead_letter_names

  name                      = each.value
  message_retention_seconds = var.dead_letter_queue_message_retention_seconds
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

data "aws_iam_policy_document" "dead_letter" {
  for_each = local.dead_letter_names

  statement {
    sid       = "TopicSendsUndeliverable"
    actions   = ["sqs:SendMessage"]
    resources = ["${local.sqs_arn_prefix}:${each.value}"]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.known_topic_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letter" {
  for_each = local.dead_letter_names

  queue_url = aws_sqs_queue.dead_letter[each.key].id
  policy    = data.aws_iam_policy_document.dead_letter[each.key].json
}

resource "aws_sns_topic_subscription" "this" {
  for_each = var.subscriptions

  topic_arn            = local.known_topic_arn
  protocol             = "lambda"
  endpoint             = each.value.function_arn
  filter_policy        = each.value.filter_policy
  filter_policy_scope  = each.value.filter_policy == null ? null : each.value.filter_policy_scope
  raw_message_delivery = each.value.raw_message_delivery
  # The queue's ARN is built from its name so the redrive policy is known at plan time; depends_on orders it.
  redrive_policy = each.value.dead_letter_queue ? jsonencode({ deadLetterTargetArn = "${local.sqs_arn_prefix}:${local.dead_letter_names[each.key]}" }) : null

  # ARNs are built from names (known at plan time): order after the topic, queues and permissions explicitly.
  depends_on = [aws_sns_topic.this, aws_sqs_queue_policy.dead_letter, aws_lambda_permission.sns]
}

resource "aws_lambda_permission" "sns" {
  for_each = var.subscriptions

  statement_id  = "AllowSns-${local.topic_name}-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = each.value.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = local.known_topic_arn
}
