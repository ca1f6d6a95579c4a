data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  arn_prefix     = "arn:${data.aws_partition.current.partition}"
  region         = data.aws_region.current.name
  log_group_name = "/aws/lambda/${var.name}"
  log_group_arn  = "${local.arn_prefix}:logs:${local.region}:${var.account_id}:log-group:${local.log_group_name}"
  function_arn   = "${local.arn_prefix}:lambda:${local.region}:${var.account_id}:function:${var.name}"

  async_failure_queue_name = "${var.name}-async-failures"
  async_failure_queue_arn  = "${local.arn_prefix}:sqs:${local.region}:${var.account_id}:${local.async_failure_queue_name}"

  async_failure_statements = var.async_failure_destination == null ? [] : [{
    sid        = "SendFailedAsyncInvocations"
    actions    = ["sqs:SendMessage"]
    resources  = [local.async_failure_queue_arn]
    conditions = []
  }]
}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
  tags              = var.tags
}

data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "LambdaAssumesRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  description        = "Execution role of ${var.name} (its own, least privilege)."
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  tags               = var.tags
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:*"]
  }

  # X-Ray's trace APIs have no resource-level permissions: see infra/iam-wildcard-exceptions.json.
  statement {
    sid       = "WriteTraces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = concat(var.policy_statements, local.async_failure_statements)

    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources

      dynamic "condition" {
        for_each = statement.value.conditions

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "least-privilege"
  role   = aws_iam_role.this.name
  policy = data.aws_iam_policy_document.this.json
}

resource "aws_lambda_function" "this" {
  function_name                  = var.name
  description                    = var.description
  role                           = aws_iam_role.this.arn
  filename                       = var.zip_path
  source_code_hash               = filebase64sha256(var.zip_path)
  handler                        = var.handler
  runtime                        = var.runtime
  architectures                  = [var.architecture]
  memory_size                    = var.memory_size
  timeout                        = var.timeout
  reserved_concurrent_executions = var.reserved_concurrent_executions

  tracing_config {
    mode = "Active"
  }

  dynamic "environment" {
    # Secret names are not secret: only their values stay out of plan output.
    for_each = length(var.environment_variables) + length(nonsensitive(keys(var.secret_environment_variables))) > 0 ? [1] : []

    content {
      variables = merge(var.environment_variables, var.secret_environment_variables)
    }
  }

  tags = var.tags

  # The log group must exist (with its retention) before the first invocation creates it without one.
  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.this]
}

resource "aws_sqs_queue" "async_failures" {
  count = var.async_failure_destination == null ? 0 : 1

  name                      = local.async_failure_queue_name
  message_retention_seconds = var.async_failure_destination.message_retention_seconds
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_lambda_function_event_invoke_config" "this" {
  count = var.async_failure_destination == null ? 0 : 1

  function_name                = aws_lambda_function.this.function_name
  maximum_retry_attempts       = var.async_failure_destination.maximum_retry_attempts
  maximum_event_age_in_seconds = var.async_failure_destination.maximum_event_age_in_seconds

  destination_config {
    on_failure {
      destination = local.async_failure_queue_arn
    }
  }

  # The queue (ARN built from its name, known at plan time) and the role's permission to send to it come first.
  depends_on = [aws_sqs_queue.async_failures, aws_iam_role_policy.this]
}
