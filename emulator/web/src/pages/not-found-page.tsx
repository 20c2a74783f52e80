/** Any URL the site has no page for. */
import { FullPageMessage } from '../components/page-states';

export function NotFoundPage() {
  return (
    <FullPageMessage title="This page can't be found" testId="page-not-found">
      {`The local site has no page at ${window.location.pathname}.`}
    </FullPageMessage>
  );
}
