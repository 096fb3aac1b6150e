// Catches rendering errors so one broken page never blanks the whole window.
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';

interface State {
  error: Error | null;
}

function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={`${message}。您的数据没有受影响，可以重试或返回首页。`}
      extra={[
        <Button key="retry" type="primary" onClick={onRetry}>
          重试
        </Button>,
        <Button key="home" onClick={() => (window.location.hash = '#/')}>
          返回首页
        </Button>,
      ]}
    />
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  static RouteError = function RouteError() {
    const error = useRouteError();
    return <ErrorScreen error={error} onRetry={() => window.location.reload()} />;
  };

  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorScreen error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
