#!/usr/bin/env bash
# Lints the collab.v1 protos with buf, offline.
#
# buf.yaml declares buf.build/googleapis/googleapis as a dependency, which
# needs the Buf Schema Registry. This script avoids the network: it builds a
# throw-away buf workspace in a temporary folder with two modules, a copy of
# our .proto files and the googleapis protos that the Google.Api.CommonProtos
# NuGet package ships (the same files protoc sees in the C# build), and lints
# only our module with the lint rules of protos/buf.yaml. Nothing is written
# to the repository.
#
# Usage: protos/lint.sh            (from anywhere; exits non-zero on findings)
# Environment:
#   BUF          path of a buf binary (default: buf on PATH, else a pinned
#                copy installed from npm into ~/.cache/collab-buf)
#   BUF_VERSION  version for that npm install (default below)
set -euo pipefail

protos_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$protos_dir")"
buf_version="${BUF_VERSION:-1.75.0}"

fail() {
  echo "lint.sh: $*" >&2
  exit 2
}

find_buf() {
  if [[ -n "${BUF:-}" ]]; then
    echo "$BUF"
  elif command -v buf >/dev/null 2>&1; then
    command -v buf
  else
    local cache="${XDG_CACHE_HOME:-$HOME/.cache}/collab-buf/$buf_version"
    if [[ ! -x "$cache/node_modules/.bin/buf" ]]; then
      command -v npm >/dev/null 2>&1 ||
        fail "buf not found; install it (https://buf.build/docs/installation) or set BUF, or install npm"
      echo "lint.sh: installing @bufbuild/buf@$buf_version into $cache" >&2
      mkdir -p "$cache"
      npm install --silent --no-audit --no-fund --prefix "$cache" "@bufbuild/buf@$buf_version" >&2
    fi
    echo "$cache/node_modules/.bin/buf"
  fi
}

find_googleapis() {
  local version packages dir
  version="$(sed -n 's/.*Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' \
    "$repo_dir/Directory.Packages.props")"
  [[ -n "$version" ]] || fail "no Google.Api.CommonProtos version in Directory.Packages.props"
  packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  dir="$packages/google.api.commonprotos/$version/content/protos"
  if [[ ! -d "$dir" ]]; then
    echo "lint.sh: restoring NuGet packages to get Google.Api.CommonProtos $version" >&2
    dotnet restore "$repo_dir/src/CollabPlatform.Contracts/CollabPlatform.Contracts.csproj" >&2 ||
      fail "dotnet restore failed"
  fi
  [[ -f "$dir/google/api/annotations.proto" ]] || fail "googleapis protos not found in $dir"
  echo "$dir"
}

buf="$(find_buf)"
googleapis="$(find_googleapis)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Our module is copied under the name "protos" so that findings name files
# as protos/collab/v1/..., relative to the repository root.
mkdir -p "$work/protos"
(cd "$protos_dir" && find . -name '*.proto' -exec cp --parents {} "$work/protos/" \;)
ln -s "$googleapis" "$work/googleapis"

# Workspace config: the two modules, plus every top-level section of our
# buf.yaml except `version` and `deps` (lint, breaking), which become the
# workspace defaults.
{
  echo "version: v2"
  echo "modules:"
  echo "  - path: protos"
  echo "  - path: googleapis"
  awk '
    /^[^[:space:]#-]/ { skip = ($0 ~ /^(version|deps):/) }
    !skip
  ' "$protos_dir/buf.yaml"
} >"$work/buf.yaml"

cd "$work"
"$buf" lint protos
echo "buf lint: protos/collab clean ($("$buf" --version))"
