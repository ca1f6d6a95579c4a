terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Remote state: one bucket, one key per environment, S3-native locking (see infra/README.md).
  # The offline checks replace this block with a local backend through an *_override.tf file in a temporary copy.
  backend "s3" {
    bucket       = "harbor-terraform-state"
    key          = "envs/prod/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
