// biome-ignore lint/suspicious/noExplicitAny: the document is untrusted; each field is checked where it is read
type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The structural rules of OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.1) that a generator, or a
 * hand edit, can break: the required top-level fields, path keys and their templates, unique operation
 * ids, each operation's responses, path parameters declared once per template name, media types with
 * a schema, security schemes that exist, and every local `$ref` pointing at something in the document.
 * Returns one line per problem, naming where; `[]` for a sound document.
 */
export function openApiProblems(doc: Json): string[] {
  const problems: string[] = [];
  const check = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(/^3\.1\.\d+$/.test(String(doc.openapi)), 'openapi must be 3.1.x');
  check(typeof doc.info?.title === 'string', 'info.title is missing');
  check(typeof doc.info?.version === 'string', 'info.version is missing');
  check(doc.paths && typeof doc.paths === 'object', 'paths is missing');
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    check(/^\/[^?#]*$/.test(path), `path ${path} must start with / and carry no query`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
    for (const [method, operation] of Object.entries<Json>(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      check(METHODS.includes(method), `${where}: unknown method`);
      check(typeof operation.operationId === 'string', `${where}: operationId is missing`);
      check(!operationIds.has(operation.operationId), `${where}: duplicate operationId`);
      operationIds.add(operation.operationId);
      const parameters: Json[] = operation.parameters ?? [];
      const declared = parameters
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name)
        .sort();
      check(
        JSON.stringify(declared) === JSON.stringify(templated),
        `${where}: path parameters [${declared.join(', ')}] do not match the template`,
      );
      for (const parameter of parameters) {
        check(
          ['path', 'query', 'header', 'cookie'].includes(parameter.in),
          `${where}: ${parameter.name} in?`,
        );
        if (parameter.in === 'path')
          check(parameter.required === true, `${where}: ${parameter.name} required`);
        check(parameter.schema, `${where}: parameter ${parameter.name} has no schema`);
      }
      const keys = parameters.map((parameter) => `${parameter.in}:${String(parameter.name).toLowerCase()}`);
      check(new Set(keys).size === keys.length, `${where}: duplicate parameter`);
      if (operation.requestBody)
        contentProblems(operation.requestBody.content, `${where} requestBody`, check);
      const responses = Object.entries<Json>(operation.responses ?? {});
      check(responses.length > 0, `${where}: no responses`);
      for (const [status, response] of responses) {
        check(/^([1-5]\d\d|[1-5]XX|default)$/.test(status), `${where}: response key ${status}`);
        check(typeof response.description === 'string', `${where} ${status}: description is missing`);
        if (response.content) contentProblems(response.content, `${where} ${status}`, check);
      }
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) {
          check(doc.components?.securitySchemes?.[scheme], `${where}: no security scheme ${scheme}`);
        }
      }
    }
  }
  refProblems(doc, doc, '#', check);
  return problems;
}

type Check = (ok: unknown, problem: string) => void;

function contentProblems(content: Json | undefined, where: string, check: Check): void {
  const entries = Object.entries<Json>(content ?? {});
  check(entries.length > 0, `${where}: content is empty`);
  for (const [mediaType, media] of entries) {
    check(/^[a-z*]+\/[a-z0-9.+*-]+$/.test(mediaType), `${where}: media type ${mediaType}`);
    check(media.schema && typeof media.schema === 'object', `${where} ${mediaType}: schema is missing`);
  }
}

function refProblems(doc: Json, node: unknown, where: string, check: Check): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) refProblems(doc, item, `${where}/${index}`, check);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key !== '$ref') {
      refProblems(doc, value, `${where}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, check);
      continue;
    }
    const ref = String(value);
    let target: unknown = ref.startsWith('#/') ? doc : undefined;
    for (const part of ref.slice(2).split('/')) {
      target = (target as Json | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    check(target !== undefined, `${where}: $ref ${ref} does not resolve`);
  }
}
