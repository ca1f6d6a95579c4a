# The Lambda authorizer guards $connect only, API Gateway may invoke every route function and the authorizer, and
# the @connections statement is scoped to this API's stage.
mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }

  override_resource {
    target          = aws_apigatewayv2_api.this
    override_during = plan
    values          = { id = "ws1234", execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:ws1234" }
  }
}

variables {
  name = "harbor-test-notifications-ws"
  functions = {
    connect   = { function_name = "ws-connect", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:ws-connect/invocations" }
    authorize = { function_name = "ws-authorize", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:ws-authorize/invocations" }
    message   = { function_name = "ws-message", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:ws-message/invocations" }
  }
  routes = {
    "$connect" = { function = "connect" }
    "$default" = { function = "message" }
    "send"     = { function = "message" }
  }
  authorizer = { function = "authorize" }
}

run "authorizes_connect_only" {
  command = plan

  assert {
    condition     = aws_apigatewayv2_route.this["$connect"].authorization_type == "CUSTOM" && aws_apigatewayv2_route.this["$default"].authorization_type == "NONE" && aws_apigatewayv2_route.this["send"].authorization_type == "NONE"
    error_message = "API Gateway runs a WebSocket authorizer on $connect only."
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.this[0].authorizer_type == "REQUEST" && aws_apigatewayv2_authorizer.this[0].identity_sources == toset(["route.request.querystring.token"])
    error_message = "The authorizer is a REQUEST authorizer reading the token query parameter by default."
  }

  assert {
    condition     = toset(keys(aws_lambda_permission.this)) == toset(["connect", "message", "authorize"]) && toset(keys(aws_apigatewayv2_integration.this)) == toset(["connect", "message"])
    error_message = "Route functions are integrated once each; the authorizer is invoked but not integrated."
  }

  assert {
    condition     = jsonencode(output.manage_connections_policy_statement) == jsonencode({ sid = "ManageConnectionsHarborTestNotificationsWs", actions = ["execute-api:ManageConnections"], resources = ["arn:aws:execute-api:eu-west-1:123456789012:ws1234/v1/*/@connections/*"] })
    error_message = "Posting to connections is allowed on this API's stage only."
  }

  assert {
    condition     = output.connections_endpoint == "https://ws1234.execute-api.eu-west-1.amazonaws.com/v1"
    error_message = "The @connections endpoint is the stage's HTTPS URL."
  }
}

run "refuses_an_authorizer_without_connect_route" {
  command = plan

  variables {
    routes = { "$default" = { function = "message" } }
  }

  expect_failures = [var.authorizer]
}

# Lambda matches source_arn against what API Gateway sends, `*` spanning any characters: a route invocation sends
# <execution ARN>/<stage>/<route key>, the authorizer <execution ARN>/authorizers/<id>
# (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
run "permissions_match_the_arns_api_gateway_sends" {
  command = plan

  assert {
    condition     = can(regex("^${replace(aws_lambda_permission.this["connect"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:ws1234/v1/$connect"))
    error_message = "API Gateway may invoke a route's function from any stage of this API."
  }

  assert {
    condition     = can(regex("^${replace(aws_lambda_permission.this["authorize"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:ws1234/authorizers/auth99"))
    error_message = "API Gateway may invoke the authorizer of this API."
  }

  assert {
    condition     = !can(regex("^${replace(aws_lambda_permission.this["message"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:other9/v1/send"))
    error_message = "Another API may not invoke the functions."
  }
}

# A two-way route gets the $default route response API Gateway needs to send the function's answer back
# (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html).
run "two_way_routes_answer_the_client" {
  command = plan

  variables {
    routes = {
      "$connect" = { function = "connect" }
      "$default" = { function = "message" }
      "send"     = { function = "message", two_way = true }
    }
  }

  assert {
    condition     = aws_apigatewayv2_route.this["send"].route_response_selection_expression == "$default" && aws_apigatewayv2_route.this["$default"].route_response_selection_expression == null
    error_message = "Only the two-way route selects a route response."
  }

  assert {
    condition     = keys(aws_apigatewayv2_route_response.this) == ["send"] && aws_apigatewayv2_route_response.this["send"].route_response_key == "$default"
    error_message = "The two-way route has the $default route response, and no other route has one."
  }
}

run "refuses_a_two_way_connect_route" {
  command = plan

  variables {
    routes = { "$connect" = { function = "connect", two_way = true } }
  }

  expect_failures = [var.routes]
}
