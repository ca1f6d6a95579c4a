# The account's API Gateway CloudWatch Logs role is one setting per account and region
# (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html): one environment owns it, the
# others sharing the account leave it alone, and the role it sets lets every environment's APIs write their logs.
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
  environment = "dev"
  account_id  = "123456789012"
}

run "owns_the_account_setting_by_default" {
  command = plan

  assert {
    condition     = length(aws_api_gateway_account.this) == 1 && length(aws_iam_role.api_gateway_logs) == 1
    error_message = "By default the environment sets the account's CloudWatch Logs role, and creates it."
  }

  assert {
    condition     = contains(data.aws_iam_policy_document.api_gateway_logs.statement[0].resources, "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/*")
    error_message = "The account's role writes the access logs of every environment sharing the account, not only its own."
  }
}

run "leaves_the_setting_to_the_environment_that_owns_it" {
  command = plan

  variables {
    environment                = "prod"
    manage_api_gateway_account = false
  }

  assert {
    condition     = length(aws_api_gateway_account.this) == 0 && length(aws_iam_role.api_gateway_logs) == 0 && length(aws_iam_role_policy.api_gateway_logs) == 0
    error_message = "An environment that does not own the setting neither sets it nor creates a role for it."
  }

  assert {
    condition     = output.api_gateway_cloudwatch_logs_role_arn == null
    error_message = "The stages then have no role to wait for."
  }
}
