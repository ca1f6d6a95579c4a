data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name

  api_widgets = [
    for key, api in local.api_alarm_dimensions : {
      type   = "metric"
      width  = 12
      height = 6
      properties = {
        title  = "API ${key}: requests, 5xx, p99 latency"
        region = local.region
        period = 60
        metrics = [
          concat(["AWS/ApiGateway", "Count"], flatten([for name, value in api.dimensions : [name, value]]), [{ stat = "Sum" }]),
          concat(["AWS/ApiGateway", api.errors_metric], flatten([for name, value in api.dimensions : [name, value]]), [{ stat = "Sum" }]),
          concat(["AWS/ApiGateway", "Latency"], flatten([for name, value in api.dimensions : [name, value]]), [{ stat = "p99", yAxis = "right" }]),
        ]
      }
    }
  ]

  function_widgets = [
    for key, function_name in var.functions : {
      type   = "metric"
      width  = 12
      height = 6
      properties = {
        title  = "Function ${key}"
        region = local.region
        period = 60
        metrics = [
          ["AWS/Lambda", "Invocations", "FunctionName", function_name, { stat = "Sum" }],
          ["AWS/Lambda", "Errors", "FunctionName", function_name, { stat = "Sum" }],
          ["AWS/Lambda", "Throttles", "FunctionName", function_name, { stat = "Sum" }],
          ["AWS/Lambda", "Duration", "FunctionName", function_name, { stat = "p99", yAxis = "right" }],
        ]
      }
    }
  ]

  dead_letter_widgets = length(var.dead_letter_queues) == 0 ? [] : [{
    type   = "metric"
    width  = 24
    height = 6
    properties = {
      title   = "Dead-letter queues: visible messages"
      region  = local.region
      period  = 60
      stat    = "Maximum"
      metrics = [for queue in values(var.dead_letter_queues) : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue]]
    }
  }]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({ widgets = concat(local.api_widgets, local.function_widgets, local.dead_letter_widgets) })
}
