#!/usr/bin/env bash
# Stamps out the files every Nx project here shares: project.json with its tags, tsconfig, jest config, barrel.
# usage: tools/scripts/new-project.sh <dir> <name> <scope> <type> [library|application]
set -euo pipefail
dir=$1 name=$2 scope=$3 type=$4 kind=${5:-library}
mkdir -p "$dir/src"
up=$(realpath -m --relative-to="$dir" .)
mkdir -p "$dir/src"
cat > "$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "$up/node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "$kind",
  "tags": ["scope:$scope", "type:$type"],
  "targets": {
    "typecheck": { "command": "tsgo -p {projectRoot}/tsconfig.json --noEmit" }
  }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "$up/tsconfig.base.json",
  "compilerOptions": { "types": ["node", "jest"] },
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
JSON
cat > "$dir/jest.config.cjs" <<JS
module.exports = {
  displayName: '$name',
  preset: '$up/jest.preset.js',
};
JS
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
