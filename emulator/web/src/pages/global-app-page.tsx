/** A `jira:globalPage` module at `/jira/apps/<module-key>`: the app's own page, titled like Jira titles it. */
import Heading from '@atlaskit/heading';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { SiteInfo } from '../api/site-info';
import { FullPageMessage } from '../components/page-states';
import { CustomUiFrame } from '../host/custom-ui-frame';
import { modulePagePath } from '../host/navigation-target';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400' });

export function GlobalAppPage({ info, moduleKey }: { info: SiteInfo; moduleKey: string }) {
  const module = info.modules.find((candidate) => candidate.kind === 'jira:globalPage' && candidate.key === moduleKey);
  if (module === undefined) {
    return <FullPageMessage title="This app page can't be found" testId="page-not-found">{`The app has no jira:globalPage module "${moduleKey}".`}</FullPageMessage>;
  }
  return (
    <Box xcss={pageStyles} testId={`global-page-${module.key}`}>
      <Stack space="space.200">
        <Heading size="large">{module.title}</Heading>
        <CustomUiFrame module={module} extension={{}} handlers={{ historyBase: modulePagePath(module) ?? '/' }} />
      </Stack>
    </Box>
  );
}
