# Each kind of resource gets its alarms with the right metric, dimensions and statistic: REST and HTTP APIs
# (their 5xx metrics differ), functions, and dead-letter queues.
mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
}

variables {
  name               = "harbor-test-orders"
  functions          = { placeOrder = "harbor-test-orders-placeOrder" }
  dead_letter_queues = { relay = "harbor-test-orders-relay-dlq" }
  rest_apis          = { orders = { api_name = "harbor-test-orders", stage_name = "v1" } }
  http_apis          = { stock = "a1b2c3" }
  alarm_actions      = ["arn:aws:sns:eu-west-1:123456789012:on-call"]
}

run "alarms_per_resource" {
  command = plan

  assert {
    condition     = aws_cloudwatch_metric_alarm.api_5xx_rate["rest-orders"].metric_name == "5XXError" && aws_cloudwatch_metric_alarm.api_5xx_rate["rest-orders"].dimensions == tomap({ ApiName = "harbor-test-orders", Stage = "v1" })
    error_message = "REST APIs alarm on 5XXError by ApiName and Stage."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.api_5xx_rate["http-stock"].metric_name == "5xx" && aws_cloudwatch_metric_alarm.api_5xx_rate["http-stock"].dimensions == tomap({ ApiId = "a1b2c3", Stage = "$default" })
    error_message = "HTTP APIs alarm on 5xx by ApiId and the $default stage."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.api_5xx_rate["rest-orders"].statistic == "Average" && aws_cloudwatch_metric_alarm.api_5xx_rate["rest-orders"].threshold == 0.01
    error_message = "The 5xx alarm watches the rate (Average of a 0/1 metric), not a count."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.api_5xx_rate["rest-orders"].alarm_description == "More than 1 % of requests answered 5xx."
    error_message = "The 5xx threshold is printed as a percentage without floating-point noise (0.01 * 100 is not exactly 1)."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.api_latency_p99["http-stock"].extended_statistic == "p99" && aws_cloudwatch_metric_alarm.api_latency_p99["http-stock"].threshold == 3000
    error_message = "Latency alarms on p99."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.dead_letter_queue_not_empty["relay"].threshold == 0 && aws_cloudwatch_metric_alarm.dead_letter_queue_not_empty["relay"].comparison_operator == "GreaterThanThreshold" && aws_cloudwatch_metric_alarm.dead_letter_queue_not_empty["relay"].evaluation_periods == 1
    error_message = "A dead-letter queue alarms on its first visible message."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.lambda_throttles["placeOrder"].ok_actions == toset(["arn:aws:sns:eu-west-1:123456789012:on-call"])
    error_message = "Alarms notify when they recover too."
  }

  assert {
    condition     = length(jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets) == 4
    error_message = "The dashboard has a widget per API, per function and one for the dead-letter queues."
  }
}
