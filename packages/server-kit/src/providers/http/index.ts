// What every provider adapter needs to speak HTTP: the client, auth strategies, transports, deadlines
// and retries. A provider folder imports from here, never from another provider's folder.

export {
  type AuthContext,
  type AuthHeaders,
  type AuthStrategy,
  basicAuth,
  basicAuthorization,
  bearerAuth,
  noAuth,
} from './auth.js';
export {
  type ClosableTransport,
  fetchTransport,
  type HttpMethod,
  type NodeTransportOptions,
  nodeTransport,
  type ResponseHeaders,
  ResponseTooLargeError,
  responseHeader,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './node-transport.js';
export { type OAuth2ClientCredentialsOptions, oauth2ClientCredentials } from './oauth2.js';
export {
  createProviderClient,
  type ProviderCall,
  type ProviderClientOptions,
  type ProviderHttp,
  type ProviderLogger,
  type ProviderReadCall,
  type ProviderWriteCall,
  type RequestSigner,
  type SignableRequest,
} from './provider-client.js';
export {
  type ProviderErrorBody,
  ProviderRequestError,
  type ProviderRequestErrorClass,
  type ProviderRequestErrorOptions,
} from './provider-request-error.js';
export type { BodyType, FormFields } from './request-body.js';
export { type BackoffPolicy, backoffDelay, type RetryOptions, retry } from './retry.js';
export { withTimeout } from './timeout.js';
export { type CachedTokenOptions, cachedTokenAuth, type IssuedToken } from './token-cache.js';
export { type TokenFromEndpointOptions, tokenFromEndpoint } from './token-from-endpoint.js';
