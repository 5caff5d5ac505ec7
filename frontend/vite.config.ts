/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves the SPA and proxies /api/* to the backend services.
// In development we mirror that: Vite serves the app, /api goes to the local gateway.
const apiProxy = {
  '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, so a page change does not re-download them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            // Only pages with charts load ECharts.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole-app tests render antd pages in jsdom: seconds each on a quiet 2-core machine, and more
    // than a minute each at a load average of 20 (seen: two renders of movement-detail past 60 s).
    // Waits inside a test (setup-tests.ts) run up to just under this deadline; a test that passes
    // takes what it needs, only a broken one runs this long.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
