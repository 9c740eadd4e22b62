import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// Built into dist/, which `ftai serve` serves on the API's own port: every file also as .br and .gz
// (compressed once here, at the highest levels, and sent as they are: @fastify/static preCompressed).
// `npm run dev -w @ftai/web` proxies the API to a server on :8080.
export default defineConfig({
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // ECharts' renderer (zrender) in a chunk of its own beside ECharts: two files fetched at once
    // with the first chart, each under the default size warning.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zrender', test: /[\\/]node_modules[\\/]zrender[\\/]/ }] } } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/notices': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
