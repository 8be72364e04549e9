/** Switches between light and dark themes (also Ctrl+Shift+L). */
import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { modKey } from './format';

export function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const toggle = () => setColorScheme(next);
  useHotkeys([['mod+shift+L', toggle]]);
  return (
    <Tooltip label={`${next === 'dark' ? 'Dark' : 'Light'} theme (${modKey}+Shift+L)`}>
      <ActionIcon variant="default" size="lg" onClick={toggle} aria-label={`Switch to ${next} theme`}>
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
