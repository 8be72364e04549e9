/** Dossier's Mantine theme: defaults, one accent colour, calm density. */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Noto Sans", "Noto Sans Armenian", "DejaVu Sans", sans-serif',
  headings: { fontWeight: '600' },
  // Analysts who ask their system for less motion get none (and screenshots in tests are stable).
  respectReducedMotion: true,
});
