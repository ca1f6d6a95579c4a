output "state_bucket" {
  description = "Bucket of the environments' state: terraform init -backend-config=bucket=<this>."
  value       = aws_s3_bucket.state.bucket
}

output "oidc_provider_arn" {
  description = "The account's GitHub OIDC identity provider."
  value       = local.oidc_provider_arn
}

output "plan_role_arns" {
  description = "Read-only role per environment, assumed by pull requests' terraform plan."
  value       = { for env, role in aws_iam_role.plan : env => role.arn }
}

output "deploy_role_arns" {
  description = "Deploy role per environment, assumed by the deploy workflow's apply job."
  value       = { for env, role in aws_iam_role.deploy : env => role.arn }
}
