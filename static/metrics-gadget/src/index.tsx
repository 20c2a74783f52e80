import ForgeReconciler, { Text } from '@forge/react';

ForgeReconciler.render(<Text>Incident metrics</Text>);
