// The voice agent: one per counter, sharing the shop's engine.
export { CounterAgent, type CounterAgentOptions } from './agent';
export { execute, type BillExtras, type Question, type RunContext, type Step } from './executor';
