// The voice socket's subprotocol (the one the server answers with) and the prefix of the entry that
// carries a paired device's token beside it (never echoed): a browser cannot set a header on a
// WebSocket. Shared by the services (main/api/auth.ts) and the screen (renderer/bridge).
export const WS_PROTOCOL = 'galla.v1';
export const WS_TOKEN_PREFIX = 'galla-token.';
