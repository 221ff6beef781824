# syntax=docker/dockerfile:1
# TickleGram api — production image. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t ticklegram-api .
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false npx nx build api \
 && cd dist/apps/api && npm install --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production APP_MODE=production API_PORT=3001
WORKDIR /app
COPY --from=build --chown=node:node /repo/dist/apps/api ./
USER node
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3001/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# the node options of tools/scripts/lib/run.mjs (API_NODE_ARGS): a 64 MB young generation
CMD ["node", "--max-semi-space-size=64", "main.js"]
