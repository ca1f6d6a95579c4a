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

# Scoped to API Gateway's own log groups instead of the managed AmazonAPIGatewayPushToCloudWatchLogs ("*"). The
# role is the account's (one per region, every REST and WebSocket API writes its logs with it), so it may write the
# access logs of every environment sharing the account, not only this one's.
data "aws_iam_policy_document" "api_gateway_logs" {
  statement {
    sid     = "WriteApiGatewayLogs"
    actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = [
      "${local.log_group_arn_start}:API-Gateway-Execution-Logs_*",
      "${local.log_group_arn_start}:/aws/apigateway/*",
    ]
  }

  statement {
    sid       = "FindLogGroups"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["${local.log_group_arn_start}:*"]
  }
}

resource "aws_iam_role" "api_gateway_logs" {
  count = var.manage_api_gateway_account ? 1 : 0

  name               = local.logs_role_name
  description        = "Lets API Gateway write execution and access logs of the ${var.environment} APIs."
  assume_role_policy = data.aws_iam_policy_document.api_gateway_assume_role.json
}

resource "aws_iam_role_policy" "api_gateway_logs" {
  count = var.manage_api_gateway_account ? 1 : 0

  name   = "write-logs"
  role   = aws_iam_role.api_gateway_logs[0].name
  policy = data.aws_iam_policy_document.api_gateway_logs.json
}

# Account-wide, one per region (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html):
# when environments share an account, exactly one owns it and the others pass manage_api_gateway_account = false,
# or each apply would point the account at its own role and a destroy would take the others' logging with it.
resource "aws_api_gateway_account" "this" {
  count = var.manage_api_gateway_account ? 1 : 0

  cloudwatch_role_arn = aws_iam_role.api_gateway_logs[0].arn

  depends_on = [aws_iam_role_policy.api_gateway_logs]
}

# Deployed before the setting could be left to another environment.
moved {
  from = aws_iam_role.api_gateway_logs
  to   = aws_iam_role.api_gateway_logs[0]
}

moved {
  from = aws_iam_role_policy.api_gateway_logs
  to   = aws_iam_role_policy.api_gateway_logs[0]
}

moved {
  from = aws_api_gateway_account.this
  to   = aws_api_gateway_account.this[0]
}
