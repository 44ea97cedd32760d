// Only the microphone (for voice), only for our own origin; every other permission, device chooser
// and download is refused.
import type { Session } from 'electron';
import { APP_ORIGIN, isAppUrl } from './origin';

export interface PermissionDetailsLike {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ('video' | 'audio')[];
}

export function allowPermissionRequest(permission: string, details: PermissionDetailsLike): boolean {
  if (permission !== 'media' || !isAppUrl(details.requestingUrl) || details.isMainFrame === false) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'audio');
}

export function allowPermissionCheck(permission: string, requestingOrigin: string, details: { mediaType?: string; requestingUrl?: string }): boolean {
  if (permission !== 'media' || requestingOrigin !== APP_ORIGIN) return false;
  if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl)) return false;
  return details.mediaType === 'audio';
}

export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>;

export function applySessionPolicy(ses: SessionLike): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(allowPermissionRequest(permission, details as PermissionDetailsLike)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => allowPermissionCheck(permission, requestingOrigin, details));
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}
