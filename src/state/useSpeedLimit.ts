import { useEffect } from 'react';
import { stepsPerSecCap } from './speed';

/** Anything that can cap its steps per second (a TrainingSession). */
interface Capped {
  setMaxStepsPerSec(v: number): Promise<void>;
}

/**
 * Keeps a lab's training session at the steps per second its URL asks for. The session
 * re-applies the cap itself when its worker is replaced, so this only follows changes.
 */
export function useSpeedLimit(session: Capped, sps: number, active = true): void {
  useEffect(() => {
    if (active) void session.setMaxStepsPerSec(stepsPerSecCap(sps));
  }, [session, sps, active]);
}
