locals {
  api_alarm_dimensions = merge(
    { for key, api in var.rest_apis : "rest-${key}" => { dimensions = { ApiName = api.api_name, Stage = api.stage_name }, errors_metric = "5XXError" } },
    { for key, api_id in var.http_apis : "http-${key}" => { dimensions = { ApiId = api_id, Stage = "$default" }, errors_metric = "5xx" } },
  )
  # 0.01 * 100 is 1.0000000000000002 in binary floating point: round to two decimals, then drop trailing zeros.
  api_5xx_rate_percent = replace(format("%.2f", var.api_5xx_rate_threshold * 100), "/\\.?0+$/", "")
}

# 5XXError/5xx is 0 or 1 per request, so its Average over a period is the 5xx rate.
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  for_each = local.api_alarm_dimensions

  alarm_name          = "${var.name}-${each.key}-5xx-rate"
  alarm_description   = "More than ${local.api_5xx_rate_percent} % of requests answered 5xx."
  namespace           = "AWS/ApiGateway"
  metric_name         = each.value.errors_metric
  dimensions          = each.value.dimensions
  statistic           = "Average"
  period              = var.period_seconds
  evaluation_periods  = var.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_5xx_rate_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "api_latency_p99" {
  for_each = local.api_alarm_dimensions

  alarm_name          = "${var.name}-${each.key}-latency-p99"
  alarm_description   = "p99 latency above ${var.api_latency_p99_threshold_ms} ms."
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  dimensions          = each.value.dimensions
  extended_statistic  = "p99"
  period              = var.period_seconds
  evaluation_periods  = var.evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_latency_p99_threshold_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "lambda_errors" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-errors"
  alarm_description   = "${each.value} failed at least ${var.lambda_errors_threshold} time(s)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = var.evaluation_periods
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.lambda_errors_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "lambda_throttles" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-throttles"
  alarm_description   = "${each.value} was throttled at least ${var.lambda_throttles_threshold} time(s)."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = var.evaluation_periods
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.lambda_throttles_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

# A message in a dead-letter queue is a lost event until someone redrives it: alarm on the first one.
resource "aws_cloudwatch_metric_alarm" "dead_letter_queue_not_empty" {
  for_each = var.dead_letter_queues

  alarm_name          = "${each.value}-not-empty"
  alarm_description   = "${each.value} holds messages that could not be delivered or processed."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}
