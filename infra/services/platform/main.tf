# What every service shares in one environment: the custom event bus (logical name `events`), the topic every
# alarm notifies, and the account-level setting that lets API Gateway write logs.
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  prefix              = "harbor-${var.environment}"
  arn_prefix          = "arn:${data.aws_partition.current.partition}"
  region              = data.aws_region.current.name
  event_bus_name      = "${local.prefix}-events"
  alarm_topic_name    = "${local.prefix}-alarms"
  logs_role_name      = "${local.prefix}-api-gateway-logs"
  log_group_arn_start = "${local.arn_prefix}:logs:${local.region}:${var.account_id}:log-group"
}

resource "aws_cloudwatch_event_bus" "this" {
  name = local.event_bus_name
}

# An alarm with no action changes a console colour and tells nobody
# (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html): every alarm of
# the environment notifies this topic, which the team subscribes to (email, chat, paging; infra/README.md).
# Unencrypted on purpose: CloudWatch cannot publish to a topic encrypted with the AWS managed key, and alarm
# notifications carry no data beyond the alarm.
resource "aws_sns_topic" "alarms" {
  name = local.alarm_topic_name
}

data "aws_iam_policy_document" "api_gateway_assume_role" {
  statement {
    sid     = "ApiGatewayAssumesRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

# Scoped to API Gateway's own log groups instead of the managed AmazonAPIGatewayPushToCloudWatchLogs ("*").
data "aws_iam_policy_document" "api_gateway_logs" {
  statement {
    sid     = "WriteApiGatewayLogs"
    actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = [
      "${local.log_group_arn_start}:API-Gateway-Execution-Logs_*",
      "${local.log_group_arn_start}:/aws/apigateway/${local.prefix}-*",
    ]
  }

  statement {
    sid       = "FindLogGroups"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["${local.log_group_arn_start}:*"]
  }
}

resource "aws_iam_role" "api_gateway_logs" {
  name               = local.logs_role_name
  description        = "Lets API Gateway write execution and access logs of the ${var.environment} APIs."
  assume_role_policy = data.aws_iam_policy_document.api_gateway_assume_role.json
}

resource "aws_iam_role_policy" "api_gateway_logs" {
  name   = "write-logs"
  role   = aws_iam_role.api_gateway_logs.name
  policy = data.aws_iam_policy_document.api_gateway_logs.json
}

# Account-wide (one per region): if several environments share an account, only one of them should own it.
resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = aws_iam_role.api_gateway_logs.arn

  depends_on = [aws_iam_role_policy.api_gateway_logs]
}
