import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './recovery.css';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  /** Wrapped, so that even `throw undefined` counts as a failure. */
  failure?: { error: unknown };
  /** Bumped by "Reload this section": a new key mounts the section afresh, its state and loads too. */
  attempt: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** What a failed section shows in its place: the error, and a way to try it again. */
function SectionFailed({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="section-failed">
      <p>{t('recovery.sectionFailed', { message: messageOf(error) })}</p>
      <p className="muted">{t('recovery.sectionFailedHelp')}</p>
      <button type="button" onClick={onReload}>
        {t('recovery.reloadSection')}
      </button>
    </div>
  );
}

/**
 * Keeps an error thrown while rendering one part of a page inside that part: it shows what went
 * wrong and a reload button instead of the part, and the rest of the page keeps working. (React
 * unmounts the whole page on an error no boundary catches.)
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { failure: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[RedBridge] a section of the page failed', error, info.componentStack);
  }

  private readonly reload = () => {
    this.setState(({ attempt }) => ({ failure: undefined, attempt: attempt + 1 }));
  };

  override render(): ReactNode {
    const { failure, attempt } = this.state;
    if (failure) return <SectionFailed error={failure.error} onReload={this.reload} />;
    return <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}
