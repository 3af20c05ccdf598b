/** The overall result of a step-by-step run, from its steps' results: one function, shared with the backend's payload check. */
export { contradictsSteps, deriveStatus } from '../../../../src/shared/steps';
