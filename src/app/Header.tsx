import { BACKENDS, BACKEND_LABELS, type BackendChoice } from '../ml/backend-names';
import { useBackendStatus } from '../state/backend-status';
import { LESSONS } from '../lessons/registry';

interface Props {
  path: string;
  backendChoice: BackendChoice;
  onBackendChange: (b: BackendChoice) => void;
}

export function Header({ path, backendChoice, onBackendChange }: Props) {
  const { info } = useBackendStatus();
  const onLesson = path !== '/';
  return (
    <header className="site-header">
      <a className="brand" href="#/">
        <span aria-hidden="true" className="brand-mark">∇</span> Deep-learning playground
      </a>
      <nav aria-label="Lessons" className="lesson-nav">
        {LESSONS.map((l) => (
          <a key={l.id} href={`#${l.path}`} aria-current={path === l.path ? 'page' : undefined}>
            {l.short}
          </a>
        ))}
      </nav>
      <div className="backend">
        {onLesson && (
          <span className="backend-badge" data-testid="backend-badge" title={info?.skipped.map((s) => `${BACKEND_LABELS[s.name]}: ${s.reason}`).join('\n')}>
            {info ? info.label : 'Starting…'}
          </span>
        )}
        <label className="backend-select">
          <span>Compute backend</span>
          <select value={backendChoice} onChange={(e) => onBackendChange(e.target.value as BackendChoice)}>
            <option value="auto">Auto (best available)</option>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {BACKEND_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
