import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { allowPermissionCheck, allowPermissionRequest, applySessionPolicy } = await import('./permissions');

const ours = { requestingUrl: 'app://galla/index.html', isMainFrame: true };

describe('permissions', () => {
  it('grants only the microphone, only to app://galla', () => {
    expect(allowPermissionRequest('media', { ...ours, mediaTypes: ['audio'] })).toBe(true);
    expect(allowPermissionRequest('media', { ...ours, mediaTypes: ['video'] })).toBe(false);
    expect(allowPermissionRequest('media', { ...ours, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(allowPermissionRequest('media', { ...ours, mediaTypes: [] })).toBe(false);
    expect(allowPermissionRequest('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(allowPermissionRequest('media', { requestingUrl: 'app://galla/x', isMainFrame: false, mediaTypes: ['audio'] })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture', 'hid', 'serial', 'usb', 'fullscreen']) {
      expect(allowPermissionRequest(p, { ...ours, mediaTypes: ['audio'] }), p).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    expect(allowPermissionCheck('media', 'app://galla', { mediaType: 'audio', requestingUrl: 'app://galla/' })).toBe(true);
    expect(allowPermissionCheck('media', 'app://galla', { mediaType: 'video' })).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example', { mediaType: 'audio' })).toBe(false);
    expect(allowPermissionCheck('media', 'app://galla', { mediaType: 'audio', requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(allowPermissionCheck('notifications', 'app://galla', {})).toBe(false);
  });

  it('installs the handlers on the session, refuses device choosers and downloads', () => {
    const ses = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    });
    applySessionPolicy(ses as never);
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void;
    const cb = vi.fn();
    request({}, 'media', cb, { ...ours, mediaTypes: ['audio'] });
    request({}, 'geolocation', cb, ours);
    expect(cb.mock.calls).toEqual([[true], [false]]);
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, p: string, o: string, d: unknown) => boolean;
    expect(check({}, 'media', 'app://galla', { mediaType: 'audio' })).toBe(true);
    expect((ses.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    const download = { preventDefault: vi.fn() };
    ses.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});
