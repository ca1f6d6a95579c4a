output "dashboard_name" {
  description = "Name of the service dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "alarm_names" {
  description = "Every alarm of the module, by kind."
  value = {
    api_5xx_rate     = [for alarm in aws_cloudwatch_metric_alarm.api_5xx_rate : alarm.alarm_name]
    api_latency_p99  = [for alarm in aws_cloudwatch_metric_alarm.api_latency_p99 : alarm.alarm_name]
    lambda_errors    = [for alarm in aws_cloudwatch_metric_alarm.lambda_errors : alarm.alarm_name]
    lambda_throttles = [for alarm in aws_cloudwatch_metric_alarm.lambda_throttles : alarm.alarm_name]
    dead_letter      = [for alarm in aws_cloudwatch_metric_alarm.dead_letter_queue_not_empty : alarm.alarm_name]
  }
}
