# Each route targets the integration of the function it names, and each integration waits as long as that
# function's timeout. Integration ids exist once created: the mock provider makes them up on apply.
mock_provider "aws" {
  override_resource {
    target = aws_apigatewayv2_api.this
    values = { execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3" }
  }

  override_resource {
    target = aws_cloudwatch_log_group.access
    values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/harbor-test-stock-http" }
  }
}

variables {
  name = "harbor-test-stock-http"
  functions = {
    listStock = { function_name = "list-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:list-stock/invocations" }
    getStock  = { function_name = "get-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:get-stock/invocations", timeout_milliseconds = 5000 }
  }
  routes = {
    "GET /stock"          = { function = "listStock", authorization = "NONE" }
    "GET /stock/{sku}"    = { function = "getStock", authorization_scopes = ["stock/read"] }
    "HEAD /stock/{sku}"   = { function = "getStock" }
    "GET /stock/reserved" = { function = "listStock" }
  }
  jwt_authorizer = { issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test", audience = ["web"] }
}

run "routes_target_their_function_integration" {
  command = apply

  assert {
    condition = alltrue([
      for key, route in aws_apigatewayv2_route.this : route.target == "integrations/${aws_apigatewayv2_integration.this[var.routes[key].function].id}"
    ]) && aws_apigatewayv2_integration.this["listStock"].id != aws_apigatewayv2_integration.this["getStock"].id
    error_message = "Every route targets the integration of the function it names."
  }

  assert {
    condition     = aws_apigatewayv2_integration.this["getStock"].timeout_milliseconds == 5000 && aws_apigatewayv2_integration.this["listStock"].timeout_milliseconds == 30000
    error_message = "An integration waits as long as its function's timeout_milliseconds, 30 s by default."
  }

  assert {
    condition     = alltrue([for key, route in aws_apigatewayv2_route.this : route.authorizer_id == (route.authorization_type == "JWT" ? aws_apigatewayv2_authorizer.jwt[0].id : null)])
    error_message = "JWT routes use the module's authorizer; open routes none."
  }
}
