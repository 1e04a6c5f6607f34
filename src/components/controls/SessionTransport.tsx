import type { Phase } from '../../state/training-session';
import { Transport } from './Transport';

/** The part of a lab's training session the transport drives. */
export interface TransportSession {
  train(): Promise<void>;
  pause(): Promise<void>;
  step(n?: number): Promise<void>;
  reset(): Promise<void>;
}

interface Props {
  session: TransportSession;
  phase: Phase;
  /** Replaces the plain reset (e.g. one that also clears the lab's own histories). */
  onReset?: () => void;
}

/** Train / Pause / Step (one step) / Reset wired to a lab's training session: what every lab shows. */
export function SessionTransport({ session, phase, onReset }: Props) {
  return (
    <Transport
      phase={phase}
      onTrain={() => void session.train()}
      onPause={() => void session.pause()}
      onStep={() => void session.step(1)}
      onReset={onReset ?? (() => void session.reset())}
    />
  );
}
