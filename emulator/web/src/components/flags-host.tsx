/** Shows the page's flags in the bottom-left corner, as Jira does. */
import Flag, { FlagGroup } from '@atlaskit/flag';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import InfoIcon from '@atlaskit/icon/core/status-information';
import SuccessIcon from '@atlaskit/icon/core/status-success';
import WarningIcon from '@atlaskit/icon/core/status-warning';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import { closeHostFlag, useHostFlags, type FlagAppearance, type HostFlag } from '../host/flags';

const icons = {
  info: <InfoIcon label="Info" color={token('color.icon.information')} />,
  success: <SuccessIcon label="Success" color={token('color.icon.success')} />,
  warning: <WarningIcon label="Warning" color={token('color.icon.warning')} />,
  error: <ErrorIcon label="Error" color={token('color.icon.danger')} />,
} satisfies Record<FlagAppearance, JSX.Element>;

const autoDismissMs = 8000;

function AutoDismiss({ flag }: { flag: HostFlag }) {
  useEffect(() => {
    if (!flag.autoDismiss) return;
    const timer = setTimeout(() => closeHostFlag(flag.id), autoDismissMs);
    return () => clearTimeout(timer);
  }, [flag]);
  return null;
}

export function FlagsHost() {
  const flags = useHostFlags();
  return (
    <FlagGroup onDismissed={(id) => closeHostFlag(String(id))}>
      {flags.map((flag) => (
        <Flag
          key={flag.id}
          id={flag.id}
          icon={icons[flag.appearance]}
          title={
            <>
              {flag.title}
              <AutoDismiss flag={flag} />
            </>
          }
          {...(flag.description === undefined ? {} : { description: flag.description })}
          {...(flag.bold ? { appearance: flag.appearance === 'info' ? 'info' : flag.appearance === 'success' ? 'success' : flag.appearance === 'warning' ? 'warning' : 'error' } : {})}
          actions={flag.actions.map((action) => ({ content: action.text, onClick: action.onClick }))}
          testId={`flag-${flag.id}`}
        />
      ))}
    </FlagGroup>
  );
}
