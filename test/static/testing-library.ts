/**
 * Testing Library for the UI's renderer: `@testing-library/react` renders with react-dom 18, the
 * renderer the components run with in production, and wraps events and waits in React's `act`.
 * Component tests import from here, so a change of harness is one file.
 */
export * from '@testing-library/react';
