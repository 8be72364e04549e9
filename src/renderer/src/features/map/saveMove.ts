/** Saving a move of a pin or a drawing (by dragging or by the arrow keys), and telling the analyst how to take it back. */
import { notifications } from '@mantine/notifications';
import type { Drawing } from '../../../../shared/map';
import { modKey } from '../../components/format';
import { notifyError } from '../../api/notify';
import type { Grab } from './drawingGeometry';

/** Saves what a drag or the arrow keys moved (a pin, a drawing) and says how to take it back; resolves false when it could not be saved. */
export function saveMove(saving: Promise<unknown>, name: string): Promise<boolean> {
  return saving.then(
    () => {
      notifications.show({ color: 'indigo', message: `Moved ${name} — ${modKey}+Z undoes it`, autoClose: 3000 });
      return true;
    },
    (error: unknown) => {
      notifyError(`Could not move ${name}`, error);
      return false;
    },
  );
}

/** How a move of a drawing is named in its notification. */
export function movedName(drawing: Drawing, grab: Grab): string {
  const name = drawing.label || `the ${drawing.kind}`;
  return grab.part === 'vertex' ? `a vertex of ${name}` : name;
}
