output "name" {
  description = "Name of the table."
  value       = aws_dynamodb_table.this.name
}

output "arn" {
  description = "ARN of the table."
  value       = aws_dynamodb_table.this.arn
}

output "stream_arn" {
  description = "ARN of the table's stream, or null when streams are off."
  value       = var.stream_view_type == null ? null : aws_dynamodb_table.this.stream_arn
}

output "hash_key" {
  description = "Name of the partition key."
  value       = aws_dynamodb_table.this.hash_key
}
