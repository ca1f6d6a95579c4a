# The execution role holds only the statements passed in, plus its own logs and traces.
# Run with: terraform test -var zip_path=<any file>
mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  # A mocked document keeps its statements (configuration) but not the computed JSON: give roles a valid one.
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name       = "harbor-test-orders-getOrder"
  account_id = "123456789012"
  policy_statements = [{
    sid       = "OrdersTable"
    actions   = ["dynamodb:GetItem"]
    resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/harbor-test-orders"]
  }]
}

run "grants_only_the_passed_statements_and_own_logs" {
  command = plan

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.sid] == ["WriteOwnLogs", "WriteTraces", "OrdersTable"]
    error_message = "The role must hold exactly logs, traces and the passed statements."
  }

  assert {
    condition     = data.aws_iam_policy_document.this.statement[0].resources == toset(["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/harbor-test-orders-getOrder:*"])
    error_message = "Log permissions must be scoped to the function's own log group."
  }

  assert {
    condition     = aws_lambda_function.this.tracing_config[0].mode == "Active" && aws_lambda_function.this.architectures == tolist(["arm64"])
    error_message = "Functions run on arm64 with active X-Ray tracing."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.name == "/aws/lambda/harbor-test-orders-getOrder" && aws_cloudwatch_log_group.this.retention_in_days == 14
    error_message = "The log group is created explicitly, with retention."
  }

  assert {
    condition     = length(aws_lambda_function.this.environment) == 0 && length(aws_sqs_queue.async_failures) == 0
    error_message = "No environment block and no failure queue unless asked for."
  }
}

run "async_failures_get_a_queue_the_role_may_send_to" {
  command = plan

  variables {
    async_failure_destination = { maximum_retry_attempts = 1 }
    environment_variables     = { ORDERS_TABLE_NAME = "harbor-test-orders" }
  }

  assert {
    condition     = aws_sqs_queue.async_failures[0].name == "harbor-test-orders-getOrder-async-failures"
    error_message = "The failure queue is named after the function."
  }

  assert {
    condition     = aws_lambda_function_event_invoke_config.this[0].maximum_retry_attempts == 1
    error_message = "The retry count is passed to the invoke config."
  }

  assert {
    condition = contains(
      [for s in data.aws_iam_policy_document.this.statement : s.sid if s.actions == toset(["sqs:SendMessage"])],
      "SendFailedAsyncInvocations"
    )
    error_message = "The role may send to its failure queue."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["ORDERS_TABLE_NAME"] == "harbor-test-orders"
    error_message = "Environment variables reach the function."
  }
}

run "refuses_wildcard_statements" {
  command = plan

  variables {
    policy_statements = [{ sid = "Everything", actions = ["dynamodb:*"], resources = ["*"] }]
  }

  expect_failures = [var.policy_statements]
}
