locals {
  imports_body = var.openapi_path != null

  # One integration per function, shared by all its routes.
  integrated_functions = toset([for route in var.routes : route.function])
  # Functions API Gateway may invoke: the routes' ones, or with an imported body every function passed in.
  invoked_functions = local.imports_body ? toset(keys(var.functions)) : local.integrated_functions

  # As the rest-api module does: decoding drops YAML comments (prose may mention placeholders), placeholders are
  # filled in the JSON text, and re-encoding makes the body (and the deployment) ignore formatting.
  openapi_json = local.imports_body ? jsonencode(yamldecode(file(var.openapi_path))) : ""
  template_variables = merge(
    { lambda_invoke_arns = { for key, function in var.functions : key => function.invoke_arn } },
    var.template_variables,
  )
  body = local.imports_body ? jsonencode(jsondecode(templatestring(local.openapi_json, local.template_variables))) : null
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  description   = var.description
  protocol_type = "HTTP"
  # An imported OpenAPI document defines the routes, integrations and authorizers; API Gateway's warnings (a
  # feature HTTP APIs ignore) fail the import instead of leaving part of the file undeployed.
  body             = local.body
  fail_on_warnings = local.imports_body ? true : null

  dynamic "cors_configuration" {
    for_each = var.cors == null ? [] : [var.cors]

    content {
      allow_origins  = cors_configuration.value.allow_origins
      allow_methods  = cors_configuration.value.allow_methods
      allow_headers  = cors_configuration.value.allow_headers
      max_age        = cors_configuration.value.max_age
      expose_headers = cors_configuration.value.expose_headers
      # Only when true: the provider plans false as a change against an API that never had the setting.
      allow_credentials = cors_configuration.value.allow_credentials ? true : null
    }
  }

  tags = var.tags
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  count = var.jwt_authorizer == null || local.imports_body ? 0 : 1

  api_id           = aws_apigatewayv2_api.this.id
  name             = "jwt"
  authorizer_type  = "JWT"
  identity_sources = var.jwt_authorizer.identity_sources

  jwt_configuration {
    issuer   = var.jwt_authorizer.issuer
    audience = var.jwt_authorizer.audience
  }
}

# Lambda (REQUEST) authorizers: without identity sources API Gateway cannot cache, so the TTL is 0 then, as the local
# cloud behaves (it caches only by identity sources).
resource "aws_apigatewayv2_authorizer" "lambda" {
  for_each = local.imports_body ? {} : var.lambda_authorizers

  api_id                            = aws_apigatewayv2_api.this.id
  name                              = each.key
  authorizer_type                   = "REQUEST"
  authorizer_uri                    = each.value.invoke_arn
  authorizer_payload_format_version = each.value.payload_format_version
  enable_simple_responses           = each.value.enable_simple_responses
  identity_sources                  = length(each.value.identity_sources) > 0 ? each.value.identity_sources : null
  authorizer_result_ttl_in_seconds  = length(each.value.identity_sources) > 0 ? each.value.result_ttl_in_seconds : 0
}

resource "aws_apigatewayv2_integration" "this" {
  for_each = local.integrated_functions

  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = var.functions[each.key].invoke_arn
  payload_format_version = var.functions[each.key].payload_format_version
  timeout_milliseconds   = var.functions[each.key].timeout_milliseconds
}

resource "aws_apigatewayv2_route" "this" {
  for_each = var.routes

  api_id               = aws_apigatewayv2_api.this.id
  route_key            = each.key
  target               = "integrations/${aws_apigatewayv2_integration.this[each.value.function].id}"
  authorization_type   = each.value.authorization
  authorizer_id        = each.value.authorization == "JWT" ? aws_apigatewayv2_authorizer.jwt[0].id : each.value.authorization == "CUSTOM" ? aws_apigatewayv2_authorizer.lambda[each.value.authorizer].id : null
  authorization_scopes = each.value.authorization == "JWT" && length(each.value.authorization_scopes) > 0 ? each.value.authorization_scopes : null
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_in_days
  tags              = var.tags
}

resource "aws_apigatewayv2_stage" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    detailed_metrics_enabled = true
    throttling_burst_limit   = var.throttling_burst_limit
    throttling_rate_limit    = var.throttling_rate_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      caller             = "$context.authorizer.claims.sub"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integrationStatus"
      errorMessage       = "$context.error.message"
      authorizerError    = "$context.authorizer.error"
    })
  }

  tags = var.tags
}

resource "aws_lambda_permission" "this" {
  for_each = local.invoked_functions

  statement_id  = "AllowHttpApi-${var.name}"
  action        = "lambda:InvokeFunction"
  function_name = var.functions[each.key].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}

# API Gateway invokes an authorizer's function as <execution ARN>/authorizers/<authorizer id>.
resource "aws_lambda_permission" "authorizer" {
  for_each = local.imports_body ? {} : var.lambda_authorizers

  statement_id  = "AllowHttpApiAuthorizer-${var.name}-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = each.value.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/authorizers/${aws_apigatewayv2_authorizer.lambda[each.key].id}"
}
