terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Remote state: one bucket per account (infra/bootstrap creates it), one key per environment, S3-native locking
  # (see infra/README.md). Bucket names are global, so the bucket is given to init:
  #   terraform init -backend-config=bucket=harbor-terraform-state-<account id>
  # The offline checks replace this block with a local backend through an *_override.tf file in a temporary copy.
  backend "s3" {
    key          = "envs/dev/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
