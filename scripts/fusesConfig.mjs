// Electron's fuses for a packaged Dossier (https://www.electronjs.org/docs/latest/tutorial/fuses).
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export function dossierFuses() {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other session data encrypted at rest with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The app's code is read only from app.asar, and that archive's integrity is checked.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The renderer is served from app://; file:// needs no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}
