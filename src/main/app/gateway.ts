/**
 * The IPC gateway: the only way in from the renderer. It refuses unknown channels and frames that
 * are not our own page, validates every payload against the contract, and only then hands the call
 * to the engine worker or to the shell's own handlers.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Result, ShellChannel, Handlers } from '../../shared/api';
import { channels, engineChannels, isChannel } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { createDispatcher, parseInput } from '../../shared/rpc';
import type { PathGrants } from './pathGrants';

export interface GatewayOptions {
  /** Answers engine channels (the worker host in the app). */
  readonly engine: (channel: string, input: unknown) => Promise<Result<unknown>>;
  /** Answers shell channels: dialogs and the operating system. */
  readonly shell: Handlers<ShellChannel>;
  /** True only for the main frame of a Dossier window showing the app's own page. */
  readonly isTrustedFrame: (frame: WebFrameMain | null) => boolean;
  /** When given, engine calls may name only paths granted here; dialogs and the engine's case answers grant them. */
  readonly grants?: PathGrants;
}

/** Registers one `ipcMain.handle` per contract channel and returns the dispatcher it uses. */
export function registerGateway(ipcMain: IpcMain, options: GatewayOptions): (event: IpcMainInvokeEvent, channel: string, input: unknown) => Promise<Result<unknown>> {
  const shellDispatch = createDispatcher(options.shell);

  const handle = async (event: IpcMainInvokeEvent, channel: string, input: unknown): Promise<Result<unknown>> => {
    if (!options.isTrustedFrame(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'This call did not come from a Dossier window.' } };
    }
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `There is no channel called ${channel}.` } };
    }
    const grants = options.grants;
    if (!Object.hasOwn(engineChannels, channel)) {
      const answer = await shellDispatch(channel, input);
      // What a dialog answers is what the analyst chose: those paths may go to the engine.
      if (grants && answer.ok && channel.startsWith('shell.') && channel !== 'shell.openPath') grants.grantFrom(answer.value);
      return answer;
    }
    let parsed: unknown;
    try {
      parsed = parseInput(channel, input);
    } catch (error) {
      return { ok: false, error: toApiError(error, channel) };
    }
    const ungranted = grants?.firstUngranted(parsed);
    if (ungranted) {
      return {
        ok: false,
        error: { code: 'forbidden-sender', message: `${ungranted} was not chosen in a Dossier dialog or dropped on the window; choose it with the File menu or drop it here.` },
      };
    }
    const answer = await options.engine(channel, parsed);
    // The engine names case files (recent cases, the open case): those may be opened again.
    if (grants && answer.ok && channel.startsWith('cases.')) grants.grantFrom(answer.value);
    return answer;
  };

  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, (event, input: unknown) => handle(event, channel, input));
  }
  return handle;
}
