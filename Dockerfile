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
# manifests/base/deployment.yaml also requires. It holds only dist/, schemas/, node_modules/ and
# the package files.
ARG NODE_IMAGE=node:20-bookworm-slim
ARG RUNTIME_IMAGE=gcr.io/distroless/nodejs20-debian12:nonroot

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schemas ./schemas
COPY scripts/bundle.mjs ./scripts/bundle.mjs
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM ${RUNTIME_IMAGE}
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY schemas ./schemas
COPY package.json package-lock.json ./
USER 65532:65532
EXPOSE 8443
# Kubernetes `args` replace CMD, so the Deployment passes `serve --port=8443 ...`. The bundle is
# minified; source maps turn a logged stack trace back into src/ file:line.
ENTRYPOINT ["/nodejs/bin/node", "--enable-source-maps", "/app/dist/bundle/cli/main.js"]
CMD ["serve"]
