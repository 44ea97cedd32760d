// Vite turns CSS imports into a stylesheet of its own (no inline style: the CSP forbids it).
declare module '*.css';
