// The voice corner: push-to-talk, the live transcript, what was understood and the reply. The voice
// pipeline (a WebSocket at /ws) fills it in with useApp.getState().setVoice(...); what it understands
// runs through the same registry as keys: runAction(id, 'voice', args).
import { ActionButton } from './ActionButton';
import { useApp } from '../store';
import { MicIcon } from './Icons';

export function VoicePanel() {
  const t = useApp((s) => s.t);
  const v = useApp((s) => s.voice);
  return (
    <div className={`card voice ${v.listening ? 'listening' : ''}`} data-testid="voice">
      <div className="voice-head">
        <MicIcon />
        <strong>{t('voice.title')}</strong>
        <ActionButton id="voice" variant="quiet" />
      </div>
      {v.transcript || v.understood || v.reply ? (
        <dl>
          <dt>{t('voice.heard')}</dt>
          <dd className="transcript">{v.transcript}</dd>
          <dt>{t('voice.understood')}</dt>
          <dd>{v.understood}</dd>
          <dt>{t('voice.reply')}</dt>
          <dd>{v.reply}</dd>
        </dl>
      ) : (
        <div className="muted">{t('voice.idle')}</div>
      )}
    </div>
  );
}
