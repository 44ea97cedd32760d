// "Teach Galla your voice" (owner only, in Settings): the shop's own sentences shown one at a time,
// each recorded while Alt+V or the button is held, then sent together to adapt the grammar engine
// (renderer/voice/adapt.ts). While the sentences are being read, this part holds push-to-talk:
// Alt+V's galla:voice events record the sentence, and the agent's voice client ignores them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Kbd } from '../components/ActionButton';
import { MicIcon } from '../components/Icons';
import { useApp } from '../store';
import { adaptApi, SentenceRecorder, type AdaptDone, type AdaptState } from '../voice/adapt';
import { claimPushToTalk, micProblem } from '../voice/client';

/** The services refuse fewer (main/api/routes/voice.ts). */
export const MIN_SENTENCES = 5;

type Phase = 'idle' | 'reading' | 'sending';

export function VoiceAdapt() {
  const t = useApp((s) => s.t);
  const [info, setInfo] = useState<AdaptState | null>(null);
  const [problem, setProblem] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [index, setIndex] = useState(0);
  const [takes, setTakes] = useState<(Int16Array | null)[]>([]);
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<AdaptDone | null>(null);
  const recorder = useRef(new SentenceRecorder());
  // The prompt being read when the key went down: the recording belongs to it even if the screen moves on.
  const recordingFor = useRef(0);
  const browserOnly = Boolean(window.galla);

  const load = useCallback(async () => {
    const r = await adaptApi.state();
    if (r.ok) setInfo(r.value);
    else setProblem(t('adapt.failed', { reason: r.message }));
  }, [t]);
  useEffect(() => {
    if (!browserOnly) void load();
  }, [load, browserOnly]);

  const prompts = info?.prompts ?? [];
  const recorded = takes.filter(Boolean).length;

  const press = useCallback(() => {
    if (recorder.current.recording) return;
    recordingFor.current = index;
    setRecording(true);
    setProblem('');
    recorder.current.start().catch((err: unknown) => {
      setRecording(false);
      setProblem(micProblem(err));
    });
  }, [index]);
  const release = useCallback(() => {
    if (!recorder.current.recording) return;
    setRecording(false);
    const at = recordingFor.current;
    void recorder.current.stop().then((pcm) => {
      if (!pcm) return setProblem(t('adapt.tooShort'));
      setTakes((all) => all.map((x, i) => (i === at ? pcm : x)));
      // On to the next sentence; the last one stays, ready to send.
      setIndex((i) => (i === at ? Math.min(at + 1, prompts.length - 1) : i));
    });
  }, [t, prompts.length]);

  // Alt+V is this flow's while the sentences are read (see the header comment).
  useEffect(() => {
    if (phase !== 'reading') return;
    const unclaim = claimPushToTalk();
    const onPtt = (e: Event) => ((e as CustomEvent<{ pressed?: boolean }>).detail?.pressed ? press() : release());
    window.addEventListener('galla:voice', onPtt);
    return () => {
      window.removeEventListener('galla:voice', onPtt);
      unclaim();
    };
  }, [phase, press, release]);
  // Leaving Settings mid-sentence closes the microphone.
  useEffect(() => {
    const r = recorder.current;
    return () => void r.stop();
  }, []);

  const start = () => {
    setTakes(prompts.map(() => null));
    setIndex(0);
    setDone(null);
    setProblem('');
    setPhase('reading');
  };
  const send = async () => {
    const samples = prompts.flatMap((text, i) => (takes[i] ? [{ text, pcm: takes[i] }] : []));
    setPhase('sending');
    setProblem('');
    const r = await adaptApi.send(samples);
    if (r.ok) {
      setDone(r.value);
      setPhase('idle');
      await load();
    } else {
      setProblem(t('adapt.failed', { reason: r.message }));
      setPhase('reading');
    }
  };
  const forget = async () => {
    setProblem('');
    setDone(null);
    const r = await adaptApi.forget();
    if (r.ok) await load();
    else setProblem(t('adapt.failed', { reason: r.message }));
  };

  const status = browserOnly ? t('adapt.browserOnly') : !info ? '' : info.missing ? t('adapt.missing', { reason: info.missing }) : info.adapted ? t('adapt.adapted') : t('adapt.notAdapted');
  return (
    <section className="card voice-adapt" data-testid="voice-adapt">
      <h2>
        <MicIcon /> {t('adapt.title')}
      </h2>
      <p className="muted" data-testid="adapt-status">
        {status}
      </p>
      {done && (
        <div className="notice ok" data-testid="adapt-done">
          {t('adapt.done', { used: done.used, skipped: done.skipped })}
        </div>
      )}
      {problem && (
        <div className="notice error" role="alert" data-testid="adapt-problem">
          {problem}
        </div>
      )}
      {phase === 'idle' && info && !info.missing && (
        <div className="adapt-buttons">
          <button type="button" className="action primary" data-testid="adapt-start" disabled={prompts.length === 0} onClick={start}>
            {t('adapt.start')}
          </button>
          {info.adapted && (
            <button type="button" className="action" data-testid="adapt-forget" onClick={() => void forget()}>
              {t('adapt.forget')}
            </button>
          )}
        </div>
      )}
      {phase === 'reading' && prompts.length > 0 && (
        <div className="adapt-reading">
          <div className="adapt-progress" data-testid="adapt-progress">
            {t('adapt.progress', { n: index + 1, total: prompts.length })} · {t('adapt.recorded', { n: recorded })}
          </div>
          <p className={`adapt-prompt ${takes[index] ? 'has-take' : ''}`} data-testid="adapt-prompt" lang="hi-Latn">
            {prompts[index]}
            {takes[index] && <span className="adapt-tick"> ✓</span>}
          </p>
          <p className="muted">{t('adapt.hint')}</p>
          <div className="adapt-buttons">
            <button
              type="button"
              className={`action primary ${recording ? 'listening' : ''}`}
              data-testid="adapt-record"
              aria-pressed={recording}
              onMouseDown={(e) => e.preventDefault()}
              onPointerDown={press}
              onPointerUp={release}
              onPointerLeave={release}
            >
              {recording ? t('adapt.recording') : takes[index] ? t('adapt.again') : t('adapt.hold')} <Kbd k="Alt+v" />
            </button>
            <button type="button" className="action" data-testid="adapt-back" disabled={index === 0 || recording} onClick={() => setIndex(index - 1)}>
              {t('adapt.back')}
            </button>
            <button type="button" className="action" data-testid="adapt-skip" disabled={index >= prompts.length - 1 || recording} onClick={() => setIndex(index + 1)}>
              {t('adapt.skip')}
            </button>
            <button type="button" className="action primary" data-testid="adapt-send" disabled={recorded < MIN_SENTENCES || recording} onClick={() => void send()}>
              {t('adapt.send', { n: recorded })}
            </button>
            <button type="button" className="action quiet" data-testid="adapt-cancel" disabled={recording} onClick={() => setPhase('idle')}>
              {t('action.cancel')}
            </button>
          </div>
          {recorded < MIN_SENTENCES && <p className="muted">{t('adapt.needMore', { min: MIN_SENTENCES })}</p>}
        </div>
      )}
      {phase === 'sending' && (
        <div className="notice warn" role="status" data-testid="adapt-sending">
          {t('adapt.sending')}
        </div>
      )}
    </section>
  );
}
