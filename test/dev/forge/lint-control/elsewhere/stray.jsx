// Not in ./src nor in a UI Kit resource's folder: the Forge CLI does not lint it, so neither do we.
// Its problem (a Frame naming a missing resource) must not be reported.
import React from 'react';
import { Frame } from '@forge/react';

export const Stray = () => <Frame resource="not-linted" />;
