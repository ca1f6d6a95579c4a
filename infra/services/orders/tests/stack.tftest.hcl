# The stack's own part, its REST API, run on examples/every-declaration/api (an SNS-direct route, a mock, a Cognito
# authorizer), and its refusals; what every service deploys is tested in modules/service-stack.
# Run with: terraform test -var artifacts_dir=<folder with a zip per declared function>
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
  mock_resource "aws_cognito_user_pool" {
    override_during = plan
    defaults        = { arn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_mock", id = "eu-west-1_mock" }
  }
}

variables {
  environment                    = "test"
  account_id                     = "123456789012"
  declarations_dir               = "examples/every-declaration/api"
  event_bus_name                 = "harbor-test-events"
  external_topic_arns            = { payments = "arn:aws:sns:eu-west-1:123456789012:harbor-test-payments" }
  log_retention_in_days          = 7
  api_throttling                 = { burst_limit = 10, rate_limit = 5 }
  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
  secret_environment             = { onPaymentSucceeded = { PROVIDER_TOKEN = "from-secrets-manager" } }
}

run "rest_api" {
  command = plan

  # The REST API: an SNS-direct route, VTL kept, and a user pool created when none is given.
  assert {
    condition     = length(aws_cognito_user_pool.this) == 1 && local.user_pool_arn == "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_mock"
    error_message = "Without an existing pool the stack creates one and authorizes the API with it."
  }

  assert {
    condition     = local.api_function_keys == tolist(["placeOrder"]) && local.api_topic_keys == tolist(["order-status"])
    error_message = "The API's functions and SNS topics are read from its placeholders (comments ignored)."
  }

  assert {
    condition     = jsondecode(module.rest_api[0].body).paths["/status-webhooks"].post["x-amazon-apigateway-integration"].credentials == module.rest_api[0].sns_publish_role_arns["order-status"]
    error_message = "The SNS-direct route assumes the topic's publish role."
  }

  assert {
    condition     = startswith(jsondecode(module.rest_api[0].body).paths["/status-webhooks"].post["x-amazon-apigateway-integration"].requestTemplates["application/json"], "#set($attribute = ")
    error_message = "VTL directives in block scalars are template lines, not comments: they reach API Gateway."
  }
}

run "refuses_dangling_references" {
  command = plan

  variables {
    declarations_dir = "tests/fixtures/broken"
  }

  expect_failures = [terraform_data.declarations]
}

run "refuses_api_files_it_does_not_deploy" {
  command = plan

  variables {
    declarations_dir = "tests/fixtures/undeployed-api"
  }

  expect_failures = [terraform_data.declarations]
}

run "refuses_two_event_sources_with_one_name" {
  command = plan

  variables {
    declarations_dir = "tests/fixtures/shared-name"
  }

  expect_failures = [terraform_data.declarations]
}

run "refuses_to_deploy_a_secret_it_was_not_given" {
  command = plan

  variables {
    secret_environment = {}
  }

  expect_failures = [terraform_data.declarations]
}
