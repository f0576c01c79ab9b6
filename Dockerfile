# tenantplan as a container image: a build stage that runs scripts/release (the self-contained binary: Swift
# standard library, Foundation and libyaml linked in), then a slim Debian runtime holding only that binary and
# the system libraries it loads (libcurl with its TLS stack, CA certificates for https://YOUR_TENANT.auth0.com).
#
#   docker build -t tenantplan .
#   docker run --rm -v "$PWD:/work" tenantplan plan tenants/example-prod
#
# The runtime image has no git: `plan --changed-since` needs the repository's history, so run that in a job with
# git (the composite action, docs/ci.md). Not built on the development machine (no container engine there);
# scripts/check-release proves the same binary on a bare system.
ARG SWIFT_VERSION=6.1
ARG DEBIAN_RELEASE=bookworm

FROM swift:${SWIFT_VERSION}-${DEBIAN_RELEASE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libyaml-dev libcurl4-openssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY scripts ./scripts
RUN scripts/release \
    && install -D -m 0755 "$(ls dist/tenantplan-*-linux-* | grep -v '\.sha256$')" /out/tenantplan

FROM debian:${DEBIAN_RELEASE}-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcurl4 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 tenantplan
COPY --from=build /out/tenantplan /usr/local/bin/tenantplan
USER tenantplan
WORKDIR /work
ENTRYPOINT ["tenantplan"]
CMD ["--help"]
