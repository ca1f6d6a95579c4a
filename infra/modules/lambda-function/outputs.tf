output "function_name" {
  description = "Name of the function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the function, known at plan time (built from the name); depends on the function's creation."
  value       = local.function_arn
  depends_on  = [aws_lambda_function.this]
}

output "invoke_arn" {
  description = "ARN API Gateway integrations use to invoke the function, known at plan time."
  value       = "${local.arn_prefix}:apigateway:${local.region}:lambda:path/2015-03-31/functions/${local.function_arn}/invocations"
  depends_on  = [aws_lambda_function.this]
}

output "role_name" {
  description = "Name of the function's own execution role."
  value       = aws_iam_role.this.name
}

output "role_arn" {
  description = "ARN of the function's own execution role."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "Name of the function's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "async_failure_queue_name" {
  description = "Name of the queue receiving failed asynchronous invocations, or null when not enabled."
  value       = try(aws_sqs_queue.async_failures[0].name, null)
}

output "async_failure_queue_arn" {
  description = "ARN of the queue receiving failed asynchronous invocations, or null when not enabled."
  value       = try(aws_sqs_queue.async_failures[0].arn, null)
}
