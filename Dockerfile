# The application image for production: the worker, the API (serving the console) and the
# dispatcher run from it.
# Temporal and PostgreSQL are separate services (docker-compose.yml); no embedded server here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY workflows workflows
COPY activities activities
COPY seeds seeds
# The console's API types are generated from the API's OpenAPI document at build time.
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
USER node
CMD ["node", "dist/apps/worker/src/main.js"]
