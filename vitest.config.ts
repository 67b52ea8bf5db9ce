// Unit tests of the frontend (frontend/**/*.test.ts), run by `./workbench test` through Maven
// (exec-maven-plugin in the test phase) or alone with `npx vitest run`. Independent of Vaadin's
// generated vite.config.ts, so it works before the first Maven build has generated it.
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['frontend/**/*.test.ts'],
    exclude: ['frontend/generated/**', 'node_modules/**'],
    environment: 'happy-dom',
    // Lit's development build (which vitest resolves) announces itself once per file
    onConsoleLog: (log) => !log.includes('Lit is in dev mode'),
  },
});
