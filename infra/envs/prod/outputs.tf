output "system" {
  description = "What the environment exposes: API URLs, Cognito client ids, function names, the event bus (infra/system/outputs.tf)."
  value       = module.system
}
