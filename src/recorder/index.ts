export { instrument, instrumentFetch, type InstrumentOptions } from './instrument';
export { withUsageRecording } from './with-usage-recording';
export { flushUsage } from './flush';
export { recordBridgeTally, defineBridgeUsageResolver, type BridgeUsageResult, type BridgeUsageOptions, type FrontendOperations } from './bridge-resolver';
export { frontendOperations } from './bridge-verify';
export { BRIDGE_USAGE_RESOLVER_KEY } from './bridge-key';
export { FAILURE_CATEGORY_HEADER, SCOPE_CHECK_FAILURE } from './response-status';
