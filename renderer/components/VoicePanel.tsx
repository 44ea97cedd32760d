// The voice corner: push-to-talk, the live transcript, what was understood and the reply. The voice
// client (renderer/voice) talks to the WebSocket at /ws and fills it in with setVoice(...); the
// agent on the server changes the counter's open bill, which the client then fetches again.
import { useEffect, useRef, useState } from 'react';
import { Kbd } from './ActionButton';
import { useApp } from '../store';
import { MicIcon } from './Icons';
import { acquireVoiceClient, enginesSummary, type VoiceClient } from '../voice/client';
import { useVoiceStatus } from '../voice/state';
import '../voice/voice.css';

export function VoicePanel() {
  const t = useApp((s) => s.t);
  const v = useApp((s) => s.voice);
  const st = useVoiceStatus();
  const client = useRef<VoiceClient | null>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    const c = acquireVoiceClient();
    client.current = c.client;
    return () => {
      client.current = null;
      c.done();
    };
  }, []);

  const send = () => {
    if (client.current?.say(text)) setText('');
  };
  const connection = st.connection === 'ready' ? t('voice.connected') : st.connection === 'connecting' ? t('voice.connecting') : st.connection === 'closed' ? t('voice.closed') : '';

  return (
    <div className={`card voice ${v.listening ? 'listening' : ''}`} data-testid="voice">
      <div className="voice-head">
        <MicIcon />
        <strong>{t('voice.title')}</strong>
        {/* Push-to-talk: held by pointer here, or by Alt+V (keyboard.ts sends galla:voice down and up). */}
        <button
          type="button"
          className="action quiet"
          data-action="voice"
          data-testid="voice-ptt"
          aria-pressed={v.listening}
          disabled={st.connection !== 'ready'}
          onMouseDown={(e) => e.preventDefault()}
          onPointerDown={() => void client.current?.press()}
          onPointerUp={() => client.current?.release()}
          onPointerLeave={() => client.current?.release()}
        >
          <span className="action-label">{v.listening ? t('voice.listening') : t('action.voice')}</span>
          <Kbd k="Alt+v" />
        </button>
      </div>
      {connection ? (
        <div className="muted" data-testid="voice-connection">
          {connection}
        </div>
      ) : null}
      {st.engines.length ? (
        <details className="muted" data-testid="voice-engines">
          <summary>{enginesSummary(st.engines)}</summary>
          <ul>
            {st.engines
              .filter((e) => !e.ok)
              .map((e) => (
                <li key={e.name}>
                  {e.name}: {e.reason ?? t('voice.notAvailable')}
                </li>
              ))}
          </ul>
        </details>
      ) : null}
      {st.problem ? (
        <div className="notice error" role="alert" data-testid="voice-problem">
          {st.problem}
        </div>
      ) : null}
      <div className="voice-controls">
        <input
          data-testid="voice-text"
          aria-label={t('voice.typeLabel')}
          placeholder={t('voice.typePlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          // Enter's keydown belongs to the bill's keys (captured on window); its keyup sends here.
          onKeyUp={(e) => {
            if (e.key === 'Enter') send();
          }}
        />
        <button type="button" data-testid="voice-send" onClick={send}>
          {t('voice.send')}
        </button>
      </div>
      {v.transcript || v.understood || v.reply ? (
        <dl>
          <dt>{t('voice.heard')}</dt>
          <dd className="transcript" data-testid="voice-transcript">
            {v.transcript}
          </dd>
          <dt>{t('voice.understood')}</dt>
          <dd data-testid="voice-understood">{v.understood}</dd>
          <dt>{t('voice.reply')}</dt>
          <dd data-testid="voice-reply">{v.reply}</dd>
        </dl>
      ) : (
        <div className="muted">{t('voice.idle')}</div>
      )}
    </div>
  );
}
