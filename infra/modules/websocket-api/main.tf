data "aws_region" "current" {}

locals {
  integrated_functions = toset([for route in var.routes : route.function])
  invoked_functions    = setunion(local.integrated_functions, var.authorizer == null ? [] : [var.authorizer.function])
}

resource "aws_apigatewayv2_api" "this" {
  name                       = var.name
  description                = var.description
  protocol_type              = "WEBSOCKET"
  route_selection_expression = var.route_selection_expression
  tags                       = var.tags
}

resource "aws_apigatewayv2_authorizer" "this" {
  count = var.authorizer == null ? 0 : 1

  api_id           = aws_apigatewayv2_api.this.id
  name             = "lambda"
  authorizer_type  = "REQUEST"
  authorizer_uri   = var.functions[var.authorizer.function].invoke_arn
  identity_sources = var.authorizer.identity_sources
}

resource "aws_apigatewayv2_integration" "this" {
  for_each = local.integrated_functions

  api_id             = aws_apigatewayv2_api.this.id
  integration_type   = "AWS_PROXY"
  integration_method = "POST"
  integration_uri    = var.functions[each.key].invoke_arn
}

resource "aws_apigatewayv2_route" "this" {
  for_each = var.routes

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  target             = "integrations/${aws_apigatewayv2_integration.this[each.value.function].id}"
  authorization_type = each.key == "$connect" && var.authorizer != null ? "CUSTOM" : "NONE"
  authorizer_id      = each.key == "$connect" && var.authorizer != null ? aws_apigatewayv2_authorizer.this[0].id : null
  # Without a route response API Gateway drops the function's answer; $default is the only key it supports
  # (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html).
  route_response_selection_expression = each.value.two_way ? "$default" : null
}

resource "aws_apigatewayv2_route_response" "this" {
  for_each = { for key, route in var.routes : key => route if route.two_way }

  api_id             = aws_apigatewayv2_api.this.id
  route_id           = aws_apigatewayv2_route.this[each.key].id
  route_response_key = "$default"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_in_days
  tags              = var.tags
}

resource "terraform_data" "account_logging" {
  input = var.cloudwatch_logs_role_arn
}

resource "aws_apigatewayv2_stage" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = var.stage_name
  auto_deploy = true

  default_route_settings {
    detailed_metrics_enabled = true
    logging_level            = "ERROR"
    throttling_burst_limit   = var.throttling_burst_limit
    throttling_rate_limit    = var.throttling_rate_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      connectionId       = "$context.connectionId"
      eventType          = "$context.eventType"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      integrationLatency = "$context.integrationLatency"
      errorMessage       = "$context.error.message"
      authorizerError    = "$context.authorizer.error"
    })
  }

  tags = var.tags

  depends_on = [terraform_data.account_logging, aws_apigatewayv2_route.this]
}

resource "aws_lambda_permission" "this" {
  for_each = local.invoked_functions

  statement_id  = "AllowWebSocketApi-${var.name}"
  action        = "lambda:InvokeFunction"
  function_name = var.functions[each.key].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}
