import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/, which `ftai serve` serves on the API's own port. `npm run dev -w @ftai/web`
// proxies the API to a server on :8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/notices': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
