/** Messages of provider set-up (keys, endpoints, tests, on-device model), served by the background. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProviderSetupProtocol {}
