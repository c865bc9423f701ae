# syntax=docker/dockerfile:1
# vmcp-admission image: the `vmcp-admission` CLI on Node.js 20 (serve, validate, render).
#
#   docker build -t vmcp-admission:0.1.0 .
#   docker run --rm -v "$PWD:/work:ro" vmcp-admission:0.1.0 validate /work/examples
#
# Three stages: `build` compiles TypeScript to dist/ and bundles the CLI (scripts/bundle.mjs)
# with the dev dependencies; `deps` installs
# the production dependencies only (npm ci --omit=dev; --ignore-scripts because `prepare` would try
# to compile and no production dependency has an install script); the runtime is distroless
# Node.js 20: no shell, no package manager, running as the numeric non-root user 65532 that
# manifests/base/deployment.yaml also requires. It holds only the bundle (dist/bundle/), schemas/,
# node_modules/, the package files, LICENSE and NOTICE.
#
# Certificates: the default `serve` generates them into /certs (VMCP_ADMISSION_CERT_DIR), never the
# working directory: /app is read-only under the Deployment (readOnlyRootFilesystem), /certs is an
# emptyDir there (or the cert-manager Secret). The image creates /certs owned by 65532 so a plain
# `docker run` works too. test/ship/image.test.ts runs this ENTRYPOINT + CMD as 65532 in a read-only /app.
#
# Memory (measured with `npm run bench:webhook`, which starts the server with this ENTRYPOINT's node
# flags and these MALLOC_/UV_ variables): --max-semi-space-size=2 caps the young generation at
# 2 x 2 MB instead of 2 x 16 MB, most of the growth under load; --v8-pool-size=1 keeps one background
# V8 thread instead of one per core; MALLOC_TRIM_THRESHOLD_=65536 lets glibc return the memory that
# startup (parsing the bundle and the schema module) freed, ~5-7 MB that otherwise stays resident.
# --interrupt-budget=270336 (4x V8's default) lets a function run four times as much bytecode before
# V8 considers optimizing it: start-up (module set-up, the schema and CEL descriptors) then
# optimizes nothing (certificates mounted or generated alike), so V8's optimizing compiler, ~3.4 MiB
# of the node binary, is not paged in while the server is idle; tier-up under load takes ~4x as
# many calls, same throughput measured.
# No --enable-source-maps: it keeps the bundle's map in memory (~10 MB). The map is in the image
# (dist/bundle/cli/vmcp-admission.cjs.map): run with NODE_OPTIONS=--enable-source-maps to map a stack
# trace to src/.
#
# V8 code cache (src/cli/bin.ts): the build's cache is removed; it was made by the build stage's
# node without the ENTRYPOINT's flags, which V8 would reject. /app is read-only at run time, so the
# image's commands compile the bundle from source and write no cache (tested in image.test.ts).
ARG NODE_IMAGE=node:20-bookworm-slim
ARG RUNTIME_IMAGE=gcr.io/distroless/nodejs20-debian12:nonroot

FROM ${NODE_IMAGE} AS build
WORKDIR /src
RUN mkdir -p /out/certs
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schemas ./schemas
COPY scripts/bundle.mjs scripts/generate-build-info.mjs scripts/third-party-notices.mjs ./scripts/
COPY upstream/toolhive/PROVENANCE.json ./upstream/toolhive/
RUN npm run build && rm -f dist/bundle/cli/*.code-cache

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="vmcp-admission" \
      org.opencontainers.image.description="Validating admission webhook, CI validator and config renderer for ToolHive VirtualMCPServer rate limiting" \
      org.opencontainers.image.source="https://github.com/vmcp-admission/vmcp-admission" \
      org.opencontainers.image.url="https://github.com/vmcp-admission/vmcp-admission" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
ENV NODE_ENV=production
ENV VMCP_ADMISSION_CERT_DIR=/certs
ENV MALLOC_TRIM_THRESHOLD_=65536
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist/bundle ./dist/bundle
COPY --from=build --chown=65532:65532 /out/certs /certs
COPY schemas ./schemas
COPY package.json package-lock.json LICENSE NOTICE ./
USER 65532:65532
EXPOSE 8443
# Kubernetes `args` replace CMD, so the Deployment passes `serve --port=8443 ...`.
ENTRYPOINT ["/nodejs/bin/node", "--max-semi-space-size=2", "--v8-pool-size=1", "--interrupt-budget=270336", "/app/dist/bundle/cli/main.js"]
CMD ["serve"]
