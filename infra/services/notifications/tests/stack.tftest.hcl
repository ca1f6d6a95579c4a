# The stack deploys websocket.yaml with the websocket-api module, gives the functions that declare `connections` the
# @connections of that API (and nothing else), fills the issuer placeholders from the user pool, and refuses a
# websocket.yaml naming undeclared functions. The environments' plans (infra/test) cover apps/notifications/api.
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
}

# The API id AWS would assign.
override_resource {
  target          = module.websocket_api[0].aws_apigatewayv2_api.this
  override_during = plan
  values          = { id = "ws1234", execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:ws1234" }
}

variables {
  environment                    = "test"
  account_id                     = "123456789012"
  declarations_dir               = "tests/fixtures/pushing"
  event_bus_name                 = "harbor-test-events"
  external_topic_arns            = { order-status = "arn:aws:sns:eu-west-1:123456789012:harbor-test-order-status" }
  cognito_user_pool_id           = "eu-west-1_pool"
  cognito_client_id              = "webclient"
  log_retention_in_days          = 7
  api_throttling                 = { burst_limit = 10, rate_limit = 5 }
  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
}

run "websocket_api_and_connections" {
  command = plan

  assert {
    condition = (
      local.websocket_routes == { "$connect" = { function = "onConnect", two_way = false }, "$default" = { function = "onMessage", two_way = false } } &&
      local.websocket_authorizer == { function = "checkToken", identity_sources = ["route.request.header.Authorization"] } &&
      local.websocket_stage == "live"
    )
    error_message = "Routes, authorizer and stage are read from websocket.yaml."
  }

  assert {
    condition = local.connections_api == {
      execution_arn        = "arn:aws:execute-api:eu-west-1:123456789012:ws1234"
      stage_name           = "live"
      connections_endpoint = "https://ws1234.execute-api.eu-west-1.amazonaws.com/live"
    }
    error_message = "The functions calling @connections are given this stack's API: its execution ARN, stage and management endpoint."
  }

  assert {
    condition     = module.websocket_api[0].access_log_group_name == "/aws/apigateway/harbor-test-notifications-ws"
    error_message = "The API is harbor-<env>-notifications-ws, with its access logs."
  }

  assert {
    condition = local.environment_placeholders == {
      region             = "eu-west-1"
      account_id         = "123456789012"
      cognito_issuer_url = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool"
      cognito_client_id  = "webclient"
    }
    error_message = "functions.yaml's issuer placeholders are the environment's user pool and the client customers sign in with."
  }

  assert {
    condition     = length(terraform_data.declarations.input) > 0 && length(module.service.declaration_errors) == 0
    error_message = "The fixture's declarations pass the stack's checks."
  }
}

run "refuses_routes_to_undeclared_functions" {
  command = plan

  variables {
    declarations_dir    = "tests/fixtures/unknown-function"
    external_topic_arns = {}
  }

  expect_failures = [terraform_data.declarations]
}
