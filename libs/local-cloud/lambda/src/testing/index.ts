// Test doubles and helpers the local cloud's libraries share in their specs (never imported by running code).
export { delay, FakeInvoker, FunctionError, type FakeHandler } from './fake-invoker';
export { ScriptedInvoker, type Behaviour } from './scripted-invoker';
export { serve, type RunningServer } from './aws-test-server';
