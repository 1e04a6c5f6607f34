import { t } from '../i18n';
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A rendering error in one lesson shows a message and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="lesson" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{this.state.error.message}</p>
        <p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {t('error.retry')}
          </button>{' '}
          {t('error.orBack')} <a href="#/">{t('error.link')}</a>.
        </p>
      </main>
    );
  }
}
