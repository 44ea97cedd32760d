// Our one origin. The screen is served from app://galla/ (see protocol.ts); nothing else may talk to
// the main process, use the microphone or be navigated to.
export const APP_SCHEME = 'app';
export const APP_HOST = 'galla';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True for app://galla/... exactly: the scheme and host, no user, password or port. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
