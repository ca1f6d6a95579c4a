data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  sns_publish_role_names = { for key in keys(var.sns_publish_topic_arns) : key => "${var.name}-sns-${key}" }
  sns_publish_role_arns  = { for key, name in local.sns_publish_role_names : key => "arn:${data.aws_partition.current.partition}:iam::${var.account_id}:role/${name}" }

  template_variables = merge(var.template_variables, {
    region                = data.aws_region.current.name
    topic_arns            = var.sns_publish_topic_arns
    sns_publish_role_arns = local.sns_publish_role_arns
  })
  # Decoding first drops YAML comments (prose may mention placeholders) exactly as a YAML parser does, and
  # keeps lines that only look like comments, such as VTL `#set` directives inside block scalars. Placeholders
  # are then filled in the JSON text; the result is re-encoded so the body (and its hash) ignores formatting.
  openapi_json = jsonencode(yamldecode(file(var.openapi_path)))
  body         = jsonencode(jsondecode(templatestring(local.openapi_json, local.template_variables)))

  usage_plan_keys = merge([
    for plan_name, plan in var.usage_plans : { for key_name in plan.api_keys : "${plan_name}/${key_name}" => { plan = plan_name, key = key_name } }
  ]...)
}

resource "aws_api_gateway_rest_api" "this" {
  name        = var.name
  description = var.description
  body        = local.body

  endpoint_configuration {
    types = [var.endpoint_type]
  }

  tags = var.tags

  # Integrations name the SNS roles by ARN: they must exist (with their policy) first.
  depends_on = [aws_iam_role_policy.sns_publish]
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = sha1(local.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_in_days
  tags              = var.tags
}

# Orders the stage after the account's CloudWatch Logs role without coupling to the resource that sets it.
resource "terraform_data" "account_logging" {
  input = var.cloudwatch_logs_role_arn
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  stage_name           = var.stage_name
  xray_tracing_enabled = var.xray_tracing_enabled
  variables            = var.stage_variables

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      extendedRequestId  = "$context.extendedRequestId"
      xrayTraceId        = "$context.xrayTraceId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      caller             = "$context.authorizer.claims.sub"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
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

  depends_on = [terraform_data.account_logging]
}

resource "aws_api_gateway_method_settings" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = var.logging_level
    data_trace_enabled     = false
    throttling_burst_limit = var.throttling_burst_limit
    throttling_rate_limit  = var.throttling_rate_limit
  }
}

resource "aws_lambda_permission" "this" {
  for_each = var.lambda_function_names

  statement_id  = "AllowApiGateway-${var.name}"
  action        = "lambda:InvokeFunction"
  function_name = each.value
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*"
}
