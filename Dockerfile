# syntax=docker/dockerfile:1
# Multi-stage build of the referral system.
#   build  – installs everything (the root postinstall also installs web/), builds the API, the CLI and the SPA
#   deps   – production dependencies only, no install scripts (so web/ is not installed)
#   web    – nginx serving the built SPA and proxying /api (docker-compose service `web`)
#   api    – the default target: API server and CLI, non-root, health-checked
ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm_config_fund=false \
    npm_config_audit=false
# Manifests first, so the dependency layers stay cached while only sources change.
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY web/package.json web/package-lock.json ./web/
RUN npm ci
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips the root postinstall (the SPA's toolchain): the runtime serves a built SPA.
# argon2 then loads its prebuilt binary; the smoke test fails the build here, not at the first login.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    && npm cache clean --force \
    && node -e "require('argon2')"

FROM ${NGINX_IMAGE} AS web
# The image's entrypoint renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with
# envsubst; the filter keeps nginx's own $variables untouched. Defaults below, overridable at run time.
ENV NGINX_ENVSUBST_FILTER=^NGINX_ \
    NGINX_LISTEN=80 \
    NGINX_API_SERVERS="server api:3000 resolve max_fails=3 fail_timeout=5s;" \
    NGINX_RESOLVER=127.0.0.11 \
    NGINX_WEB_ROOT=/usr/share/nginx/html \
    NGINX_ACCESS_LOG=/var/log/nginx/access.log \
    NGINX_REAL_IP_FROM=127.0.0.1 \
    NGINX_CODES_RATE=6r/m \
    NGINX_CODES_BURST=5 \
    NGINX_CODES_RETRY_AFTER=10
RUN rm -f /etc/nginx/conf.d/default.conf
COPY nginx/templates/ /etc/nginx/templates/
COPY nginx/snippets/ /etc/nginx/snippets/
COPY --from=build /app/web/dist/ /usr/share/nginx/html/
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:${NGINX_LISTEN}/ || exit 1

FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    WEB_DIST_DIR=/app/web/dist \
    MIGRATE_ON_START=false
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Ready means "the database answers"; a replica that drains on SIGTERM reports 503 here first.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/api/src/main.js"]
