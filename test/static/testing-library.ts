/**
 * Testing Library for the UI's renderer: `@testing-library/preact` renders with Preact and wraps
 * events and waits in Preact's `act`, as the components run in production (preact/compat). Component
 * tests import from here.
 *
 * One correction, to `fireEvent.change`: @testing-library/preact 3.2.4 fires `input` instead of
 * `change` for every element once preact/compat is in use, but compat turns `onChange` into an
 * `input` listener only on text-like inputs and text areas (preact/compat/src/render.js); a
 * `<select>`'s `onChange` still listens for `change`, as a browser fires it. Fixed upstream
 * (testing-library/preact-testing-library#77), not in a release yet.
 */
import { createEvent, fireEvent as preactFireEvent } from '@testing-library/preact';
// Every UI module runs with compat's prop normalization (they import React's API, which is compat);
// load it here too, so a test that renders plain elements maps events as the UI does.
import 'preact/compat';

export * from '@testing-library/preact';

/** The input types whose `onChange` compat leaves on the `change` event: file, checkbox, radio. */
const CHANGE_INPUT_TYPES = /fil|che|rad/;

const listensForInput = (el: Document | Node | Element | Window) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !CHANGE_INPUT_TYPES.test(el.type));

export const fireEvent: typeof preactFireEvent = Object.assign((...args: Parameters<typeof preactFireEvent>) => preactFireEvent(...args), {
  ...preactFireEvent,
  change: (el: Document | Node | Element | Window, init?: object) =>
    listensForInput(el) ? preactFireEvent.input(el, init) : preactFireEvent(el, createEvent.change(el, init)),
});
