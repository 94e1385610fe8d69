# syntax=docker/dockerfile:1
# The Host's image: the service (entry point) and the `collab` CLI, which the migration Job runs
# (k8s/base/migrate-job.yaml). Build from the repository root:
#   docker build -t ghcr.io/collab-platform/collab-host:0.1.0 .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src
# Build policy first (warnings are errors here too), then what the two projects compile:
# the protos (Contracts) and the region catalogues embedded in the Domain assembly.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY protos/ protos/
COPY data/ data/
COPY src/ src/
# Both into one folder: the CLI references the Host, so they share every assembly, and the central
# package versions guarantee that the shared ones are the same. The Host goes second so that its
# own deps.json and runtimeconfig.json are the ones kept.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/CollabPlatform.Cli/CollabPlatform.Cli.csproj -c Release -o /app -p:UseAppHost=false \
 && dotnet publish src/CollabPlatform.Host/CollabPlatform.Host.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# A fixed numeric user, so that Kubernetes can check runAsNonRoot without reading /etc/passwd;
# it matches runAsUser in k8s/. `collab` on PATH runs the CLI.
RUN groupadd --system --gid 10001 collab \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin collab \
 && printf '#!/bin/sh\nexec dotnet /app/collab.dll "$@"\n' > /usr/local/bin/collab \
 && chmod 0755 /usr/local/bin/collab
WORKDIR /app
# Owned by root and not writable by the service's user.
COPY --from=build /app ./
# The root file system is read-only in the cluster; /tmp is its one writable volume. The image
# listens beyond loopback, so it never falls back to the development key: it needs
# Collab__Auth__SigningKeys__0__KeyId with a public key, and refuses to start without one.
ENV HOME=/tmp \
    Collab__Api__ListenAddress=0.0.0.0 \
    Collab__Auth__DevelopmentKey=false
USER 10001:10001
# gRPC (h2c), HTTP/1.1 JSON, Orleans silo-to-silo (no Orleans gateway by default).
EXPOSE 5080 5081 11111
ENTRYPOINT ["dotnet", "/app/CollabPlatform.Host.dll"]
