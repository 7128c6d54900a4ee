// The Clover stand-in's clock (shared with the Square stand-in).
export { createClock, type Clock } from '../shared/clock';
