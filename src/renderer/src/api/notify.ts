/** How a failed call is shown to the analyst, the same in every view. */
import { notifications } from '@mantine/notifications';
import { errorMessage } from './client';

/** A red notification naming what failed and the engine's readable reason. */
export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 10_000 });
}
