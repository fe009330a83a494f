export { type ComponentMeta, componentRef, componentSchemas, contractComponents } from './components.js';
export { buildOpenApiDocument, CONTRACT_VERSION, OPENAPI_VERSION, type OpenApiOptions } from './document.js';
export { COMMON_ERRORS, OPERATIONS, type OperationSpec } from './operations.js';
export { openApiProblems } from './structure.js';
