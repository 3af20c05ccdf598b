// The control app's UI Kit resource. Planted: a Frame naming a resource the manifest does not have,
// found only if the lint reads the UI Kit resource's folder, as the Forge CLI does.
import React from 'react';
import { Frame } from '@forge/react';

export const App = () => <Frame resource="no-such-resource" />;
