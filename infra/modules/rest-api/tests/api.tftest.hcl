# The body is the OpenAPI file with every placeholder filled, the deployment follows the body, and SNS-direct
# routes get a role that may only publish to their topic.
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
  name         = "harbor-test-webhooks"
  openapi_path = "examples/complete/openapi.yaml"
  account_id   = "123456789012"
  template_variables = {
    cognito_user_pool_arn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_test"
    lambda_invoke_arns    = { getItem = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:get-item/invocations" }
  }
  sns_publish_topic_arns = { payments = "arn:aws:sns:eu-west-1:123456789012:harbor-test-payments" }
  lambda_function_names  = { getItem = "get-item" }
  usage_plans            = { partners = { api_keys = ["acme", "globex"], quota = { limit = 100, period = "DAY" } } }
}

# One plan, its assertions grouped by concern (plans are the costly part of a run).
run "api_from_the_openapi_file" {
  command = plan

  # The body is the file with every placeholder filled; the deployment follows it.
  assert {
    condition     = !strcontains(aws_api_gateway_rest_api.this.body, "$${")
    error_message = "No template placeholder may reach API Gateway."
  }

  assert {
    condition     = jsondecode(aws_api_gateway_rest_api.this.body).paths["/webhooks/payments"].post["x-amazon-apigateway-integration"].credentials == "arn:aws:iam::123456789012:role/harbor-test-webhooks-sns-payments"
    error_message = "The SNS route assumes the topic's publish role."
  }

  assert {
    condition     = strcontains(jsondecode(aws_api_gateway_rest_api.this.body).paths["/webhooks/payments"].post["x-amazon-apigateway-integration"].requestTemplates["application/json"], "TopicArn=$util.urlEncode('arn:aws:sns:eu-west-1:123456789012:harbor-test-payments')")
    error_message = "The mapping template publishes to the topic's ARN."
  }

  assert {
    condition     = aws_api_gateway_deployment.this.triggers.redeployment == sha1(aws_api_gateway_rest_api.this.body)
    error_message = "The deployment is replaced whenever the body changes."
  }

  # SNS-direct roles publish to their topic only; routed functions may be invoked.
  assert {
    condition     = data.aws_iam_policy_document.sns_publish["payments"].statement[0].actions == toset(["sns:Publish"]) && data.aws_iam_policy_document.sns_publish["payments"].statement[0].resources == toset(["arn:aws:sns:eu-west-1:123456789012:harbor-test-payments"])
    error_message = "The role may publish to its topic and nothing else."
  }

  assert {
    condition     = aws_lambda_permission.this["getItem"].principal == "apigateway.amazonaws.com"
    error_message = "API Gateway may invoke the routed functions."
  }

  # The stage traces, logs JSON, throttles every method; usage plans issue their keys.
  assert {
    condition     = aws_api_gateway_stage.this.xray_tracing_enabled && can(jsondecode(aws_api_gateway_stage.this.access_log_settings[0].format).requestId)
    error_message = "The stage traces and writes JSON access logs."
  }

  assert {
    condition     = aws_api_gateway_method_settings.this.settings[0].throttling_burst_limit == 100 && aws_api_gateway_method_settings.this.settings[0].throttling_rate_limit == 50
    error_message = "Every method is throttled."
  }

  assert {
    condition     = toset(keys(aws_api_gateway_usage_plan_key.this)) == toset(["partners/acme", "partners/globex"])
    error_message = "Each key of a usage plan is issued and attached to it."
  }
}

# Lambda matches a permission's source_arn against the ARN API Gateway sends, `*` spanning any characters: a method
# call sends <execution ARN>/<stage>/<METHOD>/<path>, a REQUEST authorizer <execution ARN>/authorizers/<id>
# (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
run "permissions_match_the_arns_api_gateway_sends" {
  command = plan

  override_resource {
    target          = aws_api_gateway_rest_api.this
    override_during = plan
    values          = { id = "rest123", execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:rest123", root_resource_id = "root1" }
  }

  assert {
    condition     = can(regex("^${replace(aws_lambda_permission.this["getItem"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:rest123/v1/GET/items/42"))
    error_message = "API Gateway may invoke the function for a method call of any stage and path of this API."
  }

  assert {
    condition     = can(regex("^${replace(aws_lambda_permission.this["getItem"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:rest123/authorizers/abc123"))
    error_message = "API Gateway may invoke a function that is this API's REQUEST authorizer."
  }

  assert {
    condition     = !can(regex("^${replace(aws_lambda_permission.this["getItem"].source_arn, "*", ".*")}$", "arn:aws:execute-api:eu-west-1:123456789012:other99/v1/GET/items/42"))
    error_message = "Another API may not invoke the function."
  }
}
