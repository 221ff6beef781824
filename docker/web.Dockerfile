# syntax=docker/dockerfile:1
# TickleGram web (Next.js standalone) — production image. Build from the repository root:
#   docker build -f docker/web.Dockerfile -t ticklegram-web .
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN NX_DAEMON=false npx nx build web

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /repo/apps/web/.next/standalone ./
COPY --from=build --chown=node:node /repo/apps/web/.next/static ./apps/web/.next/static
COPY --from=build --chown=node:node /repo/apps/web/public ./apps/web/public
COPY --from=build --chown=node:node /repo/apps/web/scripts/client-address.cjs ./client-address.cjs
USER node
EXPOSE 3000
# the preload takes the client address from the TCP peer (WEB_TRUSTED_PROXY_HOPS proxies in front)
CMD ["node", "--require", "./client-address.cjs", "apps/web/server.js"]
