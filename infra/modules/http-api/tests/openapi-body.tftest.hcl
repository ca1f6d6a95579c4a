# With openapi_path the file is the API: imported as the body with every placeholder filled (lambda_invoke_arns from
# functions, the rest from template_variables), no route, integration or authorizer resources beside it, and
# permission for API Gateway to invoke every function the body may call.
mock_provider "aws" {
  override_resource {
    target          = aws_apigatewayv2_api.this
    override_during = plan
    values          = { id = "a1b2c3", execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3" }
  }
}

variables {
  name         = "harbor-test-stock-http"
  openapi_path = "./tests/fixtures/http-api.yaml"
  functions = {
    listStock = { function_name = "list-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:list-stock/invocations" }
    getStock  = { function_name = "get-stock", invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:get-stock/invocations" }
  }
  template_variables = {
    cognito_issuer_url = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test"
    cognito_client_id  = "web"
  }
}

run "imports_the_file_with_its_placeholders_filled" {
  command = plan

  assert {
    condition     = jsondecode(aws_apigatewayv2_api.this.body).paths["/stock/{sku}"].get["x-amazon-apigateway-integration"].uri == var.functions.getStock.invoke_arn && jsondecode(aws_apigatewayv2_api.this.body).paths["/stock"].get["x-amazon-apigateway-integration"].uri == var.functions.listStock.invoke_arn
    error_message = "Each integration uri is its function's invoke ARN."
  }

  assert {
    condition     = jsondecode(aws_apigatewayv2_api.this.body).components.securitySchemes.jwt["x-amazon-apigateway-authorizer"].jwtConfiguration == { issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test", audience = ["web"] }
    error_message = "The JWT authorizer trusts the issuer and audience passed in template_variables."
  }

  assert {
    condition     = !strcontains(aws_apigatewayv2_api.this.body, "not_a_template_variable") && aws_apigatewayv2_api.this.fail_on_warnings == true
    error_message = "Comments are not imported, and a warning fails the import."
  }

  assert {
    condition     = length(aws_apigatewayv2_route.this) == 0 && length(aws_apigatewayv2_integration.this) == 0 && length(aws_apigatewayv2_authorizer.jwt) == 0
    error_message = "The body alone defines routes, integrations and authorizers."
  }

  assert {
    condition     = toset([for p in aws_lambda_permission.this : p.function_name]) == toset(["list-stock", "get-stock"]) && aws_lambda_permission.this["getStock"].source_arn == "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/*"
    error_message = "API Gateway may invoke every function the body names, from this API only."
  }

  assert {
    condition     = aws_apigatewayv2_stage.this.name == "$default" && aws_apigatewayv2_stage.this.auto_deploy && can(jsondecode(aws_apigatewayv2_stage.this.access_log_settings[0].format).routeKey)
    error_message = "The $default stage deploys each change of the body and writes JSON access logs."
  }
}

run "refuses_routes_beside_a_body" {
  command = plan

  variables {
    routes = { "GET /stock" = { function = "listStock", authorization = "NONE" } }
  }

  expect_failures = [var.routes]
}

run "refuses_a_missing_file" {
  command = plan

  variables {
    openapi_path = "./tests/fixtures/missing.yaml"
  }

  expect_failures = [var.openapi_path]
}
