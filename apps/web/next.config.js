//@ts-check
const path = require('node:path');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Self-contained server for the Docker image: apps/web/.next/standalone/apps/web/server.js
  output: 'standalone',
  // The monorepo root, so tracing picks up hoisted node_modules and libs/.
  outputFileTracingRoot: path.join(__dirname, '../..'),
  turbopack: { root: path.join(__dirname, '../..') },
  poweredByHeader: false,
  reactStrictMode: true,
  // domain-models is TypeScript source resolved through tsconfig paths.
  transpilePackages: ['@ticklegram/domain-models'],
};

module.exports = nextConfig;
