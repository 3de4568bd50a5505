// Entry point for Custom UI bundles: nothing here imports Node built-ins.
export { instrumentBridge, flushBridgeUsage, type BridgeLike, type BridgeRecorderOptions } from './bridge';
export { BRIDGE_USAGE_RESOLVER_KEY } from './bridge-key';
