import { useTranslation } from 'react-i18next';
import { fmt } from '../../format';
import { SPEED_LADDER, SPEED_MAX, speedFromPosition, speedPosition } from '../../state/speed';
import { RangeControl } from './RangeControl';

interface Props {
  /** Steps per second; SPEED_MAX means as fast as possible. */
  value: number;
  onChange: (sps: number) => void;
  /** The lab's URL key for it (an embedding page can lock it). */
  urlKey: string;
  disabled?: boolean;
}

/**
 * The one steps-per-second control of every training lab: a log-scale slider from slow
 * motion (1 step a second) to "max", where training runs as fast as the engine goes. It moves
 * along 1-2-3-5 stops, so each arrow key press is a visible change (Home: 1/s, End: max); a
 * link may hold any value in between, which is shown as it is.
 */
export function SpeedControl({ value, onChange, urlKey, disabled }: Props) {
  const { t } = useTranslation();
  const atMax = value >= SPEED_MAX;
  const text = atMax ? t('control.speedMax') : t('control.speedValue', { v: fmt(value, 3) });
  return (
    <RangeControl
      label={t('control.speed')}
      urlKey={urlKey}
      className="speed-control"
      text={text}
      ariaText={atMax ? t('control.speedMaxAria') : text}
      min={0}
      max={SPEED_LADDER.length - 1}
      step={1}
      position={speedPosition(value)}
      onPosition={(p) => onChange(speedFromPosition(p))}
      disabled={disabled}
    />
  );
}
