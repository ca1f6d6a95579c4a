# One Lambda integration per function however many routes use it, JWT on every route unless it says NONE, and
# permission for API Gateway to invoke each integrated function.
mock_provider "aws" {
  override_resource {
    target          = aws_apigatewayv2_api.this
    override_during = plan
    values          = { id = "a1b2c3", execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3" }
  }
}

variables {
  name = "harbor-test-stock-http"
  functions = {
    listStock = { function_name = "list-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:list-stock/invocations" }
    getStock  = { function_name = "get-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:get-stock/invocations" }
  }
  routes = {
    "GET /stock"          = { function = "listStock", authorization = "NONE" }
    "GET /stock/{sku}"    = { function = "getStock", authorization_scopes = ["stock/read"] }
    "HEAD /stock/{sku}"   = { function = "getStock" }
    "GET /stock/reserved" = { function = "listStock" }
  }
  jwt_authorizer = { issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test", audience = ["web"] }
}

run "routes_share_one_integration_per_function" {
  command = plan

  assert {
    condition     = toset(keys(aws_apigatewayv2_integration.this)) == toset(["listStock", "getStock"]) && aws_apigatewayv2_integration.this["getStock"].payload_format_version == "2.0"
    error_message = "Each function gets one AWS_PROXY integration with payload format 2.0."
  }

  assert {
    condition     = aws_apigatewayv2_route.this["GET /stock"].authorization_type == "NONE" && aws_apigatewayv2_route.this["GET /stock"].authorizer_id == null
    error_message = "A public route has no authorizer."
  }

  assert {
    condition     = aws_apigatewayv2_route.this["GET /stock/{sku}"].authorization_type == "JWT" && aws_apigatewayv2_route.this["GET /stock/{sku}"].authorization_scopes == toset(["stock/read"]) && aws_apigatewayv2_route.this["HEAD /stock/{sku}"].authorization_type == "JWT"
    error_message = "Routes need a JWT by default, with the scopes they list."
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.jwt[0].jwt_configuration[0].audience == toset(["web"]) && aws_apigatewayv2_authorizer.jwt[0].identity_sources == toset(["$request.header.Authorization"])
    error_message = "The JWT authorizer checks the audience and reads the bearer token."
  }

  assert {
    condition     = toset([for p in aws_lambda_permission.this : p.function_name]) == toset(["list-stock", "get-stock"]) && aws_lambda_permission.this["getStock"].source_arn == "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/*"
    error_message = "API Gateway may invoke each integrated function, from this API only."
  }

  assert {
    condition     = aws_apigatewayv2_stage.this.default_route_settings[0].throttling_rate_limit == 50 && can(jsondecode(aws_apigatewayv2_stage.this.access_log_settings[0].format).requestId)
    error_message = "The stage throttles every route and writes JSON access logs."
  }
}

run "refuses_jwt_routes_without_an_authorizer" {
  command = plan

  variables {
    jwt_authorizer = null
  }

  expect_failures = [var.routes]
}

# Lambda matches source_arn against what API Gateway sends, `*` spanning any characters: an HTTP API route sends
# <execution ARN>/<stage>/<METHOD>/<path> (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
run "permissions_match_the_arns_api_gateway_sends" {
  command = plan

  assert {
    condition     = can(regex("^${replace(aws_lambda_permission.this["getStock"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/$default/GET/stock/SKU-1"))
    error_message = "API Gateway may invoke a route's function on the $default stage, for any path of this API."
  }

  assert {
    condition     = !can(regex("^${replace(aws_lambda_permission.this["getStock"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:zz9999/$default/GET/stock/SKU-1"))
    error_message = "Another API may not invoke the function."
  }
}

# Lambda (REQUEST) authorizers and payload format 1.0, as
# https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html describes them.
run "lambda_authorizers_and_payload_1_0" {
  command = plan

  variables {
    functions = {
      listStock = { function_name = "list-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:list-stock/invocations", payload_format_version = "1.0" }
      getStock  = { function_name = "get-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:get-stock/invocations" }
    }
    routes = {
      "GET /stock"       = { function = "listStock", authorization = "CUSTOM", authorizer = "apiKey" }
      "GET /stock/{sku}" = { function = "getStock", authorization = "CUSTOM", authorizer = "anyone" }
    }
    jwt_authorizer = null
    lambda_authorizers = {
      apiKey = { function_name = "authorize", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:authorize/invocations", payload_format_version = "2.0", enable_simple_responses = true, identity_sources = ["$request.header.x-api-key"], result_ttl_in_seconds = 60 }
      anyone = { function_name = "authorize", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:authorize/invocations", payload_format_version = "1.0" }
    }
  }

  assert {
    condition     = aws_apigatewayv2_integration.this["listStock"].payload_format_version == "1.0" && aws_apigatewayv2_integration.this["getStock"].payload_format_version == "2.0"
    error_message = "Each function's integration has its declared payload format."
  }

  assert {
    condition = (
      aws_apigatewayv2_authorizer.lambda["apiKey"].authorizer_type == "REQUEST" && aws_apigatewayv2_authorizer.lambda["apiKey"].enable_simple_responses
      && aws_apigatewayv2_authorizer.lambda["apiKey"].authorizer_payload_format_version == "2.0" && aws_apigatewayv2_authorizer.lambda["apiKey"].authorizer_result_ttl_in_seconds == 60
      && aws_apigatewayv2_authorizer.lambda["apiKey"].identity_sources == toset(["$request.header.x-api-key"])
    )
    error_message = "A Lambda authorizer is REQUEST, with its payload format, simple responses, identity sources and TTL."
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.lambda["anyone"].authorizer_result_ttl_in_seconds == 0 && aws_apigatewayv2_authorizer.lambda["anyone"].identity_sources == null
    error_message = "Without identity sources nothing is cached, as the local cloud behaves."
  }

  assert {
    condition     = aws_apigatewayv2_route.this["GET /stock"].authorization_type == "CUSTOM" && aws_apigatewayv2_route.this["GET /stock"].authorization_scopes == null
    error_message = "A route behind a Lambda authorizer is CUSTOM, with no scopes."
  }

  assert {
    condition     = aws_lambda_permission.authorizer["apiKey"].function_name == "authorize" && startswith(aws_lambda_permission.authorizer["apiKey"].source_arn, "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/authorizers/")
    error_message = "API Gateway may invoke the authorizer's function, as this API's authorizer only."
  }
}

run "refuses_custom_routes_without_their_authorizer" {
  command = plan

  variables {
    routes = { "GET /stock" = { function = "listStock", authorization = "CUSTOM", authorizer = "missing" } }
  }

  expect_failures = [var.routes]
}

run "refuses_simple_responses_with_payload_1_0" {
  command = plan

  variables {
    lambda_authorizers = { old = { function_name = "authorize", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:authorize/invocations", payload_format_version = "1.0", enable_simple_responses = true } }
  }

  expect_failures = [var.lambda_authorizers]
}
